// The one map from effect type to what it carries. The built-in actions produce the params, the
// transition writer adds the document's keys when it writes the outbox row, and the worker's
// effect handlers read the payload by the same type: a field renamed here fails to compile on
// both sides.
import type { JsonObject } from '../workflow.types';

/**
 * The params each effect of a transition carries (built-in actions and the engine's lifecycle
 * facts). `markSubmitted`, `markDecided` and `assignDiarienummer` change the document row inside
 * the transition itself (the engine's transition-effects.ts); the others leave through the outbox.
 */
export interface EffectParams {
  notify: { roles?: string[]; users?: string[]; template: string };
  scheduleDeadline: {
    state: string;
    key: string;
    reminders?: number[];
    onDue?: string | null;
    escalate?: boolean;
    /** Resolved from the year wheel by the engine when it writes the effect. */
    dueAt?: string | null;
    /** The moment the engine reckoned `dueAt` from (its transition); absent in older rows. */
    dueFrom?: string;
  };
  /** `state: null` cancels every pending deadline of the document. */
  cancelDeadlines: { state?: string | null };
  requestApproval: {
    state: string;
    approvers: { roles?: string[]; users?: string[] };
    mode: 'all' | 'any' | 'sequence';
    requireSignIn?: boolean;
    /** Seconds: how fresh the approver's sign-in must be when deciding (OpenID Connect max_age). */
    maxAge?: number;
  };
  createDocument: { type: string; link: string };
  escalate: { to: 'ks' | 'kf'; kind: string };
  assignDiarienummer: { body: 'ks' | 'kf' | 'namnd' };
  markSubmitted: { from: string | null; by: string | null };
  markDecided: { outcome: string | null; date: unknown; paragraph: unknown; by: string | null };
  /** Engine, on markSubmitted: a report's deviations are checked. */
  documentSubmitted: Record<string, never>;
  /** Engine, on reaching a final step: escalations can close. */
  documentFinished: Record<string, never>;
  /** Engine, on reaching a final step: the worker stores the adopted document's PDF once (#20). */
  freezePdf: Record<string, never>;
}

export type EffectType = keyof EffectParams;

/** What the transition writer adds to every effect of a document it writes to the outbox. */
export interface DocumentKeys {
  documentId: string;
  documentType: string;
  orgUnitId: string;
  year: number;
  period: string | null;
}

/** Outbox rows written outside a transition, each by its one producer. */
export interface SystemEffectPayloads {
  /** The year wheel, when a date moved. */
  rescheduleDeadlines: { key: string; year: number; period: string | null };
  /** The escalation repository, with every new escalation. */
  escalationOpened: { escalationId: string; orgUnitId: string; year: number; kind: string };
  /** The deadline firing, when a due moment sends the definition's `onDue` event. */
  deadlineEvent: { documentId: string; state: string; event: string; deadlineId: string };
}

/** The payload of an outbox row, by its `effect_type`: what the worker's handlers read. */
export type EffectPayloads = { [T in EffectType]: EffectParams[T] & DocumentKeys } & SystemEffectPayloads;

export type OutboxEffectType = keyof EffectPayloads;

/** An effect as an action returns it, its params checked against the map. */
export function effectOf<T extends EffectType>(
  type: T,
  params: EffectParams[T],
): { type: T; params: JsonObject } {
  return { type, params };
}
