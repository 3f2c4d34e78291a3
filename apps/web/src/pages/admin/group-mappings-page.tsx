import type { GroupMappingList, OrgUnitView, Page } from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { isAdmin, useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { UnitOptions } from '../../components/unit-options';
import { roleLabel, t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';
import { ROLE_UNIT_KINDS } from './user-form';

const FIELD_IDS: Record<string, string> = {
  '/group': 'mapping-group',
  '/role': 'mapping-role',
  '/orgUnitId': 'mapping-unit',
};

/**
 * Administration › Grupper och roller: which of the identity provider's groups give which role at
 * which unit. Members get the role at their next sign-in; a removed mapping takes it away then.
 */
export default function GroupMappingsPage() {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  const mappings = useApiQuery<GroupMappingList>(admin ? '/api/group-mappings' : null);
  const units = useApiQuery<Page<OrgUnitView>>(admin ? '/api/org-units' : null);
  const [message, setMessage] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const unitList = units.data?.items ?? [];
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/group-mappings/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/group-mappings'] });
      setMessage(t('groups.removed'));
    },
  });

  if (!admin)
    return (
      <>
        <PageHeading title={t('groups.title')} />
        <p>{t('groups.notAllowed')}</p>
      </>
    );
  let list: React.ReactNode;
  if (mappings.isLoading) list = <Loading />;
  else if (mappings.error) list = <ProblemMessage error={mappings.error} onRetry={mappings.refetch} />;
  else if (!mappings.data?.items.length) list = <p className="muted">{t('groups.empty')}</p>;
  else
    list = (
      <DataTable
        label={t('groups.tableLabel')}
        headers={[t('groups.col.group'), t('groups.col.role'), t('groups.col.unit'), t('admin.col.actions')]}
      >
        {mappings.data.items.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <code>{m.group}</code>
            </th>
            <td>{roleLabel(m.role)}</td>
            <td>{m.orgUnitName}</td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                disabled={remove.isPending}
                onClick={() => {
                  setMessage(null);
                  remove.mutate(m.id);
                }}
              >
                {t('groups.remove')}
                <span className="visually-hidden">
                  {' '}
                  {t('groups.mappingLabel', {
                    group: m.group,
                    role: roleLabel(m.role),
                    unit: m.orgUnitName,
                  })}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    );

  return (
    <>
      <PageHeading title={t('groups.title')} />
      <p className="lead">{t('groups.intro')}</p>
      {mappings.data && !mappings.data.oidcEnabled && (
        <p className="notice notice-info">{t('groups.oidcOff')}</p>
      )}
      {mappings.data && <p className="muted">{t('groups.claim', { claim: mappings.data.groupsClaim })}</p>}
      <StatusMessage message={message} />
      {remove.error && <ProblemMessage error={toApiError(remove.error)} />}
      <section aria-labelledby="groups-list-title" className="card">
        <h2 id="groups-list-title">{t('groups.listTitle')}</h2>
        {list}
      </section>
      <MappingForm
        units={unitList}
        onSaved={async (text) => {
          await queryClient.invalidateQueries({ queryKey: ['/api/group-mappings'] });
          setMessage(text);
        }}
      />
    </>
  );
}

function MappingForm({
  units,
  onSaved,
}: {
  units: OrgUnitView[];
  onSaved: (message: string) => Promise<void>;
}) {
  const [group, setGroup] = useState('');
  const [role, setRole] = useState('enhetschef');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const options = useMemo(() => {
    const kinds = ROLE_UNIT_KINDS[role] ?? [];
    return [...units]
      .filter((u) => !kinds.length || kinds.includes(u.kind))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
  }, [units, role]);
  const save = useMutation({
    mutationFn: (body: { group: string; role: string; orgUnitId: string }) =>
      apiFetch('/api/group-mappings', { method: 'POST', body }),
    onSuccess: async () => {
      setErrors(NO_ERRORS);
      setGroup('');
      await onSaved(t('groups.saved'));
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const local: FormErrors = { fields: {}, summary: [] };
    if (!group.trim()) {
      local.fields['/group'] = t('groups.groupRequired');
      local.summary.push({ fieldId: FIELD_IDS['/group'], message: t('groups.groupRequired') });
    }
    if (!orgUnitId) {
      local.fields['/orgUnitId'] = t('groups.unitRequired');
      local.summary.push({ fieldId: FIELD_IDS['/orgUnitId'], message: t('groups.unitRequired') });
    }
    if (local.summary.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({ group: group.trim(), role, orgUnitId });
  }

  return (
    <section aria-labelledby="groups-form-title" className="card">
      <h2 id="groups-form-title">{t('groups.formTitle')}</h2>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <form className="form-stack" noValidate onSubmit={submit} aria-busy={save.isPending || undefined}>
        <TextField
          id={FIELD_IDS['/group']}
          label={t('groups.col.group')}
          hint={t('groups.groupHint')}
          value={group}
          error={errors.fields['/group']}
          onChange={(e) => setGroup(e.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id={FIELD_IDS['/role']}
          label={t('groups.col.role')}
          value={role}
          error={errors.fields['/role']}
          onChange={(e) => {
            setRole(e.target.value);
            setOrgUnitId('');
          }}
        >
          {Object.keys(ROLE_UNIT_KINDS).map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD_IDS['/orgUnitId']}
          label={t('groups.col.unit')}
          value={orgUnitId}
          error={errors.fields['/orgUnitId']}
          onChange={(e) => setOrgUnitId(e.target.value)}
          required
        >
          <UnitOptions units={options} empty={t('groups.chooseUnit')} />
        </SelectField>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('groups.saving') : t('groups.save')}
        </button>
      </form>
    </section>
  );
}
