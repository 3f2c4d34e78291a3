import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { DocumentEngine } from '@rodtrad/engine';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import { overdueMail, QueuedMailOutbox } from '@rodtrad/mail';
import {
  DeadlineRepository,
  DocumentRepository,
  OutboxRepository,
  ReminderDigestRepository,
  type DeadlineRow,
} from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { JobHandler } from '../queues/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';
import { DeadlineJobs, type FireDeadlineJobData } from './deadline-jobs';
import { RecipientDirectory } from './recipient-directory';

/** Effect written when a due moment sends the definition's `onDue` event to the machine. */
export const DEADLINE_EVENT = 'deadlineEvent';
/** A job that wakes this early (a moved date) goes back to sleep instead of firing. */
const EARLY_TOLERANCE_MS = 500;

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

type Outcome =
  | { fired: false; reason: string }
  | { fired: true; kind: 'due' | 'reminder'; mails: string[]; digests: string[]; skipped?: string };

/**
 * A deadline's moment has come. The guarded update of the row decides that it fires, once, among
 * all workers; in the same transaction: the document is marked overdue and the responsible and
 * the next level up get their mails (due), or the reminder joins each person's digest of the day.
 * The `onDue` event leaves as an outbox row, so the machine gets it even after a crash.
 */
@Injectable()
export class FireDeadlineJob implements JobHandler<FireDeadlineJobData> {
  readonly queue = QUEUES.deadlines;
  readonly name = JOBS.fireDeadline;
  private readonly deadlines: DeadlineRepository;
  private readonly documents: DocumentRepository;
  private readonly digests: ReminderDigestRepository;
  private readonly outbox: OutboxRepository;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly engine: DocumentEngine,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
    private readonly jobs: DeadlineJobs,
  ) {
    this.deadlines = new DeadlineRepository(ds);
    this.documents = new DocumentRepository(ds);
    this.digests = new ReminderDigestRepository(ds);
    this.outbox = new OutboxRepository(ds);
  }

  async handle(job: Job<FireDeadlineJobData>): Promise<Outcome> {
    const row = await this.deadlines.get(job.data.deadlineId);
    if (!row || row.status !== 'pending') return { fired: false, reason: row ? row.status : 'gone' };
    const fireAt = new Date(row.fireAt).getTime();
    if (fireAt - Date.now() > EARLY_TOLERANCE_MS) {
      await job.moveToDelayed(fireAt, job.token);
      throw new DelayedError();
    }
    // Everything read from elsewhere is read before the transaction: inside it, only its own
    // connection is used (a transaction waiting for a second pool connection can starve the pool).
    const seen = await this.documents.get(row.documentId);
    const def = seen ? await this.engine.definitions.load(seen.definitionId) : null;
    const meta = def ? stateMeta(def.definition, row.state) : undefined;
    const responsible = seen
      ? uniqueRecipients([
          ...(await this.recipients.withRolesFor(meta?.responsible ?? [], seen.orgUnitId)),
          ...(await this.recipients.pendingApprovers(seen.id, row.state)),
        ])
      : [];
    const up =
      seen && row.kind === 'due' && row.escalate
        ? await this.recipients.nextLevelUp(seen.orgUnitId, def?.definition.escalationChain)
        : null;
    const outcome = await this.ds.transaction(async (m): Promise<Outcome> => {
      if (!(await this.deadlines.claimFiring(row.id, m)))
        return { fired: false, reason: 'fired by another worker' };
      const doc = await this.documents.get(row.documentId, m);
      if (!doc || doc.final || doc.state !== row.state)
        return { fired: true, kind: row.kind, mails: [], digests: [], skipped: 'step already left' };
      const ref = {
        title: doc.title,
        stepTitle: meta?.title ?? row.state,
        unitName: doc.orgUnitName ?? '',
        dueAt: new Date(row.dueAt),
        url: `${this.config.publicUrl}/dokument/${doc.id}`,
      };
      if (row.kind === 'reminder') {
        if (new Date(row.dueAt).getTime() <= Date.now())
          return { fired: true, kind: 'reminder', mails: [], digests: [], skipped: 'due moment passed' };
        const date = stockholmDate.format(new Date());
        const digests: string[] = [];
        for (const r of responsible) {
          const { digestId, created } = await this.digests.addItem(r.userId, date, row.id, m);
          if (created) digests.push(digestId);
        }
        return { fired: true, kind: 'reminder', mails: [], digests };
      }
      await m.query('UPDATE document SET overdue = 1 WHERE id = ? AND state = ?', [doc.id, row.state]);
      const mails: string[] = [];
      const mail = overdueMail(ref, 'responsible');
      for (const r of responsible)
        mails.push(
          await this.mail.write(
            { ...mail, to: [r.email], threadKey: doc.id, dedupeKey: `deadline__${row.id}__${r.userId}` },
            m,
          ),
        );
      const told = new Set(responsible.map((r) => r.userId));
      const escalated = overdueMail(ref, 'escalated');
      for (const r of up?.recipients.filter((u) => !told.has(u.userId)) ?? [])
        mails.push(
          await this.mail.write(
            { ...escalated, to: [r.email], threadKey: doc.id, dedupeKey: `deadline__${row.id}__${r.userId}` },
            m,
          ),
        );
      if (row.onDue) await this.outbox.add([onDueEffect(row)], m);
      return { fired: true, kind: 'due', mails, digests: [] };
    });
    if (outcome.fired) {
      for (const id of outcome.mails) await this.mail.dispatch(id);
      for (const id of outcome.digests)
        await this.jobs.ensureDigest(id, this.config.reminderDigestDelaySeconds * 1000);
    }
    return outcome;
  }
}

function onDueEffect(row: DeadlineRow) {
  return {
    documentId: row.documentId,
    effectType: DEADLINE_EVENT,
    payload: { documentId: row.documentId, state: row.state, event: row.onDue, deadlineId: row.id },
    dedupeKey: `deadline__${row.id}__onDue`,
  };
}

function uniqueRecipients<T extends { userId: string }>(list: T[]): T[] {
  return [...new Map(list.map((r) => [r.userId, r])).values()];
}
