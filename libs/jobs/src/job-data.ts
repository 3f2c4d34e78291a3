import type { JobSpec } from './add-jobs-once';
import { JOBS, QUEUES, type QueueName } from './queues';

/** Payload of a `send-mail` job: the mail_message row (jobId = the row id). */
export interface SendMailJobData {
  mailMessageId: string;
  /** The W3C traceparent of the work that queued the mail, when traces are on (#21). */
  traceparent?: string;
}

/** Payload of a `handle-effect` job: the outbox row, named for all time (id and moment of writing). */
export interface HandleEffectJobData {
  outboxId: string;
  /** The row's created_at in ms: a job whose row has another is not this row's job. */
  createdAt: number;
}

/** Payload of a `fire-deadline` job: the deadline row. */
export interface FireDeadlineJobData {
  deadlineId: string;
}

/** Payload of a `send-reminder-digest` job: the reminder_digest row. */
export interface SendReminderDigestJobData {
  digestId: string;
}

/** Payload of a `build-archive-package` job: the archive_package row of the year, as requested then. */
export interface BuildArchivePackageJobData {
  year: number;
  /** The row's requested_at in ms: a newer request supersedes this job. */
  requestedAt: number;
}

/** Payload of a `fetch-kolada` job: who asked (an administrator's user id), absent on the Kolada schedule. */
export interface FetchKoladaJobData {
  requestedBy?: string;
}

/** Housekeeping runs on a schedule and reads what it needs: its jobs carry nothing. */
export type ScheduledJobData = Record<string, never>;

/**
 * The one map from job name to the data its job carries (ids only: the worker reloads state from
 * the database). Producers build jobs with `jobSpec`, handlers receive `Job<JobData<N>>`.
 */
export interface JobDataByName {
  [JOBS.purgeExpiredSessions]: ScheduledJobData;
  [JOBS.relayOutbox]: ScheduledJobData;
  [JOBS.renewApprovalLinks]: ScheduledJobData;
  [JOBS.promoteWaitingEffects]: ScheduledJobData;
  [JOBS.sendMail]: SendMailJobData;
  [JOBS.handleEffect]: HandleEffectJobData;
  [JOBS.fireDeadline]: FireDeadlineJobData;
  [JOBS.sendReminderDigest]: SendReminderDigestJobData;
  [JOBS.buildArchivePackage]: BuildArchivePackageJobData;
  [JOBS.fetchKolada]: FetchKoladaJobData;
}

export type JobName = keyof JobDataByName;
export type JobData<N extends JobName> = JobDataByName[N];

/** The queue each job the system enqueues goes to (the worker has a handler for each). */
export const JOB_QUEUES = {
  [JOBS.purgeExpiredSessions]: QUEUES.maintenance,
  [JOBS.handleEffect]: QUEUES.effects,
  [JOBS.fireDeadline]: QUEUES.deadlines,
  [JOBS.sendReminderDigest]: QUEUES.deadlines,
  [JOBS.sendMail]: QUEUES.mail,
  [JOBS.renewApprovalLinks]: QUEUES.maintenance,
  [JOBS.promoteWaitingEffects]: QUEUES.maintenance,
  [JOBS.buildArchivePackage]: QUEUES.archive,
  [JOBS.fetchKolada]: QUEUES.maintenance,
} as const satisfies Partial<Record<JobName, QueueName>>;

/** A job the system enqueues (every one but the unused `relay-outbox`). */
export type EnqueuedJobName = keyof typeof JOB_QUEUES;

/** One job to add under a deterministic id, its data checked against its name. */
export function jobSpec<N extends JobName>(
  name: N,
  data: JobData<N>,
  opts: JobSpec['opts'],
): JobSpec<JobData<N>> & { name: N } {
  return { name, data, opts };
}
