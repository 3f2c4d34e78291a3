import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import { EffectLedgerRepository } from '@rodtrad/persistence';
import type { JobHandler } from '../queues/job-handler';
import { WORKER_DATA_SOURCE } from '../tokens';
import { EFFECT_HANDLERS, type EffectHandler } from './effect-handler';
import type { HandleEffectJobData } from './effect-jobs';

/**
 * Dispatches one relayed effect to the handler registered for its type. An effect type without
 * a handler is recorded in effect_failure and failed for good (kept in the queue's failed set):
 * visible, never dropped. A handler that keeps failing is recorded there after its last retry.
 */
@Injectable()
export class HandleEffectJob implements JobHandler<HandleEffectJobData> {
  readonly queue = QUEUES.effects;
  readonly name = JOBS.handleEffect;
  private readonly logger = new Logger('Effects');
  private readonly ledger: EffectLedgerRepository;
  private readonly byType: Map<string, EffectHandler>;

  constructor(
    @Inject(WORKER_DATA_SOURCE) ds: DataSource,
    @Inject(EFFECT_HANDLERS) handlers: EffectHandler[],
  ) {
    this.ledger = new EffectLedgerRepository(ds);
    this.byType = new Map(handlers.map((h) => [h.effectType, h]));
  }

  effectTypes(): string[] {
    return [...this.byType.keys()];
  }

  async handle(job: Job<HandleEffectJobData>): Promise<unknown> {
    const row = await this.ledger.outboxRow(job.data.outboxId);
    if (!row) throw new UnrecoverableError(`outbox row ${job.data.outboxId} does not exist`);
    if (row.createdAt.getTime() !== job.data.createdAt) {
      // A job made for another row that had this id (before a restore from backup): never run it here.
      this.logger.warn(`Job ${job.id} was made for another outbox row ${row.id}: skipped`);
      return { skipped: 'job of another row with the same id' };
    }
    const handler = this.byType.get(row.effectType);
    if (!handler) {
      const reason = `Ingen hanterare för effekten "${row.effectType}"`;
      await this.ledger.recordFailure(row, reason);
      this.logger.error(`${reason} (outbox ${row.id}, ${row.dedupeKey})`);
      throw new UnrecoverableError(reason);
    }
    try {
      const result = await handler.handle({
        outboxId: row.id,
        effectType: row.effectType,
        dedupeKey: row.dedupeKey,
        documentId: row.documentId,
        payload: row.payload,
      });
      await this.ledger.settle(row.dedupeKey, result);
      return result;
    } catch (e) {
      const final = e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) await this.ledger.recordFailure(row, (e as Error).message);
      throw e;
    }
  }
}
