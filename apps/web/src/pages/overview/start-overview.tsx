import type { ActivityEntryView, OrgUnitView, Page, YearStatusRow } from '@rodtrad/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { hasAnyRole, useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/data-table';
import { ProblemMessage } from '../../components/feedback';
import { formatDateTime, isoDate } from '../../i18n/format';
import { eventLabel, t } from '../../i18n/t';
import { overviewPerNamnd, SOON_DAYS } from './year-overview';

/** Those who may read every unit's status (the API's rule for GET /api/years/{year}/status). */
export const YEAR_OVERVIEW_ROLES = ['admin', 'registrator', 'ks.ordforande', 'ks.sekreterare'] as const;

/**
 * Below Mina uppgifter: the year at a glance for the registrar and KS (what is late, due soon or
 * waiting per nämnd, each count a link into the matrix with that filter), and for everyone what
 * happened lately to the documents they have worked on.
 */
export function StartOverview() {
  const user = useCurrentUser();
  return (
    <>
      {hasAnyRole(user, YEAR_OVERVIEW_ROLES) && <YearOverview year={new Date().getFullYear()} />}
      <RecentActivity />
    </>
  );
}

function YearOverview({ year }: { year: number }) {
  const status = useApiQuery<{ items: YearStatusRow[] }>(`/api/years/${year}/status`);
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  const rows = useMemo(
    () => overviewPerNamnd(status.data?.items ?? [], units.data?.items ?? [], new Date()),
    [status.data, units.data],
  );
  if (status.isLoading || units.isLoading) return null;
  const matrix = (namndId: string, filter: string) =>
    `/inlamning/${year}?namnd=${encodeURIComponent(namndId)}${filter}`;
  return (
    <section aria-labelledby="year-overview-title" className="card">
      <h2 id="year-overview-title">{t('overview.year.title', { year })}</h2>
      {status.error ? (
        <ProblemMessage error={status.error} onRetry={status.refetch} />
      ) : rows.length === 0 ? (
        <p className="muted">{t('overview.year.allWell', { days: SOON_DAYS })}</p>
      ) : (
        <DataTable
          label={t('overview.year.tableLabel', { year })}
          headers={[
            t('overview.year.namnd'),
            t('overview.year.late'),
            t('overview.year.dueSoon', { days: SOON_DAYS }),
            t('overview.year.awaiting'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.namndId}>
              <th scope="row">{r.namndName}</th>
              <td>
                {r.late > 0 ? (
                  <Link
                    to={matrix(r.namndId, '&sen=1')}
                    aria-label={t('overview.year.lateLink', { n: r.late, namnd: r.namndName })}
                  >
                    {r.late}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td>
                {r.dueSoon > 0 ? (
                  <Link
                    to={matrix(r.namndId, '')}
                    aria-label={t('overview.year.dueSoonLink', { n: r.dueSoon, namnd: r.namndName })}
                  >
                    {r.dueSoon}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td>
                {r.awaitingDecision > 0 ? (
                  <Link
                    to={matrix(r.namndId, '&fas=submitted')}
                    aria-label={t('overview.year.awaitingLink', {
                      n: r.awaitingDecision,
                      namnd: r.namndName,
                    })}
                  >
                    {r.awaitingDecision}
                  </Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function RecentActivity() {
  const { data, error, refetch } = useApiQuery<{ items: ActivityEntryView[] }>('/api/activity', {
    limit: 10,
  });
  if (!error && !data?.items.length) return null;
  return (
    <section aria-labelledby="activity-title" className="card">
      <h2 id="activity-title">{t('overview.activity.title')}</h2>
      {error ? (
        <ProblemMessage error={error} onRetry={refetch} />
      ) : (
        <ol className="timeline">
          {data?.items.map((entry, index) => (
            <li key={`${entry.documentId}-${entry.at}-${index}`}>
              <p className="timeline-head">
                <Link to={`/dokument/${encodeURIComponent(entry.documentId)}`}>{entry.title}</Link>
                {': '}
                <strong>{entry.eventLabel ?? eventLabel(entry.event)}</strong>
                {entry.fromStateTitle && entry.fromStateTitle !== entry.toStateTitle && (
                  <span className="muted">
                    {' '}
                    {t('history.transition', { from: entry.fromStateTitle, to: entry.toStateTitle })}
                  </span>
                )}
              </p>
              <p className="timeline-meta">
                <time dateTime={isoDate(entry.at)}>{formatDateTime(entry.at)}</time>
                {' · '}
                {entry.byMe ? t('overview.activity.me') : (entry.actor?.name ?? t('history.systemActor'))}
              </p>
              {entry.comment && <blockquote className="timeline-comment">{entry.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
