import type { EscalationDetail, EscalationView, Page } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { hasAnyRole, useCurrentUser } from '../../auth/session';
import { CommentDialog } from '../../components/comment-dialog';
import { Loading, NotAvailable, ProblemMessage, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { StateBadge } from '../../components/state-badge';
import { formatDate, formatDateTime, formatSum, isoDate } from '../../i18n/format';
import { t } from '../../i18n/t';
import { Link } from 'react-router';
import { RestorationTable } from './restoration-table';

type Tab = 'open' | 'closed';
const KS_ROLES = ['ks.ordforande', 'ks.sekreterare'];

/**
 * KS's inbox of deviations: open (new, acknowledged or in follow-up) and closed, acknowledge with
 * a comment. With `id` (`/avvikelser/{id}`, the link in the mails) one escalation, details open.
 */
export default function EscalationsPage({ id }: { id?: string }) {
  const user = useCurrentUser();
  const [tab, setTab] = useState<Tab>('open');
  const [message, setMessage] = useState<string | null>(null);
  const list = useApiQuery<Page<EscalationView>>(id ? null : '/api/escalations', { status: tab, limit: 200 });
  const one = useApiQuery<EscalationDetail>(id ? `/api/escalations/${encodeURIComponent(id)}` : null);
  const acknowledging = useAcknowledge(() => {
    setMessage(t('escalations.acknowledged'));
    (id ? one : list).refetch();
  });
  const canAcknowledge = hasAnyRole(user, KS_ROLES);
  const card = (e: EscalationView, initiallyOpen = false) => (
    <EscalationCard
      key={e.id}
      escalation={e}
      initiallyOpen={initiallyOpen}
      onAcknowledge={canAcknowledge && e.status === 'open' ? () => acknowledging.start(e) : undefined}
    />
  );

  if (id) {
    let single: React.ReactNode;
    if (one.isLoading) single = <Loading />;
    else if (one.error?.isNotFound) single = <NotAvailable />;
    else if (one.error) single = <ProblemMessage error={one.error} onRetry={one.refetch} />;
    else if (one.data) single = <ul className="escalation-list">{card(one.data, true)}</ul>;
    return (
      <>
        <PageHeading title={t('escalations.one')} />
        <p>
          <Link to="/avvikelser">{t('escalations.all')}</Link>
        </p>
        <StatusMessage message={message} />
        {single}
        {acknowledging.dialog}
      </>
    );
  }

  let body: React.ReactNode;
  if (list.isLoading) body = <Loading />;
  else if (list.error?.isNotFound) body = <NotAvailable />;
  else if (list.error) body = <ProblemMessage error={list.error} onRetry={list.refetch} />;
  else if (!list.data?.items.length) body = <p className="empty-state">{t(`escalations.empty.${tab}`)}</p>;
  else
    body = (
      <>
        <p className="muted">
          {list.data.total === 1
            ? t('escalations.countOne')
            : t('escalations.count', { count: list.data.total })}
        </p>
        <ul className="escalation-list">{list.data.items.map((e) => card(e))}</ul>
      </>
    );

  return (
    <>
      <PageHeading title={t('escalations.title')} />
      <p className="lead">{t('escalations.intro')}</p>
      <div className="button-row segmented" role="group" aria-label={t('escalations.tabsLabel')}>
        {(['open', 'closed'] as Tab[]).map((value) => (
          <button
            key={value}
            type="button"
            className={tab === value ? 'button' : 'button button-secondary'}
            aria-pressed={tab === value}
            onClick={() => {
              setTab(value);
              setMessage(null);
            }}
          >
            {t(`escalations.${value}`)}
          </button>
        ))}
      </div>
      <StatusMessage message={message} />
      {body}
      {acknowledging.dialog}
    </>
  );
}

/** KS acknowledges an escalation with an optional comment, in a dialog. */
function useAcknowledge(onDone: () => void) {
  const [escalation, setEscalation] = useState<EscalationView | null>(null);
  const acknowledge = useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) =>
      apiFetch(`/api/escalations/${encodeURIComponent(id)}/acknowledge`, {
        method: 'POST',
        body: comment ? { comment } : {},
      }),
    onSuccess: () => {
      setEscalation(null);
      onDone();
    },
  });
  const busy = acknowledge.isPending;
  const error = acknowledge.error ? toApiError(acknowledge.error).userMessage : null;

  const dialog = (
    <CommentDialog
      title={escalation ? t('escalations.acknowledgeTitle', { unit: escalation.orgUnitName }) : ''}
      open={escalation !== null}
      busy={busy}
      optional
      label={t('escalations.commentLabel')}
      hint={t('escalations.acknowledgeHint')}
      submitLabel={t('escalations.acknowledge')}
      error={error}
      onCancel={() => {
        setEscalation(null);
        acknowledge.reset();
      }}
      onConfirm={(comment) => escalation && acknowledge.mutate({ id: String(escalation.id), comment })}
    />
  );
  return { start: setEscalation, dialog };
}

function EscalationCard({
  escalation: e,
  initiallyOpen,
  onAcknowledge,
}: {
  escalation: EscalationView;
  initiallyOpen: boolean;
  onAcknowledge?: () => void;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const headingId = `esc-${e.id}`;
  return (
    <li className={`card escalation escalation-${e.status}`}>
      <div className="escalation-head">
        <h2 id={headingId} className="escalation-title">
          {t(`escalations.kind.${e.kind}`)} – {e.orgUnitName}
        </h2>
        <span
          className={`badge ${e.status === 'open' ? 'badge-attention' : e.status === 'closed' ? 'badge-done' : 'badge-waiting'}`}
        >
          <span aria-hidden="true" className="badge-icon" />
          {t(`escalations.status.${e.status}`)}
        </span>
      </div>
      <dl className="meta-grid">
        <Fact label={t('escalations.namnd')}>{e.orgUnitName}</Fact>
        {e.amount !== null && <Fact label={t('escalations.amount')}>{formatSum(e.amount)}</Fact>}
        {e.threshold !== null && <Fact label={t('escalations.threshold')}>{formatSum(e.threshold)}</Fact>}
        <Fact label={t('escalations.created')}>
          <time dateTime={isoDate(e.createdAt)}>{formatDate(e.createdAt)}</time> ·{' '}
          {t(`escalations.to.${e.toBody}`)}
        </Fact>
        <Fact label={t('escalations.source')}>
          {e.sourceDocumentId ? (
            <Link to={`/dokument/${encodeURIComponent(e.sourceDocumentId)}`}>
              {t('escalations.sourceLink')}
            </Link>
          ) : (
            t('common.none')
          )}
        </Fact>
        <Fact label={t('escalations.actionPlan')}>
          {e.actionPlanDocumentId ? (
            <>
              <Link to={`/dokument/${encodeURIComponent(e.actionPlanDocumentId)}`}>
                {t('escalations.actionPlanLink')}
              </Link>{' '}
              {e.actionPlanState && <StateBadge state={e.actionPlanState} />}
            </>
          ) : (
            t('escalations.actionPlanNone')
          )}
        </Fact>
      </dl>
      <details open={open} onToggle={(ev) => setOpen((ev.target as HTMLDetailsElement).open)}>
        <summary>{t('escalations.details')}</summary>
        {open && <EscalationDetails id={e.id} />}
      </details>
      {onAcknowledge && (
        <div className="button-row">
          <button type="button" className="button" onClick={onAcknowledge}>
            {t('escalations.acknowledge')}
            <span className="visually-hidden"> {e.orgUnitName}</span>
          </button>
        </div>
      )}
    </li>
  );
}

function EscalationDetails({ id }: { id: string }) {
  const { data, error, isLoading, refetch } = useApiQuery<EscalationDetail>(
    `/api/escalations/${encodeURIComponent(id)}`,
  );
  if (isLoading) return <Loading />;
  if (error) return <ProblemMessage error={error} onRetry={refetch} />;
  if (!data) return null;
  return (
    <>
      <dl className="detail-list">
        {data.sourceDocumentTitle && <Fact label={t('escalations.source')}>{data.sourceDocumentTitle}</Fact>}
        {data.followUpOf && (
          <Fact label={t('escalations.followUpOf')}>{t('escalations.followUpOfText')}</Fact>
        )}
        <Fact label={t('escalations.description')}>{data.description || t('common.none')}</Fact>
        <Fact label={t('escalations.measures')}>{data.measures || t('common.none')}</Fact>
        {data.acknowledgedAt && (
          <Fact label={t('escalations.status.acknowledged')}>
            {t('escalations.acknowledgedBy', { date: formatDateTime(data.acknowledgedAt) })}
            {data.acknowledgedBy ? ` · ${data.acknowledgedBy}` : ''}
          </Fact>
        )}
        {data.acknowledgedComment && <Fact label={t('escalations.comment')}>{data.acknowledgedComment}</Fact>}
        {data.restorationRemaining !== null && (
          <Fact label={t('escalations.restoration.remaining')}>
            {data.restorationRemaining > 0
              ? formatSum(data.restorationRemaining)
              : t('escalations.restoration.restored')}
          </Fact>
        )}
      </dl>
      {data.restoration && <RestorationTable years={data.restoration} />}
      <KsDecision escalation={data} />
    </>
  );
}

/** KS's decision under its uppsiktsplikt and what followed, or the way to record it (KS). */
function KsDecision({ escalation: e }: { escalation: EscalationDetail }) {
  const user = useCurrentUser();
  const d = e.decision;
  return (
    <section aria-labelledby={`ks-decision-${e.id}`}>
      <h3 id={`ks-decision-${e.id}`}>Kommunstyrelsens beslut</h3>
      {d ? (
        <dl className="detail-list">
          <Fact label="Beslut">
            {d.label} · <time dateTime={d.meetingDate}>{formatDate(d.meetingDate)}</time>, {d.paragraph}
          </Fact>
          {d.advice && <Fact label="Råd till nämnden">{d.advice}</Fact>}
          {d.comment && <Fact label="Kommentar">{d.comment}</Fact>}
          {d.kfMatter && (
            <Fact label="Ärende till kommunfullmäktige">
              <Link to={`/dokument/${encodeURIComponent(d.kfMatter.documentId)}`}>{d.kfMatter.title}</Link>{' '}
              <StateBadge state={d.kfMatter.state} title={d.kfMatter.stateTitle} />
            </Fact>
          )}
        </dl>
      ) : hasAnyRole(user, KS_ROLES) ? (
        <p>
          <Link className="button" to={`/avvikelser/${encodeURIComponent(e.id)}/beslut`}>
            Registrera kommunstyrelsens beslut
            <span className="visually-hidden"> om avvikelsen för {e.orgUnitName}</span>
          </Link>
        </p>
      ) : (
        <p>Kommunstyrelsen har inte beslutat om avvikelsen ännu.</p>
      )}
      <h3 id={`history-${e.id}`}>Historik</h3>
      <ol className="plain-list" aria-labelledby={`history-${e.id}`}>
        {e.history.map((h, i) => (
          <li key={`${h.event}-${i}`}>
            <time dateTime={h.at}>{formatDate(h.at)}</time>:{' '}
            {h.documentId && (h.event === 'kf-matter' || h.event === 'kf-decided') ? (
              <Link to={`/dokument/${encodeURIComponent(h.documentId)}`}>{h.text}</Link>
            ) : (
              h.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
