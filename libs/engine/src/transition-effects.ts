import type { Effect } from '@rodtrad/workflow';

/** Effects applied inside the transition's own transaction; all others leave through the outbox. */
const IN_TRANSACTION = new Set(['markSubmitted', 'markDecided', 'assignDiarienummer']);

/** Whether the transition writer applies the effect to the row itself (not through the outbox). */
export function isInTransactionEffect(effect: Effect): boolean {
  return IN_TRANSACTION.has(effect.type);
}

/**
 * What a transition writes to the outbox: the effects for the worker, then the lifecycle facts
 * `documentSubmitted` (a report reached its submit, so deviations are checked) and
 * `documentFinished` (a final step was reached, so escalations can close), and with it
 * `freezePdf` (the adopted document's PDF is stored once, as it reads at adoption).
 */
export function outboxedEffects(effects: Effect[], result: { changed: boolean; final: boolean }): Effect[] {
  return [
    ...effects.filter((e) => !isInTransactionEffect(e)),
    ...(effects.some((e) => e.type === 'markSubmitted') ? [{ type: 'documentSubmitted', params: {} }] : []),
    ...(result.changed && result.final
      ? [
          { type: 'documentFinished', params: {} },
          { type: 'freezePdf', params: {} },
        ]
      : []),
  ];
}

/**
 * The due moment a `scheduleDeadline` effect carries, resolved from the year wheel when
 * scheduling so the worker need not, and `dueFrom`, the moment it was reckoned from: the deadline
 * worker reckons it again from the wheel as it is then (a date moved meanwhile wins over the one
 * this transition read).
 */
export function withDueAt(effects: Effect[], dueAt: Date | null, now: Date): Effect[] {
  return effects.map((e) =>
    e.type === 'scheduleDeadline'
      ? {
          ...e,
          params: {
            ...e.params,
            dueAt: dueAt?.toISOString() ?? null,
            ...(dueAt ? { dueFrom: now.toISOString() } : {}),
          },
        }
      : e,
  );
}
