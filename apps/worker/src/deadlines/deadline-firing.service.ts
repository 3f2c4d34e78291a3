import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { planFiring } from '@rodtrad/domain';
import { approverKey, DefinitionStore, RecipientDirectory, type Recipient } from '@rodtrad/engine';
import { overdueMail, QueuedMailOutbox, type OutgoingMail } from '@rodtrad/mail';
import { metrics } from '@rodtrad/observability';
import {
  DeadlineRepository,
  DocumentRepository,
  OutboxRepository,
  ReminderDigestRepository,
  transactionWithRetry,
  type DeadlineRow,
  type DocumentRow,
  type OutboxRecord,
} from '@rodtrad/persistence';
import { stateMeta, type EffectPayloads } from '@rodtrad/workflow';
import { RequestBatcher } from '../queues/request-batcher';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';
import { DeadlineJobs } from './deadline-jobs';

/** Effect written when a due moment sends the definition's `onDue` event to the machine. */
export const DEADLINE_EVENT = 'deadlineEvent' as const;
/** A deadline this close to its moment fires now; a job that wakes earlier goes back to sleep. */
const EARLY_TOLERANCE_MS = 500;
/** Deadlines fired in one transaction, at most. */
const BATCH_SIZE = 250;
/** Firing transactions in flight per worker process. */
const PARALLEL_BATCHES = 2;
/** How long the outcome of a deadline fired along with others is kept for its own job. */
const SETTLED_TTL_MS = 15 * 60_000;
const SETTLED_MAX = 200_000;

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

export type FiringOutcome =
  | { fired: false; reason: string }
  | { fired: false; early: true; fireAt: Date }
  | {
      fired: true;
      kind: 'due' | 'reminder';
      mails: number;
      digests: number;
      skipped?: string;
      /** Fired by a batch another deadline's job started (this one's job found it done). */
      withOthers?: true;
    };

interface BatchResult {
  outcomes: Map<string, FiringOutcome>;
  mailIds: string[];
  createdDigests: string[];
  /** Seconds each fired deadline was late (the firing's moment minus its fire_at), for the metrics. */
  lateness?: number[];
}

/**
 * Fires deadlines in batches. A deadline's job asks for its deadline; the requests that arrive
 * together are fired in one transaction (RequestBatcher), and that transaction also takes every
 * other pending deadline whose moment has come (up to a batch), so a burst of thousands due in the
 * same second costs tens of transactions, not thousands. The jobs of deadlines fired that way find
 * their outcome in the batcher and finish without touching the database.
 *
 * Exactly once, across processes: the rows are locked (`FOR UPDATE`, the sweep with SKIP LOCKED)
 * and fired by a guarded update in the same transaction; a deadline another process fired is
 * seen as fired. A crash before the commit leaves the rows pending for their own jobs.
 */
@Injectable()
export class DeadlineFiring {
  private readonly logger = new Logger('DeadlineFiring');
  private readonly batcher: RequestBatcher<FiringOutcome>;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineRepository,
    private readonly documents: DocumentRepository,
    private readonly digests: ReminderDigestRepository,
    private readonly outbox: OutboxRepository,
    private readonly definitions: DefinitionStore,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
    private readonly jobs: DeadlineJobs,
  ) {
    this.batcher = new RequestBatcher<FiringOutcome>(
      async (ids, claim) => (await this.fireBatch(ids, claim)).outcomes,
      {
        maxBatch: BATCH_SIZE,
        parallel: PARALLEL_BATCHES,
        keepFor: SETTLED_TTL_MS,
        keepAtMost: SETTLED_MAX,
        onError: (ids, e) =>
          this.logger.warn(`Firing ${ids.length} deadline(s) failed: ${(e as Error).message}`),
      },
    );
  }

  /** Fires the deadline if its moment has come and it is pending; says what happened. */
  fire(deadlineId: string): Promise<FiringOutcome> {
    return this.batcher.request(deadlineId);
  }

  private async fireBatch(
    requested: string[],
    onClaimed: (ids: readonly string[]) => void,
  ): Promise<BatchResult> {
    // The directory's caches are filled before the transaction: inside it, only its own
    // connection is used (a transaction waiting for a second pool connection can starve the pool).
    await this.recipients.warm();
    const now = new Date();
    const until = new Date(now.getTime() + EARLY_TOLERANCE_MS);
    const result = await transactionWithRetry(
      this.ds,
      async (m): Promise<BatchResult> => {
        const outcomes = new Map<string, FiringOutcome>();
        const rows = await this.deadlines.lockForFiring(requested, m);
        const found = new Set(rows.map((r) => r.id));
        for (const id of requested) if (!found.has(id)) outcomes.set(id, { fired: false, reason: 'gone' });
        const firing: DeadlineRow[] = [];
        for (const r of rows) {
          if (r.status !== 'pending')
            outcomes.set(r.id, {
              fired: false,
              reason: r.status === 'fired' ? 'fired by another worker' : r.status,
            });
          else if (new Date(r.fireAt).getTime() > until.getTime())
            outcomes.set(r.id, { fired: false, early: true, fireAt: new Date(r.fireAt) });
          else firing.push(r);
        }
        const room = BATCH_SIZE - firing.length;
        if (room > 0) {
          // Only what is due by now: a deadline is never fired before its moment by a sweep.
          const swept = (await this.deadlines.lockDue(now, room + firing.length, m))
            .filter((r) => !found.has(r.id))
            .slice(0, room);
          onClaimed(swept.map((r) => r.id));
          firing.push(...swept);
        }
        if (!firing.length) return { outcomes, mailIds: [], createdDigests: [] };
        await this.deadlines.markFired(
          firing.map((r) => r.id),
          m,
        );
        const fired = await this.apply(firing, now, m);
        for (const [id, outcome] of fired.outcomes)
          outcomes.set(id, found.has(id) || !outcome.fired ? outcome : { ...outcome, withOthers: true });
        const lateness = firing.map((r) => Math.max(0, now.getTime() - new Date(r.fireAt).getTime()) / 1000);
        return { ...fired, outcomes, lateness };
      },
      3,
      // Record locks only: the sweep must not gap-lock the range new deadlines are inserted into.
      'READ COMMITTED',
    );
    // Counted once committed: a transaction tried again fires its deadlines once.
    for (const seconds of result.lateness ?? []) metrics.deadlineLateness.observe(seconds);
    await this.mail.dispatchMany(result.mailIds);
    for (const id of result.createdDigests)
      await this.jobs.ensureDigest(id, this.config.reminderDigestDelaySeconds * 1000);
    return result;
  }

  /** What the fired deadlines do, written set by set in the firing's transaction. */
  private async apply(rows: DeadlineRow[], now: Date, m: EntityManager): Promise<BatchResult> {
    const docs = new Map(
      (await this.documents.getMany([...new Set(rows.map((r) => r.documentId))], m)).map((d) => [d.id, d]),
    );
    const approvers = await this.recipients.pendingApproversOf(
      rows.map((r) => ({ documentId: r.documentId, state: r.state })),
      m,
    );
    const outcomes = new Map<string, FiringOutcome>();
    const mails: OutgoingMail[] = [];
    const overdue = new Map<string, string[]>(); // state → document ids
    const reminders = new Map<string, string[]>(); // user → deadline ids
    const onDue: { row: DeadlineRow; event: string }[] = [];
    for (const row of rows) {
      const doc = docs.get(row.documentId) ?? null;
      const def = doc ? await this.definitions.load(doc.definitionId) : null;
      const meta = def ? stateMeta(def.definition, row.state) : undefined;
      const responsible = doc
        ? [
            ...(await this.recipients.withRolesFor(meta?.responsible ?? [], doc.orgUnitId)),
            ...(approvers.get(approverKey(doc.id, row.state)) ?? []),
          ]
        : [];
      const up =
        doc && row.kind === 'due' && row.escalate
          ? await this.recipients.nextLevelUp(doc.orgUnitId, def?.definition.escalationChain)
          : null;
      const plan = planFiring<Recipient>({
        deadline: { kind: row.kind, state: row.state, dueAt: new Date(row.dueAt), onDue: row.onDue },
        document: doc,
        responsible,
        nextLevelUp: up?.recipients ?? [],
        now,
      });
      if (plan.action === 'skip') {
        outcomes.set(row.id, { fired: true, kind: row.kind, mails: 0, digests: 0, skipped: plan.reason });
        continue;
      }
      if (plan.action === 'remind') {
        for (const r of plan.recipients)
          reminders.set(r.userId, [...(reminders.get(r.userId) ?? []), row.id]);
        outcomes.set(row.id, { fired: true, kind: 'reminder', mails: 0, digests: plan.recipients.length });
        continue;
      }
      const d = doc as DocumentRow;
      overdue.set(row.state, [...(overdue.get(row.state) ?? []), d.id]);
      const ref = {
        title: d.title,
        stepTitle: meta?.title ?? row.state,
        unitName: d.orgUnitName ?? '',
        dueAt: new Date(row.dueAt),
        url: `${this.config.publicUrl}/dokument/${d.id}`,
      };
      const toResponsible = overdueMail(ref, 'responsible');
      const toLevelUp = overdueMail(ref, 'escalated');
      for (const [people, body] of [
        [plan.responsible, toResponsible],
        [plan.escalated, toLevelUp],
      ] as const)
        for (const r of people)
          mails.push({
            ...body,
            to: [r.email],
            threadKey: d.id,
            dedupeKey: `deadline__${row.id}__${r.userId}`,
          });
      if (plan.sendEvent) onDue.push({ row, event: plan.sendEvent });
      outcomes.set(row.id, {
        fired: true,
        kind: 'due',
        mails: plan.responsible.length + plan.escalated.length,
        digests: 0,
      });
    }
    for (const [state, ids] of overdue)
      await m.query(
        `UPDATE document SET overdue = 1 WHERE state = ? AND id IN (${ids.map(() => '?').join(', ')})`,
        [state, ...ids],
      );
    const mailIds = await this.mail.writeMany(mails, m);
    // Users in a fixed order, so two firings adding to the same digests lock them alike.
    const date = stockholmDate.format(now);
    const createdDigests: string[] = [];
    for (const userId of [...reminders.keys()].sort()) {
      const { digestId, created } = await this.digests.addItems(userId, date, reminders.get(userId) ?? [], m);
      if (created) createdDigests.push(digestId);
    }
    await this.outbox.add(onDue.map(onDueEffect), m);
    return { outcomes, mailIds, createdDigests };
  }
}

function onDueEffect({ row, event }: { row: DeadlineRow; event: string }): OutboxRecord {
  const payload: EffectPayloads[typeof DEADLINE_EVENT] = {
    documentId: row.documentId,
    state: row.state,
    event,
    deadlineId: row.id,
  };
  return {
    documentId: row.documentId,
    effectType: DEADLINE_EVENT,
    payload,
    dedupeKey: `deadline__${row.id}__onDue`,
  };
}
