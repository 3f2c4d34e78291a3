/**
 * The kinds of escalation, one list. A kind names what deviated: the budget (a forecast overrun of
 * at least the nämnd's threshold), goal fulfilment, the balance requirement, an ad-hoc report by
 * the nämnd, or the decided investments (a forecast overrun of at least the investment threshold).
 * The database column, the API enum, the mails and the workflow `escalate` action all read it.
 */
export const ESCALATION_KINDS = ['budget', 'goal', 'balance', 'adhoc', 'investment'] as const;

export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** The body an escalation is put before. */
export type EscalationBody = 'ks' | 'kf';

export const ESCALATION_BODIES: readonly EscalationBody[] = ['ks', 'kf'];

/**
 * Swedish names a workflow definition may use for a kind in `escalate {kind}` (they were accepted
 * before the kinds were a closed list, and shipped or stored definitions may still use them).
 */
export const ESCALATION_KIND_ALIASES: Readonly<Record<string, EscalationKind>> = {
  budgetavvikelse: 'budget',
  mal: 'goal',
  maluppfyllelse: 'goal',
  balanskrav: 'balance',
  investering: 'investment',
};

/** Every name the `escalate` action accepts for `kind`: the kinds, then their Swedish aliases. */
export const ESCALATION_KIND_NAMES: readonly string[] = [
  ...ESCALATION_KINDS,
  ...Object.keys(ESCALATION_KIND_ALIASES),
];

export function isEscalationKind(value: unknown): value is EscalationKind {
  return typeof value === 'string' && (ESCALATION_KINDS as readonly string[]).includes(value);
}

/**
 * The kind a name stands for. A name that is no kind (only possible in effects written before
 * definitions were checked against ESCALATION_KIND_NAMES) is an ad-hoc escalation, as it always was.
 */
export function escalationKindNamed(name: string): EscalationKind {
  const k = name.toLowerCase();
  if (isEscalationKind(k)) return k;
  return Object.prototype.hasOwnProperty.call(ESCALATION_KIND_ALIASES, k)
    ? ESCALATION_KIND_ALIASES[k]
    : 'adhoc';
}
