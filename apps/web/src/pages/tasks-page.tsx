import type { Page, PendingApprovalView, SentBackView, TaskView } from '@rodtrad/contracts';
import { useMemo } from 'react';
import { useApiQuery } from '../api/query-client';
import { Loading, NotAvailable, ProblemMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { OverdueBadge, StateBadge } from '../components/state-badge';
import { formatDate, formatDateTime, isoDate } from '../i18n/format';
import { docTypeLabel, t } from '../i18n/t';
import { Link } from 'react-router';
import { StartOverview } from './overview/start-overview';

/** One row of Mina uppgifter: a document step waiting for me, or an approval asked of me. */
export interface WorkItem {
  key: string;
  kind: 'document' | 'approval';
  href: string;
  title: string;
  type: string;
  orgUnitName: string;
  state: string;
  stateTitle?: string;
  dueAt: string | null;
  overdue: boolean;
  action: string;
  note?: string;
  /** Who sent the document back to this step, and why. */
  sentBack?: SentBackView;
}

/** Soonest deadline first (overdue ones are the soonest), items without a deadline last. */
export function byDeadline(a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  return da === db ? a.title.localeCompare(b.title, 'sv-SE') : da - db;
}

/**
 * One row per document (#18): a document whose step waits for me and asks my approval is one
 * approval row (the link to decide), with the step's title from the task, not two rows that
 * name the same step in two ways.
 */
export function toWorkItems(
  tasks: TaskView[],
  approvals: PendingApprovalView[],
  now = Date.now(),
): WorkItem[] {
  const asked = new Set(approvals.map((a) => a.documentId));
  const stepTitles = new Map(tasks.map((task) => [task.documentId, task.stateTitle]));
  const seen = new Set<string>();
  const items: WorkItem[] = tasks
    .filter((task) => !asked.has(task.documentId))
    .map((task) => ({
      key: `d-${task.documentId}`,
      kind: 'document',
      href: `/dokument/${encodeURIComponent(task.documentId)}`,
      title: task.title,
      type: task.type,
      orgUnitName: task.orgUnitName,
      state: task.state,
      stateTitle: task.stateTitle,
      dueAt: task.dueAt,
      overdue: task.overdue,
      action: task.action || t('tasks.kind.document'),
      sentBack: task.sentBack,
    }));
  for (const a of approvals) {
    // Two approvals of one document for me (a substitute's too): the first is the row.
    if (seen.has(a.documentId)) continue;
    seen.add(a.documentId);
    const { dueAt } = a;
    items.push({
      key: `a-${a.id}`,
      kind: 'approval',
      href: `/dokument/${encodeURIComponent(a.documentId)}?godkannande=${encodeURIComponent(a.id)}`,
      title: a.title,
      type: a.type,
      orgUnitName: a.orgUnitName,
      state: a.state,
      stateTitle: stepTitles.get(a.documentId),
      dueAt,
      overdue: dueAt !== null && Date.parse(dueAt) < now,
      action: t('tasks.approvalAction'),
      note: [
        a.onBehalfOf?.name && t('tasks.approvalOnBehalf', { name: a.onBehalfOf.name }),
        a.expiresAt && t('tasks.approvalExpires', { date: formatDateTime(a.expiresAt) }),
      ]
        .filter(Boolean)
        .join(' · '),
    });
  }
  return items.sort(byDeadline);
}

export function TasksPage() {
  const tasks = useApiQuery<Page<TaskView>>('/api/tasks', { limit: 500 });
  const approvals = useApiQuery<Page<PendingApprovalView>>('/api/approvals', { limit: 500 });
  // Approvals are a bonus on this page: a missing or failing approvals API never hides the tasks.
  const items = useMemo(
    () => toWorkItems(tasks.data?.items ?? [], approvals.error ? [] : (approvals.data?.items ?? [])),
    [tasks.data, approvals.data, approvals.error],
  );

  let body: React.ReactNode;
  if (tasks.isLoading || (approvals.isLoading && !approvals.error)) body = <Loading />;
  else if (tasks.error?.isNotFound && !items.length) body = <NotAvailable />;
  else if (tasks.error && !tasks.error.isNotFound)
    body = <ProblemMessage error={tasks.error} onRetry={tasks.refetch} />;
  else if (items.length === 0)
    body = (
      <div className="empty-state">
        <p className="empty-title">{t('tasks.empty')}</p>
        <p className="muted">{t('tasks.emptyHint')}</p>
      </div>
    );
  else body = <TaskList items={items} />;

  return (
    <>
      <PageHeading title={t('tasks.title')} />
      <p className="lead">{t('tasks.intro')}</p>
      {body}
      <StartOverview />
    </>
  );
}

function TaskList({ items }: { items: WorkItem[] }) {
  return (
    <>
      <p className="muted">
        {items.length === 1 ? t('tasks.countOne') : t('tasks.count', { count: items.length })}
      </p>
      <ul className="task-list">
        {items.map((task) => (
          <li key={task.key} className={task.overdue ? 'task task-overdue' : 'task'}>
            <div className="task-main">
              <Link to={task.href} className="task-title">
                {task.title}
              </Link>
              <p className="task-meta">
                {task.kind === 'approval' && <strong>{t('tasks.kind.approval')} · </strong>}
                {docTypeLabel(task.type)} · {task.orgUnitName}
              </p>
              {task.note && <p className="task-meta">{task.note}</p>}
              {task.sentBack && (
                <p className="task-sent-back">
                  <strong>
                    {t('tasks.sentBack', {
                      label: task.sentBack.label,
                      name: task.sentBack.by?.name || t('document.sentBack.someone'),
                      date: formatDate(task.sentBack.at),
                    })}
                  </strong>{' '}
                  {task.sentBack.comment}
                </p>
              )}
            </div>
            <dl className="task-facts">
              <div>
                <dt>{t('tasks.col.state')}</dt>
                <dd>
                  <StateBadge state={task.state} title={task.stateTitle} />
                </dd>
              </div>
              <div>
                <dt>{t('tasks.col.action')}</dt>
                <dd>{task.action}</dd>
              </div>
              <div>
                <dt>{t('tasks.col.due')}</dt>
                <dd>
                  {task.dueAt ? (
                    <time dateTime={isoDate(task.dueAt)}>{formatDate(task.dueAt)}</time>
                  ) : (
                    t('tasks.noDeadline')
                  )}
                  {task.overdue && <OverdueBadge />}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
