import type { ApprovalDecision, ApprovalSummaryView, AuthProviders } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, toApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { useApiQuery } from '../api/query-client';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { Loading, ProblemMessage } from '../components/feedback';
import { TextAreaField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import SchemaForm from '../forms/schema-form';
import { formatDateTime } from '../i18n/format';
import { docTypeLabel, t } from '../i18n/t';
import { classifyLinkProblem, type LinkProblem } from './approval-outcome';

export default function ApprovalPage({ token }: { token: string }) {
  const path = `/api/approvals/${encodeURIComponent(token)}`;
  const { data, error, isLoading, refetch } = useApiQuery<ApprovalSummaryView>(path);
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(null);
  const [done, setDone] = useState<ApprovalDecision | null>(null);

  const problem = linkProblem ?? (error ? classifyLinkProblem(error) : null);
  if (problem) return <LinkProblemView problem={problem} />;
  if (done) {
    return (
      <div className="narrow">
        <PageHeading title={t('approval.done.title')} />
        <p className="notice notice-success">{t(`approval.done.${done}`)}</p>
        <p>{t('approval.done.hint')}</p>
      </div>
    );
  }
  if (isLoading) return <Loading />;
  if (error || !data) return error ? <ProblemMessage error={error} onRetry={refetch} /> : null;

  const { form } = data;
  // Summary and decision first, the whole document after them: on a phone the decision is then
  // on the first screen instead of under 2,700 px of form (#18).
  return (
    <div className="approval">
      <PageHeading title={t('approval.title')} />
      <p className="lead">{t('approval.intro')}</p>
      {data.requireSignIn && <SignInFirst token={token} maxAge={data.signInMaxAge} />}
      <section aria-labelledby="approval-doc-title" className="card approval-summary">
        <h2 id="approval-doc-title">{data.title || t('approval.documentHeading')}</h2>
        <p className="muted">
          {[docTypeLabel(data.type), data.orgUnitName, data.year, data.period, data.stateTitle]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {data.requestedBy && <p>{t('approval.requestedBy', { name: data.requestedBy.name })}</p>}
        {data.diarienummer && <p>{t('approval.diarienummer', { number: data.diarienummer })}</p>}
        {data.approver && (
          <p>
            {[
              t('approval.approver', { name: data.approver.name }),
              data.onBehalfOf && t('approval.onBehalfOf', { name: data.onBehalfOf.name }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        {data.expiresAt && <p>{t('approval.expiresAt', { date: formatDateTime(data.expiresAt) })}</p>}
        <p>
          <a href={`/dokument/${encodeURIComponent(data.document.id)}`}>{t('approval.openDocument')}</a>
        </p>
      </section>
      <DecisionForm
        path={path}
        csrfToken={data.csrfToken}
        decisions={data.decisions}
        labels={data.decisionLabels}
        onDone={setDone}
        onLinkProblem={setLinkProblem}
      />
      {form && (
        <section aria-labelledby="approval-content-title" className="card">
          <h2 id="approval-content-title">{t('approval.contentHeading')}</h2>
          <SchemaForm
            id="granska"
            schema={form.schema}
            uiSchema={form.uiSchema}
            formData={data.data}
            readonly
          />
        </section>
      )}
    </div>
  );
}

export interface DecisionFormProps {
  path: string;
  csrfToken?: string;
  decisions: ApprovalDecision[];
  /** The step's own words for the decisions (the workflow's event labels), as the mail says them. */
  labels?: { approve: string; return: string | null };
  onDone: (decision: ApprovalDecision) => void;
  onLinkProblem: (problem: LinkProblem) => void;
}

export function DecisionForm({
  path,
  csrfToken,
  decisions,
  labels,
  onDone,
  onLinkProblem,
}: DecisionFormProps) {
  const [decision, setDecision] = useState<ApprovalDecision | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; comment?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const commentRequired = decision === 'reject' || decision === 'return';

  const send = useMutation({
    mutationFn: (chosen: ApprovalDecision) =>
      apiFetch(path, {
        method: 'POST',
        body: { decision: chosen, comment: comment.trim() || undefined, csrfToken },
      }),
    onSuccess: (_, chosen) => onDone(chosen),
    onError: (error) => {
      const apiError = toApiError(error);
      const linkProblem = classifyLinkProblem(apiError);
      if (linkProblem) return onLinkProblem(linkProblem);
      const fieldErrors: typeof errors = {};
      for (const { pointer, message } of apiError.fieldErrors) {
        if (pointer === '/decision') fieldErrors.decision = message;
        if (pointer === '/comment') fieldErrors.comment = message;
      }
      setErrors(fieldErrors);
      if (!fieldErrors.decision && !fieldErrors.comment) setFailure(apiError);
      setAttempt((n) => n + 1);
    },
  });
  const busy = send.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!decision) found.decision = t('approval.decisionRequired');
    if (commentRequired && !comment.trim()) found.comment = t('approval.commentRequired');
    setErrors(found);
    setFailure(null);
    if (found.decision || found.comment || !decision) {
      setAttempt((n) => n + 1);
      return;
    }
    send.mutate(decision);
  }

  const summary: SummaryItem[] = [];
  if (errors.decision) summary.push({ fieldId: `decision-${decisions[0]}`, message: errors.decision });
  if (errors.comment) summary.push({ fieldId: 'decision-comment', message: errors.comment });

  return (
    <section aria-labelledby="decision-title" className="card">
      <h2 id="decision-title">{t('approval.decisionHeading')}</h2>
      <ErrorSummary items={summary} focusKey={attempt} />
      {failure && <ProblemMessage error={failure} />}
      <form noValidate onSubmit={submit} className="form-stack">
        <fieldset
          className={errors.decision ? 'field field-invalid' : 'field'}
          aria-describedby={errors.decision ? 'decision-error' : undefined}
        >
          <legend>{t('approval.decision')}</legend>
          {errors.decision && (
            <p id="decision-error" className="field-error">
              {errors.decision}
            </p>
          )}
          {decisions.map((value) => (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={`decision-${value}`}
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                aria-describedby={`decision-${value}-hint`}
              />
              <label htmlFor={`decision-${value}`}>
                {(value === 'approve' ? labels?.approve : value === 'return' ? labels?.return : null) ??
                  t(`approval.decision.${value}`)}
              </label>
              <p id={`decision-${value}-hint`} className="field-hint">
                {t(`approval.decision.${value}Hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          id="decision-comment"
          label={commentRequired ? t('approval.comment') : t('approval.commentOptional')}
          required={commentRequired}
          value={comment}
          error={errors.comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.sending') : t('approval.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * The step asks the approver to sign in (and perhaps to have signed in recently): through the
 * municipality's identity provider when Rödtråd offers one (with max_age), else with a password;
 * either way back to this page.
 */
function SignInFirst({ token, maxAge }: { token: string; maxAge: number | null }) {
  const providers = useApiQuery<AuthProviders>('/api/auth/providers');
  const here = `/approve/${encodeURIComponent(token)}`;
  const oidc = providers.data?.oidc;
  const href = oidc
    ? `${oidc.loginUrl}?returnTo=${encodeURIComponent(here)}${maxAge === null ? '' : `&maxAge=${maxAge}`}`
    : `/logga-in?next=${encodeURIComponent(here)}`;
  return (
    <div className="notice notice-info">
      <p>{maxAge === null ? t('approval.signInFirst') : t('approval.freshSignInFirst')}</p>
      <p>
        <a href={href}>{oidc ? t('login.oidcButton', { name: oidc.name }) : t('login.title')}</a>
      </p>
    </div>
  );
}

function LinkProblemView({ problem }: { problem: LinkProblem }) {
  return (
    <div className="narrow">
      <PageHeading title={t(`approval.${problem}.title`)} />
      <p>{t(`approval.${problem}.body`)}</p>
    </div>
  );
}
