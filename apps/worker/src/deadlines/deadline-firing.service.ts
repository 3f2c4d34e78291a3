import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { planFiring } from '@rodtrad/domain';
import { DefinitionStore } from '@rodtrad/engine';
import { overdueMail, QueuedMailOutbox, type OutgoingMail } from '@rodtrad/mail';
import {
  DeadlineRepository,
  DocumentRepository,
  OutboxRepository,
  ReminderDigestRepository,
  transactionWithRetry,
  type DeadlineRow,
  type DocumentRow,
} from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';
import { DeadlineJobs } from './deadline-jobs';
import { approverKey, RecipientDirectory, type Recipient } from './recipient-directory';

/** Effect written when a due moment sends the definition's `onDue` event to the machine. */
export const DEADLINE_EVENT = 'deadlineEvent';
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

interface Waiter {
  resolve: (o: FiringOutcome) => void;
  reject: (e: unknown) => void;
}

interface BatchResult {
  outcomes: Map<string, FiringOutcome>;
  mailIds: string[];
  createdDigests: string[];
}

/**
 * Fires deadlines in batches. A deadline's job asks for its deadline; the requests that arrive
 * together are fired in one transaction, and that transaction also takes every other pending
 * deadline whose moment has come (up to a batch), so a burst of thousands due in the same second
 * costs tens of transactions, not thousands. The jobs of deadlines fired that way find their
 * outcome here and finish without touching the database.
 *
 * Exactly once, across processes: the rows are locked (`FOR UPDATE`, the sweep with SKIP LOCKED)
 * and fired by a guarded update in the same transaction; a deadline another process fired is
 * seen as fired. A crash before the commit leaves the rows pending for their own jobs.
 */
@Injectable()
export class DeadlineFiring {
  private readonly logger = new Logger('DeadlineFiring');
  private readonly deadlines: DeadlineRepository;
  private readonly documents: DocumentRepository;
  private readonly digests: ReminderDigestRepository;
  private readonly outbox: OutboxRepository;
  private readonly waiting = new Map<string, Waiter[]>();
  /** Rows a running batch has locked, with the batch's completion. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Outcomes of deadlines fired by a batch their own job did not start. */
  private readonly settled = new Map<string, { outcome: FiringOutcome; until: number }>();
  private running = 0;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly definitions: DefinitionStore,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
    private readonly jobs: DeadlineJobs,
  ) {
    this.deadlines = new DeadlineRepository(ds);
    this.documents = new DocumentRepository(ds);
    this.digests = new ReminderDigestRepository(ds);
    this.outbox = new OutboxRepository(ds);
  }

  /** Fires the deadline if its moment has come and it is pending; says what happened. */
  async fire(deadlineId: string): Promise<FiringOutcome> {
    const known = this.takeSettled(deadlineId);
    if (known) return known;
    const batch = this.inFlight.get(deadlineId);
    if (batch) {
      await batch.catch(() => undefined);
      const after = this.takeSettled(deadlineId);
      if (after) return after;
    }
    return new Promise<FiringOutcome>((resolve, reject) => {
      const list = this.waiting.get(deadlineId) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(deadlineId, list);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < PARALLEL_BATCHES && this.waiting.size) {
      const ids = [...this.waiting.keys()].slice(0, BATCH_SIZE);
      const waiters = new Map(ids.map((id) => [id, this.waiting.get(id) as Waiter[]]));
      for (const id of ids) this.waiting.delete(id);
      this.running++;
      const claimed: string[] = [];
      const done = this.fireBatch(ids, (swept) => {
        for (const id of swept) {
          claimed.push(id);
          this.inFlight.set(id, done);
        }
      });
      done
        .then(
          (result) => {
            for (const [id, outcome] of result.outcomes) {
              const list = waiters.get(id);
              if (list) for (const w of list) w.resolve(outcome);
              else this.settle(id, outcome);
            }
          },
          (e) => {
            this.logger.warn(`Firing ${ids.length} deadline(s) failed: ${(e as Error).message}`);
            for (const list of waiters.values()) for (const w of list) w.reject(e);
          },
        )
        .finally(() => {
          for (const id of claimed) this.inFlight.delete(id);
          this.running--;
          this.pump();
        });
    }
  }

  private async fireBatch(requested: string[], onClaimed: (ids: string[]) => void): Promise<BatchResult> {
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
        return { ...fired, outcomes };
      },
      3,
      // Record locks only: the sweep must not gap-lock the range new deadlines are inserted into.
      'READ COMMITTED',
    );
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
    const onDue: DeadlineRow[] = [];
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
      if (plan.sendEvent) onDue.push(row);
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

  private settle(id: string, outcome: FiringOutcome): void {
    // Oldest first (a Map keeps insertion order): a job that never comes must not keep memory.
    for (const [k] of this.settled) {
      if (this.settled.size < SETTLED_MAX) break;
      this.settled.delete(k);
    }
    this.settled.set(id, { outcome, until: Date.now() + SETTLED_TTL_MS });
  }

  private takeSettled(id: string): FiringOutcome | undefined {
    const hit = this.settled.get(id);
    if (!hit) return undefined;
    this.settled.delete(id);
    return hit.until >= Date.now() ? hit.outcome : undefined;
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
