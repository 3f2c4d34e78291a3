import { Injectable } from '@nestjs/common';
import { DocumentPublisher } from '@rodtrad/engine';
import { DocumentRepository, EffectLedgerRepository } from '@rodtrad/persistence';
import { effectDocumentId, type EffectContext, type EffectHandler } from './effect-handler';

/**
 * An adopted document's PDF, frozen as it reads at adoption: rendered and stored once with its
 * SHA-256 (document_pdf, and the audit entry document.pdf-frozen). A job run twice finds the PDF
 * stored and changes nothing; the receipt is recorded after it.
 */
@Injectable()
export class FreezePdfEffect implements EffectHandler<'freezePdf'> {
  readonly effectType = 'freezePdf';

  constructor(
    private readonly documents: DocumentRepository,
    private readonly publisher: DocumentPublisher,
    private readonly ledger: EffectLedgerRepository,
  ) {}

  async handle(effect: EffectContext<'freezePdf'>): Promise<unknown> {
    const documentId = effectDocumentId(effect);
    const doc = await this.documents.get(documentId);
    const frozen = doc ? await this.publisher.freeze(doc) : null;
    const out = await this.ledger.once(effect.dedupeKey, async () => ({ sha256: frozen?.sha256 ?? null }));
    return out.done ? out.result : { skipped: 'already handled' };
  }
}
