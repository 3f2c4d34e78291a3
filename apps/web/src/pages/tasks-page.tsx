import type { Page, Task } from '../api/types';
import { useQuery } from '../api/use-query';
import { Loading, NotAvailable, ProblemMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { OverdueBadge, StateBadge } from '../components/state-badge';
import { formatDate, isoDate } from '../i18n/format';
import { docTypeLabel, t } from '../i18n/t';
import { Link } from '../router/router';

export function TasksPage() {
  const { data, error, loading, refetch } = useQuery<Page<Task> | { items: Task[] }>('/api/tasks');
  const items = data?.items ?? [];

  let body: React.ReactNode;
  if (loading && !data) body = <Loading />;
  else if (error?.isNotFound) body = <NotAvailable />;
  else if (error) body = <ProblemMessage error={error} onRetry={refetch} />;
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
    </>
  );
}

function TaskList({ items }: { items: Task[] }) {
  return (
    <>
      <p className="muted">
        {items.length === 1 ? t('tasks.countOne') : t('tasks.count', { count: items.length })}
      </p>
      <ul className="task-list">
        {items.map((task) => (
          <li key={String(task.documentId)} className={task.overdue ? 'task task-overdue' : 'task'}>
            <div className="task-main">
              <Link to={`/dokument/${encodeURIComponent(String(task.documentId))}`} className="task-title">
                {task.title}
              </Link>
              <p className="task-meta">
                {docTypeLabel(task.type)} · {task.orgUnitName}
              </p>
            </div>
            <dl className="task-facts">
              <div>
                <dt>{t('tasks.col.state')}</dt>
                <dd>
                  <StateBadge state={task.state} title={task.stateTitle} />
                </dd>
              </div>
              {task.action && (
                <div>
                  <dt>{t('tasks.col.action')}</dt>
                  <dd>{task.action}</dd>
                </div>
              )}
              {task.dueAt && (
                <div>
                  <dt>{t('tasks.col.due')}</dt>
                  <dd>
                    <time dateTime={isoDate(task.dueAt)}>{formatDate(task.dueAt)}</time>
                    {task.overdue && <OverdueBadge />}
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
