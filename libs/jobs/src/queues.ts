/**
 * Queue and job names (the data each job carries: job-data.ts). Jobs carry ids only: the worker
 * reloads state from the database, which is the source of truth.
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
  /** Archive packages of closed years (#20): long jobs with progress, kept apart from the rest. */
  archive: 'archive',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
  relayOutbox: 'relay-outbox',
  /** maintenance queue: cancel approval requests whose step was left, renew links of changed documents. */
  renewApprovalLinks: 'renew-approval-links',
  /** maintenance queue: deadline bookkeeping effects that waited too long behind other effects go ahead. */
  promoteWaitingEffects: 'promote-waiting-effects',
  /** mail queue: send one mail_message row (jobId = the row id). */
  sendMail: 'send-mail',
  /** effects queue: carry out one relayed outbox row (jobId outbox__<id>). */
  handleEffect: 'handle-effect',
  /** deadlines queue: a due moment or reminder (jobId deadline__<id>), delayed until it. */
  fireDeadline: 'fire-deadline',
  /** deadlines queue: one person's reminders of one day in one mail (jobId digest__<id>). */
  sendReminderDigest: 'send-reminder-digest',
  /** archive queue: the archive package of a closed year (jobId archive__<year>__<requested ms>). */
  buildArchivePackage: 'build-archive-package',
  /** maintenance queue: fetch the linked KPIs from Kolada (on its schedule, or jobId kolada__<requested ms>). */
  fetchKolada: 'fetch-kolada',
} as const;

/** BullMQ job ids may not contain ':'; ours are built from ids and names only. */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.join('__');
  if (id.includes(':')) throw new Error(`Job id must not contain ':' (got ${id})`);
  return id;
}
