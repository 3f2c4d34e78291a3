import type { CalendarEntryView, UpdateCalendarEntryResult, YearStatusRow } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { hasAnyRole, useCurrentUser } from '../../auth/session';
import { KfInformationCard } from '../oversight/kf-information-card';
import { Loading, NotAvailable, ProblemMessage, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { StateBadge } from '../../components/state-badge';
import { formatDate } from '../../i18n/format';
import { docTypeLabel, t } from '../../i18n/t';
import { Link } from 'react-router';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';
import { calendarLineId, calendarSavedMessage } from './calendar-edit';
import { CalendarEditForm } from './calendar-edit-form';
import { MonthlyPeriodsForm } from './monthly-periods-form';
import { buildWheel, type WheelEvent } from './year-wheel';

const MONTHS = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** '2027-01' → 'Januari 2027' */
const monthName = (yearMonth: string) => {
  const name = MONTHS.format(new Date(`${yearMonth}-01T12:00:00Z`));
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const STATUS_ROLES = ['admin', 'registrator', 'ks.ordforande', 'ks.sekreterare'];
// Opening the year and changing the wheel's dates are the registrar's and the administrator's.
const OPEN_ROLES = ['admin', 'registrator'];
const editButtonId = (entry: CalendarEntryView) => `wheel-edit-button-${calendarLineId(entry)}`;

export default function YearWheelPage({ year }: { year: string }) {
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <YearWheelView key={year} year={Number(year)} />;
}

function YearWheelView({ year }: { year: number }) {
  const user = useCurrentUser();
  const calendar = useApiQuery<{ items: CalendarEntryView[] }>(`/api/years/${year}/calendar`);
  // Only the registrar, admin and KS may read every unit's status; others see the wheel alone.
  const status = useApiQuery<{ items: YearStatusRow[] }>(
    hasAnyRole(user, STATUS_ROLES) ? `/api/years/${year}/status` : null,
  );
  const wheel = useMemo(
    () => buildWheel(calendar.data?.items ?? [], status.data?.items ?? []),
    [calendar.data, status.data],
  );
  const canEdit = hasAnyRole(user, OPEN_ROLES);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // Where focus goes when an editor closes: back to its "Ändra". After a save the wheel reloads and
  // the line may move to another month, so the button is looked up again once the new data is in.
  const returnFocus = useRef<{ buttonId: string; staleData: unknown } | null>(null);
  useEffect(() => {
    const target = returnFocus.current;
    if (!target || editing !== null) return;
    const active = document.activeElement;
    if (!active || active === document.body || active.id === target.buttonId)
      document.getElementById(target.buttonId)?.focus();
    if (calendar.data !== target.staleData) returnFocus.current = null;
  }, [editing, calendar.data]);

  function openEditor(entry: CalendarEntryView) {
    setAnnouncement(null);
    setEditing(calendarLineId(entry));
  }
  function closeEditor(entry: CalendarEntryView) {
    returnFocus.current = { buttonId: editButtonId(entry), staleData: undefined };
    setEditing(null);
  }
  function saved(result: UpdateCalendarEntryResult) {
    setAnnouncement(calendarSavedMessage(result.entry, result.documentsRescheduled));
    returnFocus.current = { buttonId: editButtonId(result.entry), staleData: calendar.data };
    setEditing(null);
    calendar.refetch();
  }

  let body: React.ReactNode;
  if (calendar.isLoading) body = <Loading />;
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
                <WheelEventItem
                  key={calendarLineId(event.entry)}
                  year={year}
                  event={event}
                  showDocuments={!!status.data}
                  edit={
                    canEdit
                      ? {
                          open: editing === calendarLineId(event.entry),
                          onOpen: () => openEditor(event.entry),
                          onCancel: () => closeEditor(event.entry),
                          onSaved: saved,
                        }
                      : undefined
                  }
                />
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
      {canEdit && <OpenYear year={year} onOpened={status.refetch} />}
      {canEdit && calendar.data && (
        <section aria-labelledby="wheel-months-title" className="card wheel-months-card">
          <h2 id="wheel-months-title">{t('yearWheel.months.title')}</h2>
          <p className="muted">{t('yearWheel.months.intro')}</p>
          <details>
            <summary>{t('yearWheel.months.edit')}</summary>
            <MonthlyPeriodsForm
              key={calendar.dataUpdatedAt}
              year={year}
              items={calendar.data.items}
              onSaved={(message) => {
                setAnnouncement(message);
                calendar.refetch();
              }}
            />
          </details>
        </section>
      )}
      <KfInformationCard year={year} canEdit={canEdit} onSaved={setAnnouncement} />
      {status.error && !status.error.isNotFound && (
        <ProblemMessage error={status.error} onRetry={status.refetch} />
      )}
      <StatusMessage message={announcement} />
      {body}
    </>
  );
}

function OpenYear({ year, onOpened }: { year: number; onOpened: () => void }) {
  const openYear = useMutation({
    mutationFn: () =>
      apiFetch<{ created: number; existing: number }>(`/api/years/${year}/open`, { method: 'POST' }),
    onSuccess: () => onOpened(),
  });
  const { isPending: busy, data: result, error } = openYear;
  return (
    <section aria-labelledby="open-year-title" className="card open-year">
      <h2 id="open-year-title" className="visually-hidden">
        {t('yearWheel.open')}
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => openYear.mutate()}
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

interface LineEdit {
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  onSaved: (result: UpdateCalendarEntryResult) => void;
}

function WheelEventItem({
  year,
  event,
  showDocuments,
  edit,
}: {
  year: number;
  event: WheelEvent;
  showDocuments: boolean;
  /** Present for the roles that may change the wheel. */
  edit?: LineEdit;
}) {
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
        {edit && !edit.open && (
          <button
            type="button"
            id={editButtonId(entry)}
            className="button button-quiet wheel-edit"
            aria-label={t('yearWheel.editLabel', { title: entry.title })}
            onClick={edit.onOpen}
          >
            {t('yearWheel.edit')}
          </button>
        )}
      </p>
      {edit?.open && (
        <CalendarEditForm year={year} entry={entry} onSaved={edit.onSaved} onCancel={edit.onCancel} />
      )}
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
