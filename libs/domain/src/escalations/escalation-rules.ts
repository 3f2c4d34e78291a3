import { documentTypeTraits, type ReportContents } from '../document-types/document-type-traits';
import type { RoleKey } from '../org/roles';
import {
  ESCALATION_KINDS,
  escalationKindNamed,
  type EscalationBody,
  type EscalationKind,
} from './escalation-kinds';

/** `avvikelse.typ` of an åtgärdsplan (forms/atgardsplan/*.schema.json lists the same values). */
export const ACTION_PLAN_TYPES = ['budget', 'mal', 'balanskrav', 'investering'] as const;
export type ActionPlanType = (typeof ACTION_PLAN_TYPES)[number];

/** One rule: what makes an escalation of the kind open, what plan answers it, who receives it. */
export interface EscalationRule {
  kind: EscalationKind;
  /**
   * What a submitted report must carry for this check to run on it (DocumentTypeTraits.reports);
   * null for a kind that never opens by itself.
   */
  checks: keyof ReportContents | null;
  /** The åtgärdsplan's `avvikelse.typ`. */
  planType: ActionPlanType;
  /** The plan is the särskild åtgärdsplan that KF adopts (and that only this kind joins). */
  sarskildPlan: boolean;
  /** The body it is put before when nothing else says (a workflow's `escalate {to}` may). */
  toBody: EscalationBody;
}

/*
 * §5.4.2: a forecast deficit that reaches the nämnd's threshold and goals not on track go to KS;
 * a negative balance-requirement result goes to KF, which adopts a särskild åtgärdsplan
 * (kommunallagen 11 kap. 12 §). An ad-hoc deviation is reported by the nämnd itself, to KS. A
 * forecast overrun of the decided investments of at least the nämnd's investment threshold goes to
 * KS like a budget deviation ("Utvecklingen av beslutade investeringar?", §5.4.2).
 */
export const ESCALATION_RULES: Readonly<Record<EscalationKind, EscalationRule>> = {
  budget: { kind: 'budget', checks: 'budget', planType: 'budget', sarskildPlan: false, toBody: 'ks' },
  goal: { kind: 'goal', checks: 'goals', planType: 'mal', sarskildPlan: false, toBody: 'ks' },
  balance: { kind: 'balance', checks: 'balance', planType: 'balanskrav', sarskildPlan: true, toBody: 'kf' },
  adhoc: { kind: 'adhoc', checks: null, planType: 'budget', sarskildPlan: false, toBody: 'ks' },
  investment: {
    kind: 'investment',
    checks: 'investments',
    planType: 'investering',
    sarskildPlan: false,
    toBody: 'ks',
  },
};

/**
 * Who is mailed when an escalation reaches a body: KF's chair and secretary; for KS the roles the
 * installation configures (ESCALATION_RECIPIENT_ROLES).
 */
export const ESCALATION_RECIPIENTS: Readonly<Record<EscalationBody, readonly RoleKey[] | 'configured'>> = {
  ks: 'configured',
  kf: ['kf.ordforande', 'kf.sekreterare'],
};

/** The checks a submitted document of `type` runs, in the order of ESCALATION_KINDS. */
export function escalationChecksFor(type: string): EscalationKind[] {
  const traits = documentTypeTraits(type);
  if (!traits) return [];
  return ESCALATION_KINDS.filter((k) => {
    const checks = ESCALATION_RULES[k].checks;
    return checks !== null && traits.reports[checks];
  });
}

/**
 * The kind a workflow's `escalate`/`createDocument` on a document of `type` stands for: the kind
 * it names, or else the type's own (DocumentTypeTraits.deviationKind), or else an ad-hoc one.
 */
export function escalationKindFor(type: string, requested?: string | null): EscalationKind {
  if (requested) return escalationKindNamed(requested);
  return documentTypeTraits(type)?.deviationKind ?? 'adhoc';
}
