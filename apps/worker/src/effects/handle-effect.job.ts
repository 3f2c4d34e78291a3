import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JOBS, QUEUES, type HandleEffectJobData } from '@rodtrad/jobs';
import { inSpan, SpanKind } from '@rodtrad/observability';
import { EffectLedgerRepository, type OutboxRow } from '@rodtrad/persistence';
import type { JobHandler } from '../queues/job-handler';
import { EFFECT_HANDLERS, type EffectContext, type EffectHandler } from './effect-handler';

/**
 * Dispatches one relayed effect to the handler registered for its type. An effect type without
 * a handler is recorded in effect_failure and failed for good (kept in the queue's failed set):
 * visible, never dropped. A handler that keeps failing is recorded there after its last retry.
 */
@Injectable()
export class HandleEffectJob implements JobHandler<typeof JOBS.handleEffect> {
  readonly queue = QUEUES.effects;
  readonly name = JOBS.handleEffect;
  private readonly logger = new Logger('Effects');
  private readonly byType: Map<string, EffectHandler>;

  constructor(
    private readonly ledger: EffectLedgerRepository,
    @Inject(EFFECT_HANDLERS) handlers: EffectHandler[],
  ) {
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
      // Continues the trace of the transition that wrote the row (its traceparent), when traces are on.
      return await inSpan(
        `effect ${row.effectType}`,
        { 'rodtrad.effect_type': row.effectType, 'rodtrad.outbox_id': row.id },
        async () => {
          const result = await handler.handle(effectContext(row, handler));
          await this.ledger.settle(row.dedupeKey, result);
          return result;
        },
        { parent: row.traceParent, kind: SpanKind.CONSUMER },
      );
    } catch (e) {
      const final = e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) await this.ledger.recordFailure(row, (e as Error).message);
      throw e;
    }
  }
}

/**
 * The row as its handler reads it. The payload is JSON from the database; it was written from the
 * same map of effect types the handler is typed by (EffectPayloads), and the row's type chose the
 * handler: this is the one place it is taken at its word.
 */
function effectContext(row: OutboxRow, handler: EffectHandler): EffectContext {
  return {
    outboxId: row.id,
    effectType: handler.effectType,
    dedupeKey: row.dedupeKey,
    documentId: row.documentId,
    payload: row.payload as EffectContext['payload'],
  };
}
