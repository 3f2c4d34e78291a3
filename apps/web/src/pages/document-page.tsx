import type { AllowedEventView, DocumentView, SentBackView, UnavailableEventView } from '@rodtrad/contracts';
import type { ErrorSchema } from '@rjsf/utils';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, toApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { useApiQuery } from '../api/query-client';
import { CommentDialog } from '../components/comment-dialog';
import { Loading, ProblemMessage, StatusMessage } from '../components/feedback';
import { FormButtons } from '../components/form-buttons';
import { PageHeading } from '../components/page-heading';
import { OverdueBadge, StateBadge } from '../components/state-badge';
import { mapFieldErrors } from '../forms/extra-errors';
import SchemaForm from '../forms/schema-form';
import { pendingChoiceSources } from '../forms/schema-choices';
import { formatDate, formatDateTime, isoDate } from '../i18n/format';
import { docTypeLabel, t } from '../i18n/t';
import { NotFoundContent } from './not-found-content';
import { DecisionForm } from './approval-page';
import { DocumentCollaboration } from './document-collaboration';
import { DocumentHistory } from './document-history';
import { DocumentRedThread } from './red-thread/document-red-thread';
import { DocumentSecrecy } from './document-secrecy';
import { KsAdvicePanel } from './escalations/ks-advice-panel';
import { GpfUnderlagPanel } from './oversight/gpf-underlag-panel';

// The diagram is its own chunk: most visits to a document never scroll to it.
const WorkflowDiagram = lazy(() => import('./document-workflow'));

export default function DocumentPage({ id }: { id: string }) {
  const path = `/api/documents/${encodeURIComponent(id)}`;
  const { data: doc, error, isLoading, refetch } = useApiQuery<DocumentView>(path);

  if (isLoading) return <Loading />;
  if (error?.isNotFound)
    return <NotFoundContent title={t('document.notFound')} body={t('document.notFoundHint')} />;
  if (error && !doc) return <ProblemMessage error={error} onRetry={refetch} />;
  if (!doc) return null;
  return <DocumentContent key={`${doc.id}-${doc.version}`} doc={doc} path={path} reload={refetch} />;
}

function DocumentContent({ doc, path, reload }: { doc: DocumentView; path: string; reload: () => void }) {
  const [formData, setFormData] = useState<Record<string, unknown>>(doc.data);
  // Changed only by the reader's own input: RJSF also reports a change when it fills in a fresh
  // form's defaults, which is no reason to hold back the step's buttons (#18).
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState(false);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pendingEvent, setPendingEvent] = useState<AllowedEventView | null>(null);

  // A fresh DocumentContent mounts for every new version; keep the confirmation across it.
  useEffect(() => {
    const carried = sessionStorage.getItem('rodtrad:flash');
    if (carried) {
      sessionStorage.removeItem('rodtrad:flash');
      setMessage(carried);
    }
  }, []);

  function fail(error: unknown) {
    const apiError = toApiError(error);
    if (apiError.status === 422 && apiError.fieldErrors.length) {
      const mapped = mapFieldErrors(apiError.fieldErrors);
      setExtraErrors(mapped.extraErrors);
      setGeneral([t('document.fixErrors'), ...mapped.general]);
      setProblem(null);
      // The server's findings appear in the form's error list: take the reader there.
      requestAnimationFrame(() => document.getElementById('dokument-errors')?.focus());
    } else {
      setProblem(apiError);
      setGeneral([]);
    }
  }

  const save = useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      apiFetch(`${path}/data`, { method: 'PUT', body: { data, expectedVersion: doc.version } }),
    onMutate: () => {
      setMessage(null);
      setProblem(null);
      setGeneral([]);
      setExtraErrors(undefined);
    },
    onSuccess: () => {
      sessionStorage.setItem('rodtrad:flash', t('document.saved'));
      reload();
    },
    onError: fail,
  });

  const send = useMutation({
    mutationFn: ({ event, comment }: { event: AllowedEventView; comment?: string }) =>
      apiFetch(`${path}/events`, {
        method: 'POST',
        body: { type: event.type, comment, expectedVersion: doc.version },
      }),
    onMutate: () => {
      setMessage(null);
      setProblem(null);
    },
    onSuccess: (_, { event }) => {
      setPendingEvent(null);
      sessionStorage.setItem('rodtrad:flash', t('document.eventDone', { label: event.label }));
      reload();
    },
    onError: (error) => {
      setPendingEvent(null);
      fail(error);
    },
  });
  const busy = save.isPending || send.isPending;
  const sendEvent = (event: AllowedEventView, comment?: string) => send.mutate({ event, comment });

  const conflict = problem?.status === 409;
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const approvalId = searchParams.get('godkannande');
  return (
    <article className="document">
      <PageHeading title={doc.title} />
      {doc.sentBack && <SentBackNotice sentBack={doc.sentBack} />}
      <dl className="meta-grid">
        <Meta label={t('document.meta.type')} value={docTypeLabel(doc.type)} />
        <Meta label={t('document.meta.unit')} value={doc.orgUnitName} />
        <Meta label={t('document.meta.year')} value={String(doc.year)} />
        {doc.period && <Meta label={t('document.meta.period')} value={doc.period} />}
        {doc.diarienummer && <Meta label={t('document.meta.diarienummer')} value={doc.diarienummer} />}
        <div>
          <dt>{t('document.meta.state')}</dt>
          <dd>
            <StateBadge state={doc.state} title={doc.stateTitle} />
          </dd>
        </div>
        {doc.dueAt && (
          <div>
            <dt>{t('document.meta.due')}</dt>
            <dd>
              <time dateTime={isoDate(doc.dueAt)}>{formatDate(doc.dueAt)}</time>
              {doc.overdue && <OverdueBadge />}
            </dd>
          </div>
        )}
        <Meta label={t('document.meta.version')} value={String(doc.version)} />
      </dl>
      <p className="no-print">
        <a
          className="button button-secondary"
          href={`/api/documents/${encodeURIComponent(doc.id)}/pdf`}
          download
        >
          {doc.final ? t('document.pdfFrozen') : t('document.pdf')}
        </a>
      </p>

      {doc.type === 'atgardsplan' && <KsAdvicePanel actionPlanDocumentId={doc.id} />}
      {doc.type === 'gpf' && <GpfUnderlagPanel year={doc.year} />}
      <StatusMessage message={message} />
      {problem && (
        <div>
          <ProblemMessage error={problem} />
          {conflict && (
            <button type="button" className="button button-secondary" onClick={reload}>
              {t('document.reload')}
            </button>
          )}
        </div>
      )}
      {general.length > 0 && (
        <div className="notice notice-error" role="alert">
          {general.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}

      {approvalId && (
        <DecisionForm
          path={`/api/approvals/by-id/${encodeURIComponent(approvalId)}`}
          decisions={['approve', 'return']}
          labels={approvalLabels(doc.allowedEvents)}
          onDone={(decision) => {
            sessionStorage.setItem('rodtrad:flash', t(`approval.done.${decision}`));
            navigate(window.location.pathname, { replace: true });
            reload();
          }}
          onLinkProblem={(linkProblem) => setMessage(t(`approval.${linkProblem}.title`))}
        />
      )}

      {(doc.allowedEvents.length > 0 || doc.unavailableEvents.length > 0) && (
        <section aria-labelledby="actions-title" className="card actions no-print">
          <h2 id="actions-title">{t('document.actions')}</h2>
          {dirty && <p className="muted">{t('document.unsaved')}</p>}
          <div className="button-row">
            {doc.allowedEvents.map((event) => (
              <button
                key={event.type}
                type="button"
                className="button button-secondary"
                disabled={busy || dirty}
                onClick={() => (event.requiresComment ? setPendingEvent(event) : sendEvent(event))}
              >
                {event.label}
              </button>
            ))}
            {doc.unavailableEvents.map((event) => (
              <button
                key={event.type}
                type="button"
                className="button button-secondary"
                disabled
                aria-describedby={`event-${event.type}-reason`}
              >
                {event.label}
              </button>
            ))}
          </div>
          {doc.unavailableEvents.map((event) => (
            <UnavailableReason key={event.type} event={event} />
          ))}
        </section>
      )}

      {doc.form && (
        <section aria-labelledby="form-title" className="card">
          <h2 id="form-title">{t('document.formTitle')}</h2>
          {!doc.editable && <p className="notice notice-info">{t('document.readOnly')}</p>}
          {doc.editable && <PendingChoices schema={doc.form.schema} />}
          <SchemaForm
            id="dokument"
            schema={doc.form.schema}
            uiSchema={doc.form.uiSchema}
            formData={formData}
            readonly={!doc.editable}
            extraErrors={extraErrors}
            onChange={(data) => {
              setFormData(data);
              if (touched) setDirty(true);
            }}
            onUserInput={() => setTouched(true)}
            onSubmit={(data) => save.mutate(data)}
          >
            <FormButtons busy={busy} label={t('common.save')} busyLabel={t('common.saving')} />
          </SchemaForm>
        </section>
      )}

      <DocumentCollaboration documentId={doc.id} />

      <DocumentHistory documentId={doc.id} version={doc.version} />

      <Suspense fallback={<Loading />}>
        <WorkflowDiagram
          definitionKey={doc.definition.key}
          version={doc.definition.version}
          currentState={doc.state}
        />
      </Suspense>

      <DocumentRedThread documentId={doc.id} year={doc.year} />
      <DocumentSecrecy documentId={doc.id} />

      <CommentDialog
        title={pendingEvent?.label ?? ''}
        open={pendingEvent !== null}
        busy={busy}
        onCancel={() => setPendingEvent(null)}
        onConfirm={(comment) => pendingEvent && sendEvent(pendingEvent, comment)}
      />
    </article>
  );
}

/** Who sent the document back to this step, when and why: at the top, where the author looks first. */
function SentBackNotice({ sentBack }: { sentBack: NonNullable<SentBackView> }) {
  return (
    <section className="notice notice-warning sent-back" aria-labelledby="sent-back-title">
      <h2 id="sent-back-title">{t('document.sentBack.title', { label: sentBack.label })}</h2>
      <p>
        {t('document.sentBack.who', {
          name: sentBack.by?.name || t('document.sentBack.someone'),
          step: sentBack.fromStateTitle,
        })}{' '}
        <time dateTime={sentBack.at}>{formatDateTime(sentBack.at)}</time>
      </p>
      <p className="sent-back-comment">
        <strong>{t('document.sentBack.why')}</strong> {sentBack.comment}
      </p>
    </section>
  );
}

/** Why an event cannot be sent yet, and the document that must move first. */
function UnavailableReason({ event }: { event: UnavailableEventView }) {
  return (
    <p id={`event-${event.type}-reason`} className="notice notice-info event-reason">
      <strong>{t('document.eventUnavailable', { label: event.label })}</strong> {event.reason}
      {event.blockedBy && (
        <>
          {' '}
          <Link to={`/dokument/${encodeURIComponent(event.blockedBy.id)}`}>
            {t('document.eventBlockedBy', { title: event.blockedBy.title })}
          </Link>
        </>
      )}
    </p>
  );
}

/** Where choices come from a document not adopted yet: say so, and link to it (#18). */
function PendingChoices({ schema }: { schema: Record<string, unknown> }) {
  const sources = pendingChoiceSources(schema);
  if (!sources.length) return null;
  return (
    <div className="notice notice-info choices-pending">
      {sources.map((s) =>
        s.id ? (
          <p key={s.id}>
            {t('document.choicesPending', { title: s.title })}{' '}
            <Link to={`/dokument/${encodeURIComponent(s.id)}`}>
              {t('document.choicesOpen', { title: s.title })}
            </Link>
          </p>
        ) : (
          <p key={s.title}>{t('document.choicesMissing')}</p>
        ),
      )}
    </div>
  );
}

/** The step's words for approving and returning, as the approval mail says them. */
function approvalLabels(events: AllowedEventView[]): { approve: string; return: string | null } | undefined {
  const approve = events.find((e) => e.type === 'APPROVE');
  const back = events.find((e) => e.requiresComment);
  return approve ? { approve: approve.label, return: back?.label ?? null } : undefined;
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
