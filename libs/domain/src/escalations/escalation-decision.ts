/**
 * KS's decision on an escalation under its uppsiktsplikt (kommunallagen 6 kap. 1 §; the source:
 * KS may "lämna råd alternativt föra ärendet till kommunfullmäktige"), or KS takes note of it for
 * information. One decision per escalation, taken at a KS meeting (date and paragraph).
 */
export const ESCALATION_DECISIONS = ['lamna_rad', 'fora_till_kf', 'anteckna'] as const;

export type EscalationDecisionKind = (typeof ESCALATION_DECISIONS)[number];

/** The Swedish names the pages, mails and history use. */
export const ESCALATION_DECISION_LABELS: Readonly<Record<EscalationDecisionKind, string>> = {
  lamna_rad: 'Lämna råd',
  fora_till_kf: 'För ärendet till kommunfullmäktige',
  anteckna: 'Anteckna för kännedom',
};

/** A paragraph of a protocol as written in it: "§ 45", "§45", "§ 45a". */
export const PROTOCOL_PARAGRAPH = /^§ ?[0-9]+[a-z]?$/;

export interface EscalationDecisionInput {
  decision: unknown;
  meetingDate: unknown;
  paragraph: unknown;
  advice?: unknown;
  comment?: unknown;
}

export interface DecisionFieldError {
  /** JSON pointer into the request body. */
  pointer: string;
  message: string;
}

const isIsoDate = (v: unknown): v is string => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function isEscalationDecision(v: unknown): v is EscalationDecisionKind {
  return typeof v === 'string' && (ESCALATION_DECISIONS as readonly string[]).includes(v);
}

/**
 * Every problem with a decision, field by field (empty: it may be recorded): a known decision,
 * the KS meeting's date as 'YYYY-MM-DD' and no later than `today` (a decision is recorded after
 * the meeting), the paragraph as in the protocol, and the advice itself when KS gives advice.
 */
export function escalationDecisionProblems(
  input: EscalationDecisionInput,
  today: string,
): DecisionFieldError[] {
  const errors: DecisionFieldError[] = [];
  if (!isEscalationDecision(input.decision))
    errors.push({
      pointer: '/decision',
      message: 'Välj kommunstyrelsens beslut: lämna råd, föra ärendet till kommunfullmäktige eller anteckna.',
    });
  if (!isIsoDate(input.meetingDate))
    errors.push({ pointer: '/meetingDate', message: 'Ange sammanträdets datum (ÅÅÅÅ-MM-DD).' });
  else if (input.meetingDate > today)
    errors.push({
      pointer: '/meetingDate',
      message: 'Sammanträdet kan inte ligga i framtiden: beslutet registreras efter sammanträdet.',
    });
  if (!PROTOCOL_PARAGRAPH.test(text(input.paragraph)))
    errors.push({
      pointer: '/paragraph',
      message: 'Ange paragrafen som den står i protokollet, t.ex. "§ 45".',
    });
  if (input.decision === 'lamna_rad' && !text(input.advice))
    errors.push({ pointer: '/advice', message: 'Skriv kommunstyrelsens råd till nämnden.' });
  return errors;
}
