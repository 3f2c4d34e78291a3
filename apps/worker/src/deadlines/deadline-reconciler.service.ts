import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '@rodtrad/config';
import { ReconcileEscalations } from '@rodtrad/engine';
import { MailMessageRepository, QueuedMailOutbox } from '@rodtrad/mail';
import { QUEUES } from '@rodtrad/jobs';
import { DeadlineRepository, OutboxRepository, ReminderDigestRepository } from '@rodtrad/persistence';
import { EffectJobs } from '../effects/effect-jobs';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { WORKER_CONFIG } from '../tokens';
import { DeadlineJobs } from './deadline-jobs';

/** Mails and digests this old without being sent are assumed to have lost their job. */
const LOST_AFTER_MS = 60_000;
/**
 * Relayed effects this old without a receipt are assumed to have lost their job. Longer than a
 * handler's retries take, which keep their job (it is left as it is while it waits).
 */
export const EFFECT_LOST_AFTER_MS = 5 * 60_000;
/**
 * After the first pass of a process, which reads every relayed row without a receipt (after a
 * restore from backup they may be old), each pass looks back this far only.
 */
const EFFECT_LOOKBACK_MS = 24 * 3600_000;

/**
 * The database is the source of truth; Redis may lose jobs (a flush, a failover, a database
 * restored from a backup beside a Redis that was not) and a worker may die between a commit and
 * an enqueue. At start and every DEADLINE_RECONCILE_SECONDS each worker gives every pending
 * deadline its job (a passed one fires at once, late and once), and re-queues open digests,
 * pending mails, relayed effects without a receipt and unfinished escalation follow-ups. Adding
 * is idempotent by job id; a job that finished while its row is still open runs again.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  /** The first pass reads every relayed effect without a receipt, later ones a day back. */
  private effectsSince: Date | null = null;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineRepository,
    private readonly digests: ReminderDigestRepository,
    private readonly mails: MailMessageRepository,
    private readonly outbox: OutboxRepository,
    private readonly jobs: DeadlineJobs,
    private readonly mail: QueuedMailOutbox,
    private readonly escalations: ReconcileEscalations,
    private readonly effects: EffectJobs,
    private readonly conflicts: JobIdConflicts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => {
      if (!this.current) this.current = this.reconcile().finally(() => (this.current = undefined));
    }, this.config.deadlineReconcileSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  async reconcile(): Promise<{ deadlines: number; digests: number; mails: number; effects: number }> {
    const counts = { deadlines: 0, digests: 0, mails: 0, effects: 0 };
    try {
      let after = '';
      for (;;) {
        const page = await this.deadlines.pendingPage(after, 1000);
        if (!page.length) break;
        await this.jobs.ensure(page);
        counts.deadlines += page.length;
        after = page[page.length - 1].id;
      }
      const digestAge = this.config.reminderDigestDelaySeconds * 1000 + LOST_AFTER_MS;
      for (const id of await this.digests.openOlderThan(digestAge)) {
        await this.jobs.ensureDigest(id, 0);
        counts.digests++;
      }
      const pendingMails = await this.mails.pendingIds(LOST_AFTER_MS);
      this.conflicts.record(QUEUES.mail, await this.mail.redispatch(pendingMails));
      counts.mails = pendingMails.length;
      counts.effects = await this.reconcileEffects();
      await this.escalations.execute(LOST_AFTER_MS);
    } catch (e) {
      this.logger.warn(`Reconciliation failed, next pass retries: ${(e as Error).message}`);
    }
    return counts;
  }

  /** Relayed effects without a receipt get their job again; the count of rows looked at. */
  private async reconcileEffects(): Promise<number> {
    const started = new Date();
    let count = 0;
    let afterId = '';
    for (;;) {
      const rows = await this.outbox.relayedWithoutReceipt({
        olderThanMs: EFFECT_LOST_AFTER_MS,
        since: this.effectsSince,
        afterId,
        limit: 1000,
      });
      if (!rows.length) break;
      const outcome = await this.effects.enqueue(rows);
      if (outcome.added + outcome.rerun + outcome.conflicts.length)
        this.logger.warn(
          `${outcome.added + outcome.rerun + outcome.conflicts.length} relayed effect(s) had no receipt ` +
            `and had lost their job: queued again`,
        );
      count += rows.length;
      afterId = rows[rows.length - 1].id;
    }
    this.effectsSince = new Date(started.getTime() - EFFECT_LOOKBACK_MS);
    return count;
  }
}
