import type { OrgUnitView, Page, UserView } from '@rodtrad/contracts';
import { useDeferredValue, useMemo, useState } from 'react';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useApiQuery } from '../../api/query-client';
import { isAdmin, useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/data-table';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { orgKindLabel, roleLabel, t } from '../../i18n/t';
import { Modal } from './modal';
import { ThresholdsPanel } from './thresholds';
import { RiskMatrixPanel } from './risk-matrix-panel';
import { UnitDelete } from './unit-delete';
import { UnitForm } from './unit-form';
import { UserForm } from './user-form';

const PAGE_SIZE = 50;

type Editing =
  | { kind: 'unit' }
  | { kind: 'delete-unit'; unit: OrgUnitView }
  | { kind: 'user'; user: UserView | null }
  | null;

export default function AdminPage() {
  const user = useCurrentUser();
  const units = useApiQuery<Page<OrgUnitView>>(isAdmin(user) ? '/api/org-units' : null);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const unitList = units.data?.items ?? [];
  // The dialog's button stays busy until the lists show the change; then the dialog closes.
  async function saved(text: string) {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['/api/org-units'] }),
      queryClient.invalidateQueries({ queryKey: ['/api/users'] }),
    ]);
    setEditing(null);
    setMessage(text);
  }
  return (
    <>
      <PageHeading title={t('admin.title')} />
      {isAdmin(user) ? (
        <>
          <p className="lead">{t('admin.intro2')}</p>
          <StatusMessage message={message} />
          <div className="admin-grid">
            <OrgTree
              units={units}
              onCreate={() => setEditing({ kind: 'unit' })}
              onDelete={(unit) => setEditing({ kind: 'delete-unit', unit })}
            />
            <UserList
              unitList={unitList}
              onCreate={() => setEditing({ kind: 'user', user: null })}
              onEdit={(u) => setEditing({ kind: 'user', user: u })}
            />
          </div>
          <ThresholdsPanel units={unitList} />
          <RiskMatrixPanel />
          <Modal
            open={editing !== null}
            labelledBy={
              editing?.kind === 'unit'
                ? 'unit-form-title'
                : editing?.kind === 'delete-unit'
                  ? 'unit-delete-title'
                  : 'user-form-title'
            }
            onClose={() => setEditing(null)}
          >
            {editing?.kind === 'unit' && (
              <UnitForm units={unitList} onSaved={saved} onCancel={() => setEditing(null)} />
            )}
            {editing?.kind === 'delete-unit' && (
              <UnitDelete unit={editing.unit} onDeleted={saved} onCancel={() => setEditing(null)} />
            )}
            {editing?.kind === 'user' && (
              <UserForm
                user={editing.user}
                units={unitList}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            )}
          </Modal>
        </>
      ) : (
        <p className="notice notice-info">{t('admin.forbidden')}</p>
      )}
    </>
  );
}

interface TreeNode {
  unit: OrgUnitView;
  children: TreeNode[];
}

/** A card of the administration page: its heading, the button that creates one more, and the list. */
function ListCard({
  id,
  title,
  createLabel,
  onCreate,
  children,
}: {
  id: string;
  title: string;
  createLabel: string;
  onCreate: () => void;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onCreate}>
          {createLabel}
        </button>
      </div>
      {children}
    </section>
  );
}

function buildTree(units: OrgUnitView[]): TreeNode[] {
  const nodes = new Map(units.map((unit) => [String(unit.id), { unit, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(String(node.unit.parentId));
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'sv-SE'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function OrgTree({
  units,
  onCreate,
  onDelete,
}: {
  units: UseQueryResult<Page<OrgUnitView>>;
  onCreate: () => void;
  onDelete: (unit: OrgUnitView) => void;
}) {
  const { data, error, isLoading, refetch } = units;
  const tree = useMemo(() => buildTree(data?.items ?? []), [data]);
  let body: React.ReactNode;
  if (isLoading) body = <Loading />;
  else if (error) body = <ProblemMessage error={error} onRetry={refetch} />;
  else if (!tree.length) body = <p className="muted">{t('admin.orgEmpty')}</p>;
  else
    body = (
      <>
        <p className="muted">{t('admin.orgCount', { count: data?.total ?? data?.items.length ?? 0 })}</p>
        <ul className="org-tree">
          {tree.map((node) => (
            <TreeItem key={String(node.unit.id)} node={node} onDelete={onDelete} />
          ))}
        </ul>
      </>
    );
  return (
    <ListCard
      id="org-title"
      title={t('admin.orgTitle')}
      createLabel={t('admin.unitCreate')}
      onCreate={onCreate}
    >
      {body}
    </ListCard>
  );
}

/**
 * Nodes with children fold (native <details>): the top two levels open, the rest on demand. Only
 * a unit without children can be deleted, so only those have the button.
 */
function TreeItem({
  node,
  depth = 0,
  onDelete,
}: {
  node: TreeNode;
  depth?: number;
  onDelete: (unit: OrgUnitView) => void;
}) {
  const label = (
    <>
      <span className="org-name">{node.unit.name}</span>{' '}
      <span className="org-kind">
        {orgKindLabel(node.unit.kind)}
        {node.unit.code ? ` · ${node.unit.code}` : ''}
      </span>
    </>
  );
  if (node.children.length === 0)
    return (
      <li>
        {label}{' '}
        <button type="button" className="button button-quiet" onClick={() => onDelete(node.unit)}>
          {t('admin.unitDelete')}
          <span className="visually-hidden"> {node.unit.name}</span>
        </button>
      </li>
    );
  return (
    <li>
      <details open={depth < 1}>
        <summary>{label}</summary>
        <ul>
          {node.children.map((child) => (
            <TreeItem key={String(child.unit.id)} node={child} depth={depth + 1} onDelete={onDelete} />
          ))}
        </ul>
      </details>
    </li>
  );
}

interface UserListProps {
  unitList: OrgUnitView[];
  onCreate: () => void;
  onEdit: (user: UserView) => void;
}

function UserList({ unitList, onCreate, onEdit }: UserListProps) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  // The list follows the typing when React has time; the field answers at once.
  const query = useDeferredValue(search.trim());
  const { data, error, isLoading, refetch } = useApiQuery<Page<UserView>>('/api/users', {
    limit: PAGE_SIZE,
    offset,
    ...(query ? { search: query } : {}),
  });
  const unitNames = useMemo(() => new Map(unitList.map((u) => [String(u.id), u.name])), [unitList]);
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.floor(offset / PAGE_SIZE) + 1;

  let body: React.ReactNode;
  if (isLoading) body = <Loading />;
  else if (error) body = <ProblemMessage error={error} onRetry={refetch} />;
  else if (!data?.items.length)
    body = <p className="muted">{query ? t('admin.usersNoMatch', { q: query }) : t('admin.usersEmpty')}</p>;
  else
    body = (
      <>
        <p className="muted">{t('admin.usersCount', { count: total })}</p>
        <DataTable
          label={t('admin.usersTable')}
          headers={[
            t('admin.col.name'),
            t('admin.col.username'),
            t('admin.col.email'),
            t('admin.col.roles'),
            t('admin.col.actions'),
          ]}
        >
          {data.items.map((user) => (
            <tr key={String(user.id)}>
              <th scope="row">{user.name}</th>
              <td>{user.username}</td>
              <td>{user.email ?? t('common.none')}</td>
              <td>
                <ul className="plain-list">
                  {user.roles.map((r, i) => (
                    <li key={`${r.role}-${String(r.orgUnitId)}-${i}`}>
                      {r.orgUnitId == null
                        ? roleLabel(r.role)
                        : t('header.roleAt', {
                            role: roleLabel(r.role),
                            unit: unitNames.get(String(r.orgUnitId)) ?? String(r.orgUnitId),
                          })}
                    </li>
                  ))}
                  {user.groupRoles.map((r, i) => (
                    <li key={`group-${r.role}-${String(r.orgUnitId)}-${i}`}>
                      {t('header.roleAt', {
                        role: roleLabel(r.role),
                        unit: unitNames.get(String(r.orgUnitId)) ?? String(r.orgUnitId),
                      })}{' '}
                      <span className="muted">{t('groups.fromGroup')}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <button type="button" className="button button-quiet" onClick={() => onEdit(user)}>
                  {t('common.edit')}
                  <span className="visually-hidden"> {user.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
        {pages > 1 && (
          <nav className="button-row pager" aria-label={t('common.pageOf', { page, pages })}>
            <button
              type="button"
              className="button button-secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              {t('common.previous')}
            </button>
            <span>{t('common.pageOf', { page, pages })}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={page >= pages}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t('common.next')}
            </button>
          </nav>
        )}
      </>
    );
  return (
    <ListCard
      id="users-title"
      title={t('admin.usersTitle')}
      createLabel={t('admin.userCreate')}
      onCreate={onCreate}
    >
      <div className="field">
        <label htmlFor="user-search">{t('admin.userSearch')}</label>
        <input
          id="user-search"
          type="search"
          className="input"
          value={search}
          maxLength={80}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      {body}
    </ListCard>
  );
}
