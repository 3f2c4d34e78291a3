import { useMemo, useState } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import type { CalendarEntry, StatusItem } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { hasAnyRole, useCurrentUser } from '../../auth/session';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { StateBadge } from '../../components/state-badge';
import { formatDate } from '../../i18n/format';
import { docTypeLabel, t } from '../../i18n/t';
import { Link } from '../../router/router';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';
import { buildWheel, type WheelEvent } from './year-wheel';

const MONTHS = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** '2027-01' → 'Januari 2027' */
const monthName = (yearMonth: string) => {
  const name = MONTHS.format(new Date(`${yearMonth}-01T12:00:00Z`));
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const STATUS_ROLES = ['admin', 'registrator', 'ks.ordforande', 'ks.sekreterare'];
const OPEN_ROLES = ['admin', 'registrator'];

export default function YearWheelPage({ year }: { year: string }) {
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <YearWheelView year={Number(year)} />;
}

function YearWheelView({ year }: { year: number }) {
  const user = useCurrentUser();
  const calendar = useQuery<{ items: CalendarEntry[] }>(`/api/years/${year}/calendar`);
  // Only the registrar, admin and KS may read every unit's status; others see the wheel alone.
  const status = useQuery<{ items: StatusItem[] }>(
    hasAnyRole(user, STATUS_ROLES) ? `/api/years/${year}/status` : null,
  );
  const wheel = useMemo(
    () => buildWheel(calendar.data?.items ?? [], status.data?.items ?? []),
    [calendar.data, status.data],
  );

  let body: React.ReactNode;
  if (calendar.loading && !calendar.data) body = <Loading />;
  else if (calendar.error?.isNotFound) body = <NotAvailable />;
  else if (calendar.error) body = <ProblemMessage error={calendar.error} onRetry={calendar.refetch} />;
  else if (!wheel.length) body = <p className="empty-state">{t('yearWheel.empty', { year })}</p>;
  else
    body = (
      <ol className="wheel">
        {wheel.map((m) => (
          <li key={m.month ?? 'none'} className="wheel-month">
            <h2>{m.month === null ? t('yearWheel.noDate') : monthName(m.month)}</h2>
            <ul className="wheel-events">
              {m.events.map((event) => (
                <WheelEventItem key={event.entry.key} event={event} showDocuments={!!status.data} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    );

  return (
    <>
      <PageHeading title={t('yearWheel.title', { year })} />
      <p className="lead">{t('yearWheel.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/arshjul" />
        <a
          className="button button-secondary"
          href={`/api/years/${year}/calendar.ics`}
          aria-label={t('yearWheel.icalLabel', { year })}
        >
          {t('yearWheel.ical')}
        </a>
      </div>
      {hasAnyRole(user, OPEN_ROLES) && <OpenYear year={year} onOpened={status.refetch} />}
      {status.error && !status.error.isNotFound && (
        <ProblemMessage error={status.error} onRetry={status.refetch} />
      )}
      {body}
    </>
  );
}

function OpenYear({ year, onOpened }: { year: number; onOpened: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ created: number; existing: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function open() {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(
        await apiFetch<{ created: number; existing: number }>(`/api/years/${year}/open`, { method: 'POST' }),
      );
      onOpened();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="open-year-title" className="card open-year">
      <h2 id="open-year-title" className="visually-hidden">
        {t('yearWheel.open')}
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void open()}
          disabled={busy}
          aria-describedby="open-year-hint"
        >
          {t('yearWheel.open')} {year}
        </button>
        <span id="open-year-hint" className="muted">
          {t('yearWheel.openHint')}
        </span>
      </div>
      <div role="status" aria-live="polite">
        {busy && (
          <p className="loading">
            <span className="spinner" aria-hidden="true" />
            {t('yearWheel.opening')}
          </p>
        )}
        {result && <p className="notice notice-success">{t('yearWheel.opened', result)}</p>}
      </div>
      {error && <ProblemMessage error={error} />}
    </section>
  );
}

function WheelEventItem({ event, showDocuments }: { event: WheelEvent; showDocuments: boolean }) {
  const { entry, documents, done } = event;
  return (
    <li className="wheel-event">
      <p className="wheel-event-head">
        <span className="wheel-date">
          {entry.date ? (
            <time dateTime={entry.date}>{formatDate(`${entry.date}T12:00:00Z`)}</time>
          ) : entry.relativeDays !== null ? (
            t('yearWheel.relative', { days: entry.relativeDays })
          ) : (
            t('yearWheel.noDate')
          )}
        </span>{' '}
        <strong>{entry.title}</strong>
        {entry.period && <span className="muted"> · {entry.period}</span>}
        {entry.edited && <span className="badge badge-open">{t('yearWheel.edited')}</span>}
      </p>
      {entry.description && <p className="muted">{entry.description}</p>}
      {showDocuments &&
        entry.documentType &&
        (documents.length === 0 ? (
          <p className="muted">{t('yearWheel.noDocuments')}</p>
        ) : (
          <details>
            <summary>
              {documents.length === 1
                ? t('yearWheel.documentsOne')
                : t('yearWheel.documents', { count: documents.length })}
              {' · '}
              {t('yearWheel.done', { done, total: documents.length })}
            </summary>
            <ul className="wheel-docs" aria-label={t('yearWheel.documentsList', { title: entry.title })}>
              {documents.map((d, i) => (
                <li key={`${d.orgUnitId}-${d.period ?? ''}-${i}`}>
                  {d.documentId ? (
                    <Link to={`/dokument/${encodeURIComponent(String(d.documentId))}`}>
                      {docTypeLabel(d.documentType)}, {d.orgUnitName}
                    </Link>
                  ) : (
                    <span>
                      {docTypeLabel(d.documentType)}, {d.orgUnitName}
                    </span>
                  )}{' '}
                  <StateBadge state={d.state ?? 'missing'} title={d.stateTitle} />
                </li>
              ))}
            </ul>
          </details>
        ))}
    </li>
  );
}
