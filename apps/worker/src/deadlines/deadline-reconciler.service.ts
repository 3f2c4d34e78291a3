import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { MailMessageRepository, QueuedMailOutbox } from '@rodtrad/mail';
import { DeadlineRepository, ReminderDigestRepository } from '@rodtrad/persistence';
import { EscalationFollowUp } from '../escalations/escalation-follow-up.service';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';
import { DeadlineJobs } from './deadline-jobs';

/** Mails and digests this old without being sent are assumed to have lost their job. */
const LOST_AFTER_MS = 60_000;

/**
 * The database is the source of truth; Redis may lose jobs (a flush, a failover) and a worker may
 * die between a commit and an enqueue. At start and every DEADLINE_RECONCILE_SECONDS each worker
 * gives every pending deadline its job (a passed one fires at once, late and once), and re-queues
 * open digests, pending mails and unfinished escalation follow-ups. Adding is idempotent by job id.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private readonly deadlines: DeadlineRepository;
  private readonly digests: ReminderDigestRepository;
  private readonly mails: MailMessageRepository;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(
    @Inject(WORKER_DATA_SOURCE) ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly jobs: DeadlineJobs,
    private readonly mail: QueuedMailOutbox,
    private readonly escalations: EscalationFollowUp,
  ) {
    this.deadlines = new DeadlineRepository(ds);
    this.digests = new ReminderDigestRepository(ds);
    this.mails = new MailMessageRepository(ds);
  }

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

  async reconcile(): Promise<{ deadlines: number; digests: number; mails: number }> {
    const counts = { deadlines: 0, digests: 0, mails: 0 };
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
      for (const id of await this.mails.pendingIds(LOST_AFTER_MS)) {
        await this.mail.dispatch(id);
        counts.mails++;
      }
      await this.escalations.reconcile(LOST_AFTER_MS);
    } catch (e) {
      this.logger.warn(`Reconciliation failed, next pass retries: ${(e as Error).message}`);
    }
    return counts;
  }
}
