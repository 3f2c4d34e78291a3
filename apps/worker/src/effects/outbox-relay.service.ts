import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxRepository, type OutboxRow } from '@rodtrad/persistence';
import { EffectJobs } from './effect-jobs';

const BATCH = 500;
const IDLE_MS = 200;

/**
 * Moves committed outbox rows into the `effects` queue, one job per row (`EffectJobs`, id
 * outbox__<row id>__<created_at ms>). Rows are marked relayed in the same transaction that
 * claimed them, after the jobs were added: a crash in between leaves them unrelayed and the next
 * pass adds them again (the deterministic id makes that a no-op while the job exists; handlers
 * are idempotent). An id found naming another row's job is an error, logged and counted, and
 * the job goes in under a fresh id: never a silent success.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: EffectJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** One pass; returns how many rows were relayed. */
  async relayOnce(): Promise<number> {
    return this.outbox.relayBatch(BATCH, (rows) => this.enqueue(rows));
  }

  private async enqueue(rows: OutboxRow[]): Promise<Set<string>> {
    await this.jobs.enqueue(rows);
    return new Set(rows.map((r) => r.id));
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.relayOnce()
        .then((n) => this.schedule(n >= BATCH ? 0 : IDLE_MS))
        .catch((e) => {
          this.logger.warn(`Outbox relay pass failed: ${(e as Error).message}`);
          this.schedule(IDLE_MS * 5);
        });
    }, delay);
  }
}
