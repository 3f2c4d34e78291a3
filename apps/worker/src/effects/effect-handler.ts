import type { EffectPayloads, OutboxEffectType } from '@rodtrad/workflow';

/** One relayed outbox row, as a handler sees it: its payload typed by the effect type. */
export interface EffectContext<T extends OutboxEffectType = OutboxEffectType> {
  outboxId: string;
  effectType: T;
  /** The outbox row's unique key: handlers record it in effect_receipt with their DB work. */
  dedupeKey: string;
  documentId: string | null;
  payload: EffectPayloads[T];
}

/** The document an effect concerns: the one its payload names, else the outbox row's. */
export function effectDocumentId(effect: {
  documentId: string | null;
  payload: { documentId?: unknown };
}): string {
  return String(effect.payload.documentId ?? effect.documentId);
}

/**
 * Carries out one kind of effect. Must be idempotent: use `EffectLedgerRepository.once(dedupeKey)`
 * for DB work, and only idempotent steps (deterministic job ids, mail dedupe keys) after it.
 */
export interface EffectHandler<T extends OutboxEffectType = OutboxEffectType> {
  readonly effectType: T;
  handle(effect: EffectContext<T>): Promise<unknown>;
}

export const EFFECT_HANDLERS = Symbol('EFFECT_HANDLERS');
