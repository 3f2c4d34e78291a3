/**
 * Queue names and job payloads. Jobs carry ids only: the worker reloads state from
 * the database, which is the source of truth.
 */
export const QUEUES = {
  /** Housekeeping: expired sessions and the like. */
  maintenance: 'maintenance',
  /** Effects relayed from the transactional outbox. */
  effects: 'effects',
  /** Deadlines, reminders and overdue escalations. */
  deadlines: 'deadlines',
  /** Outgoing mail. */
  mail: 'mail',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
  relayOutbox: 'relay-outbox',
} as const;

export interface PurgeExpiredSessionsJob {
  /** nothing: the worker asks the database */
}

/** BullMQ job ids may not contain ':'; ours are built from ids and names only. */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.join('__');
  if (id.includes(':')) throw new Error(`Job id must not contain ':' (got ${id})`);
  return id;
}
