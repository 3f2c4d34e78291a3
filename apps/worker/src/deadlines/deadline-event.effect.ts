import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DocumentEngine, EngineError, SYSTEM_ACTOR } from '@rodtrad/engine';
import { DocumentRepository, EffectLedgerRepository } from '@rodtrad/persistence';
import type { EffectContext, EffectHandler } from '../effects/effect-handler';
import { WORKER_DATA_SOURCE } from '../tokens';
import { DEADLINE_EVENT } from './deadline-firing.service';

/**
 * The definition's `onDue` event, sent by the system when a deadline fired while the document was
 * still in its step. Sent once: a system entry of that event after the firing means it went through.
 */
@Injectable()
export class DeadlineEventEffect implements EffectHandler<typeof DEADLINE_EVENT> {
  readonly effectType = DEADLINE_EVENT;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    private readonly ledger: EffectLedgerRepository,
    private readonly engine: DocumentEngine,
    private readonly documents: DocumentRepository,
  ) {}

  async handle(effect: EffectContext<typeof DEADLINE_EVENT>): Promise<unknown> {
    const { documentId, state, event, deadlineId } = effect.payload;
    if (await this.ledger.hasReceipt(effect.dedupeKey)) return { skipped: 'already handled' };
    const [sent] = await this.ds.query(
      `SELECT 1 AS x FROM document_audit a JOIN deadline dl ON dl.id = ?
        WHERE a.document_id = ? AND a.event = ? AND a.via = 'system' AND a.at >= dl.fired_at LIMIT 1`,
      [deadlineId, documentId, event],
    );
    let result: Record<string, unknown> = { skipped: 'already sent' };
    if (!sent) {
      const doc = await this.documents.get(documentId);
      if (!doc || doc.final || doc.state !== state) result = { skipped: 'step already left' };
      else {
        try {
          const out = await this.engine.transition({
            documentId,
            event: { type: event },
            expectedVersion: doc.version,
            actor: SYSTEM_ACTOR,
          });
          result = { sent: event, state: out.state };
        } catch (e) {
          // A guard that refuses is an answer, not a failure; a concurrent change is retried.
          if (!(e instanceof EngineError) || e.code === 'stale-version') throw e;
          result = { refused: e.message };
        }
      }
    }
    await this.ledger.once(effect.dedupeKey, async () => result);
    return result;
  }
}
