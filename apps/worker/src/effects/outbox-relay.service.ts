import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { jobId, JOBS, QUEUES } from '@rodtrad/jobs';
import { OutboxRepository, type OutboxRow } from '@rodtrad/persistence';
import { WorkerQueues } from '../queues/worker-queues';
import { WORKER_DATA_SOURCE } from '../tokens';
import { YIELDING_EFFECTS } from './effect-handlers';

export interface HandleEffectJobData {
  outboxId: string;
}

const BATCH = 500;
const IDLE_MS = 200;

/**
 * Moves committed outbox rows into the `effects` queue, one job per row with the id
 * outbox__<row id>. Rows are marked relayed in the same transaction that claimed them, after
 * the jobs were added: a crash in between leaves them unrelayed and the next pass adds them
 * again (the deterministic id makes that a no-op while the job exists; handlers are idempotent).
 * Deadline bookkeeping yields to the effects that reach people (`YIELDING_EFFECTS`).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly outbox: OutboxRepository;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;

  constructor(
    @Inject(WORKER_DATA_SOURCE) ds: DataSource,
    private readonly queues: WorkerQueues,
  ) {
    this.outbox = new OutboxRepository(ds);
  }

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
    await this.queues.get(QUEUES.effects).addBulk(
      rows.map((r) => ({
        name: JOBS.handleEffect,
        data: { outboxId: r.id } satisfies HandleEffectJobData,
        opts: {
          jobId: jobId('outbox', r.id),
          ...(YIELDING_EFFECTS.has(r.effectType) ? { priority: 1 } : {}),
        },
      })),
    );
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
