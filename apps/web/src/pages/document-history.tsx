import type { HistoryEntryView } from '@rodtrad/contracts';
import { useApiQuery } from '../api/query-client';
import { Loading, ProblemMessage } from '../components/feedback';
import { formatDateTime, isoDate } from '../i18n/format';
import { eventLabel, stateLabel, t, tOr } from '../i18n/t';

export function DocumentHistory({ documentId, version }: { documentId: string; version: number }) {
  const { data, error, isLoading, refetch } = useApiQuery<{ items: HistoryEntryView[] }>(
    `/api/documents/${encodeURIComponent(documentId)}/history`,
    { v: version },
  );
  let body: React.ReactNode;
  if (isLoading) body = <Loading />;
  else if (error?.isNotFound) body = <p className="muted">{t('history.notAvailable')}</p>;
  else if (error) body = <ProblemMessage error={error} onRetry={refetch} />;
  else if (!data?.items.length) body = <p className="muted">{t('history.empty')}</p>;
  else
    body = (
      <ol className="timeline">
        {data.items.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <p className="timeline-head">
              <strong>{eventLabel(entry.event)}</strong>
              {entry.fromState && entry.toState && entry.fromState !== entry.toState && (
                <span className="muted">
                  {' '}
                  {t('history.transition', {
                    from: stateLabel(entry.fromState),
                    to: stateLabel(entry.toState),
                  })}
                </span>
              )}
            </p>
            <p className="timeline-meta">
              <time dateTime={isoDate(entry.at)}>{formatDateTime(entry.at)}</time>
              {' · '}
              {entry.actor?.name ?? t('history.systemActor')}
              {entry.via && ` · ${t('history.via', { via: tOr(`history.via.${entry.via}`, entry.via) })}`}
            </p>
            {entry.comment && <blockquote className="timeline-comment">{entry.comment}</blockquote>}
          </li>
        ))}
      </ol>
    );
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('history.title')}</h2>
      {body}
    </section>
  );
}
