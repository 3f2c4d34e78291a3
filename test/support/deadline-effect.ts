import type { OutboxRecord } from '@rodtrad/persistence';

/**
 * The outbox row that schedules a deadline on an enhetsplan's draft step, due at `dueAt`, with no
 * reminders, no on-due event and no escalation: what the worker's scheduleDeadline effect reads,
 * for specs that need a deadline to fire.
 */
export function draftDeadlineEffect(documentId: string, dueAt: Date, dedupeKey: string): OutboxRecord {
  return {
    documentId,
    effectType: 'scheduleDeadline',
    payload: {
      documentId,
      state: 'draft',
      key: 'enhetsplan',
      reminders: [],
      onDue: null,
      escalate: false,
      dueAt: dueAt.toISOString(),
    },
    dedupeKey,
  };
}
