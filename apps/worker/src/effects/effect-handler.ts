/** One relayed outbox row, as a handler sees it. */
export interface EffectContext {
  outboxId: string;
  effectType: string;
  /** The outbox row's unique key: handlers record it in effect_receipt with their DB work. */
  dedupeKey: string;
  documentId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Carries out one kind of effect. Must be idempotent: use `EffectLedgerRepository.once(dedupeKey)`
 * for DB work, and only idempotent steps (deterministic job ids, mail dedupe keys) after it.
 */
export interface EffectHandler {
  readonly effectType: string;
  handle(effect: EffectContext): Promise<unknown>;
}

export const EFFECT_HANDLERS = Symbol('EFFECT_HANDLERS');
