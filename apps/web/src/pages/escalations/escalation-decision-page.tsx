import type { EscalationDetail } from '@rodtrad/contracts';
import {
  ESCALATION_DECISION_LABELS,
  ESCALATION_DECISIONS,
  type EscalationDecisionKind,
} from '@rodtrad/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { hasAnyRole, useCurrentUser } from '../../auth/session';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { FormButtons } from '../../components/form-buttons';
import { TextAreaField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { formatSum } from '../../i18n/format';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from '../admin/form-errors';

/** Who decides for KS (the API's KS_ROLES). */
export const KS_DECISION_ROLES = ['ks.ordforande', 'ks.sekreterare'];

const FIELD_IDS: Record<string, string> = {
  '/decision': 'decision-lamna_rad',
  '/meetingDate': 'decision-meeting-date',
  '/paragraph': 'decision-paragraph',
  '/advice': 'decision-advice',
  '/comment': 'decision-comment',
};

const HINTS: Record<EscalationDecisionKind, string> = {
  lamna_rad:
    'Rådet sparas, skickas med e-post till nämndens ordförande, sekreterare och förvaltningschef och visas på nämndens åtgärdsplan.',
  fora_till_kf:
    'Ett ärende till kommunfullmäktige skapas med kommunstyrelsens beslut ifyllt. Det bereds och registreras och går sedan till fullmäktiges beslut.',
  anteckna: 'Kommunstyrelsen antecknar avvikelsen för kännedom. Inget mer följer av beslutet.',
};

/**
 * KS's decision on an escalation under its uppsiktsplikt (`/avvikelser/{id}/beslut`): lämna råd,
 * föra ärendet till kommunfullmäktige or anteckna, with the meeting's date and paragraph.
 */
export default function EscalationDecisionPage({ id }: { id: string }) {
  const user = useCurrentUser();
  const one = useApiQuery<EscalationDetail>(`/api/escalations/${encodeURIComponent(id)}`);
  let body: React.ReactNode;
  if (one.isLoading) body = <Loading />;
  else if (one.error?.isNotFound) body = <NotAvailable />;
  else if (one.error) body = <ProblemMessage error={one.error} onRetry={one.refetch} />;
  else if (!one.data) body = null;
  else if (one.data.decision)
    body = (
      <p className="notice">
        Kommunstyrelsen har redan beslutat: {one.data.decision.label} ({one.data.decision.meetingDate},{' '}
        {one.data.decision.paragraph}).{' '}
        <Link to={`/avvikelser/${encodeURIComponent(id)}`}>Öppna avvikelsen</Link>
      </p>
    );
  else if (!hasAnyRole(user, KS_DECISION_ROLES))
    body = <p>Bara kommunstyrelsens ordförande och sekreterare registrerar kommunstyrelsens beslut.</p>;
  else body = <DecisionForm escalation={one.data} />;
  const title = one.data
    ? `Kommunstyrelsens beslut: ${t(`escalations.kind.${one.data.kind}`)} – ${one.data.orgUnitName}`
    : 'Kommunstyrelsens beslut';
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to={`/avvikelser/${encodeURIComponent(id)}`}>Tillbaka till avvikelsen</Link>
      </p>
      <p className="lead">
        Kommunstyrelsen har uppsikt över nämndernas verksamhet och kan lämna råd till nämnden eller föra
        ärendet till kommunfullmäktige (kommunallagen 6 kap. 1 §). Registrera beslutet med sammanträdets datum
        och paragraf i protokollet.
      </p>
      {body}
    </>
  );
}

function DecisionForm({ escalation: e }: { escalation: EscalationDetail }) {
  const navigate = useNavigate();
  const [decision, setDecision] = useState<EscalationDecisionKind | ''>('');
  const [meetingDate, setMeetingDate] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [advice, setAdvice] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);

  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<EscalationDetail>(`/api/escalations/${encodeURIComponent(e.id)}/decision`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => navigate(`/avvikelser/${encodeURIComponent(e.id)}`),
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The server checks every field (and says why, field by field); the choice is asked here first.
    if (!decision) {
      const message = 'Välj kommunstyrelsens beslut.';
      setErrors({
        fields: { '/decision': message },
        summary: [{ fieldId: FIELD_IDS['/decision'], message }],
      });
      setAttempt((n) => n + 1);
      return;
    }
    decide.mutate({
      decision,
      meetingDate,
      paragraph,
      ...(decision === 'lamna_rad' ? { advice } : {}),
      ...(comment.trim() ? { comment } : {}),
    });
  }

  const decisionError = errors.fields['/decision'];
  return (
    <form noValidate onSubmit={submit} className="form-stack card">
      <dl className="meta-grid">
        <div>
          <dt>Nämnd</dt>
          <dd>{e.orgUnitName}</dd>
        </div>
        {e.amount !== null && (
          <div>
            <dt>Avvikelse</dt>
            <dd>{formatSum(e.amount)}</dd>
          </div>
        )}
        <div>
          <dt>Beskrivning</dt>
          <dd>{e.description || 'Ingen'}</dd>
        </div>
        <div>
          <dt>Föreslagna åtgärder</dt>
          <dd>{e.measures || 'Inga'}</dd>
        </div>
      </dl>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <fieldset
        className={decisionError ? 'field field-invalid' : 'field'}
        aria-describedby={decisionError ? 'decision-error' : undefined}
      >
        <legend>Kommunstyrelsens beslut</legend>
        {decisionError && (
          <p id="decision-error" className="field-error">
            {decisionError}
          </p>
        )}
        {ESCALATION_DECISIONS.map((value) => (
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
            <label htmlFor={`decision-${value}`}>{ESCALATION_DECISION_LABELS[value]}</label>
            <p id={`decision-${value}-hint`} className="field-hint">
              {HINTS[value]}
            </p>
          </div>
        ))}
      </fieldset>
      <TextField
        id="decision-meeting-date"
        type="date"
        label="Sammanträdets datum"
        hint="Dagen då kommunstyrelsen fattade beslutet."
        required
        {...bound(meetingDate, setMeetingDate, errors.fields['/meetingDate'])}
      />
      <TextField
        id="decision-paragraph"
        label="Paragraf"
        hint='Som den står i protokollet, t.ex. "§ 45".'
        required
        {...bound(paragraph, setParagraph, errors.fields['/paragraph'])}
      />
      {decision === 'lamna_rad' && (
        <TextAreaField
          id="decision-advice"
          label="Kommunstyrelsens råd till nämnden"
          hint="Skickas till nämnden och visas på dess åtgärdsplan."
          required
          {...bound(advice, setAdvice, errors.fields['/advice'])}
        />
      )}
      <TextAreaField
        id="decision-comment"
        label={
          decision === 'fora_till_kf'
            ? 'Förslag till beslut i fullmäktige (frivilligt)'
            : 'Kommentar (frivillig)'
        }
        hint={
          decision === 'fora_till_kf'
            ? 'Blir kommunstyrelsens förslag till beslut i ärendet; kan kompletteras i beredningen.'
            : undefined
        }
        {...bound(comment, setComment, errors.fields['/comment'])}
      />
      <FormButtons busy={decide.isPending} label="Registrera beslutet" busyLabel="Registrerar…" />
    </form>
  );
}
