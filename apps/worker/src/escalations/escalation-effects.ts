import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import {
  balanceResultOfReport,
  documentTypeTraits,
  ESCALATION_RULES,
  escalationKindFor,
  type EscalationBody,
  type EscalationKind,
} from '@rodtrad/domain';
import {
  AssessDeviations,
  BalanceRestorationTracking,
  CloseEscalations,
  COMPANY_ASSESSMENT_TYPE,
  FollowUpEscalation,
  OpenEscalation,
  RecipientDirectory,
  ReferCompanyFindings,
} from '@rodtrad/engine';
import {
  DocumentRepository,
  EffectLedgerRepository,
  EscalationRepository,
  ESCALATION_OPENED,
  type DocumentRow,
  type NewEscalation,
} from '@rodtrad/persistence';
import { effectDocumentId, type EffectContext, type EffectHandler } from '../effects/effect-handler';

/** The effects of a document that may open an escalation. */
type EscalatingEffectType = 'documentSubmitted' | 'escalate' | 'createDocument';

/** The shared base carries the injection metadata; its three handlers inherit the constructor. */
@Injectable()
abstract class EscalatingEffect<T extends EscalatingEffectType> implements EffectHandler<T> {
  abstract readonly effectType: T;

  constructor(
    protected readonly ledger: EffectLedgerRepository,
    protected readonly escalations: EscalationRepository,
    protected readonly documents: DocumentRepository,
    protected readonly open: OpenEscalation,
    protected readonly assess: AssessDeviations,
    protected readonly restoration: BalanceRestorationTracking,
    protected readonly recipients: RecipientDirectory,
  ) {}

  abstract handle(effect: EffectContext<T>): Promise<unknown>;

  protected async document(effect: EffectContext<T>): Promise<DocumentRow> {
    const id = effectDocumentId(effect);
    const doc = await this.documents.get(id);
    if (!doc) throw new UnrecoverableError(`Dokumentet ${id} finns inte`);
    return doc;
  }

  /**
   * The escalation a workflow action asks for, matched to the automatic one of the same source.
   * Null for a balance escalation of an annual report without a deficit: a report that writes
   * about restoring an earlier deficit is followed up by the tracking, not escalated anew.
   */
  protected async requested(
    doc: DocumentRow,
    kind: EscalationKind,
    toBody: EscalationBody,
  ): Promise<NewEscalation | null> {
    const tree = await this.recipients.tree();
    const namnd = tree.namndOf(doc.orgUnitId) ?? tree.require(doc.orgUnitId);
    if (kind === 'balance') {
      // Only the municipality's årsredovisning carries the balance requirement now; a nämnd's
      // verksamhetsberättelse still running on an older definition escalates no balance (#15).
      if (!documentTypeTraits(doc.type)?.reports.balance) return null;
      const balans = balanceResultOfReport(doc.data);
      if (balans !== undefined && balans >= 0) return null;
      return { ...this.assess.balance(doc, namnd.id), toBody };
    }
    const assessed = (await this.assess.execute(doc, tree)).find((e) => e.kind === kind);
    return (
      assessed ?? {
        kind,
        orgUnitId: namnd.id,
        year: doc.year,
        sourceDocumentId: doc.id,
        sourceKey: `${kind}__${doc.id}`,
        amount: null,
        threshold: null,
        measures: null,
        description: `${doc.title} kräver en åtgärdsplan.`,
        toBody,
        reportedByUserId: null,
      }
    );
  }
}

/** `documentSubmitted` (engine, on markSubmitted): a report's deviations escalate by themselves. */
@Injectable()
export class DocumentSubmittedEffect extends EscalatingEffect<'documentSubmitted'> {
  readonly effectType = 'documentSubmitted';

  async handle(effect: EffectContext<'documentSubmitted'>): Promise<unknown> {
    const doc = await this.document(effect);
    const tree = await this.recipients.tree();
    const found = await this.assess.execute(doc, tree);
    const namnd = tree.namndOf(doc.orgUnitId) ?? tree.require(doc.orgUnitId);
    const out = await this.ledger.once(effect.dedupeKey, async (m) => {
      const opened = [];
      for (const e of found) opened.push((await this.open.execute(e, m)).id);
      // An annual report also follows up the restoration of earlier years' deficits.
      const restoration = documentTypeTraits(doc.type)?.reports.balance
        ? await this.restoration.onAnnualReport(doc, namnd.id, m)
        : [];
      return { escalations: opened, ...(restoration.length ? { restorationFollowedUp: restoration } : {}) };
    });
    return out.done ? out.result : { skipped: 'already handled' };
  }
}

/** The workflows' own `escalate {to, kind}`: the same escalation as the automatic one, never a second. */
@Injectable()
export class EscalateEffect extends EscalatingEffect<'escalate'> {
  readonly effectType = 'escalate';

  async handle(effect: EffectContext<'escalate'>): Promise<unknown> {
    const doc = await this.document(effect);
    const to = effect.payload.to === 'kf' ? 'kf' : 'ks';
    const e = await this.requested(doc, escalationKindFor(doc.type, String(effect.payload.kind ?? '')), to);
    const out = await this.ledger.once(effect.dedupeKey, async (m) =>
      e ? this.open.execute(e, m) : { skipped: 'no deficit' },
    );
    return out.done ? out.result : { skipped: 'already handled' };
  }
}

/**
 * The workflows' `createDocument {type: atgardsplan}`: the plan belongs to an escalation. If the
 * source already escalated, its plan exists or is on its way; otherwise the escalation opens now.
 */
@Injectable()
export class CreateDocumentEffect extends EscalatingEffect<'createDocument'> {
  readonly effectType = 'createDocument';

  async handle(effect: EffectContext<'createDocument'>): Promise<unknown> {
    if (effect.payload.type !== 'atgardsplan')
      throw new UnrecoverableError(`Att skapa dokument av typen ${String(effect.payload.type)} stöds inte`);
    const doc = await this.document(effect);
    const existing = await this.escalations.bySourceDocument(doc.id);
    if (existing.length) {
      await this.ledger.once(effect.dedupeKey, async () => ({ joined: existing.map((e) => e.id) }));
      return { joined: existing.map((e) => e.id) };
    }
    // A type that stands for no deviation (a nämnd's verksamhetsberättelse since the balance
    // requirement moved to the årsredovisning) opens none, even on an older definition (#15).
    const e =
      documentTypeTraits(doc.type)?.deviationKind === null
        ? null
        : await this.requested(
            doc,
            escalationKindFor(doc.type),
            ESCALATION_RULES[escalationKindFor(doc.type)].toBody,
          );
    const out = await this.ledger.once(effect.dedupeKey, async (m) =>
      e ? this.open.execute(e, m) : { skipped: 'no deficit' },
    );
    return out.done ? out.result : { skipped: 'already handled' };
  }
}

/** Written with every new escalation: create its åtgärdsplan and mail KS/KF (idempotent steps). */
@Injectable()
export class EscalationOpenedEffect implements EffectHandler<typeof ESCALATION_OPENED> {
  readonly effectType = ESCALATION_OPENED;

  constructor(
    private readonly ledger: EffectLedgerRepository,
    private readonly followUp: FollowUpEscalation,
  ) {}

  async handle(effect: EffectContext<typeof ESCALATION_OPENED>): Promise<unknown> {
    const result = await this.followUp.execute(String(effect.payload.escalationId));
    await this.ledger.once(effect.dedupeKey, async () => result);
    return result;
  }
}

/** `documentFinished` (engine, on reaching a final step): an adopted åtgärdsplan closes its escalations. */
@Injectable()
export class DocumentFinishedEffect implements EffectHandler<'documentFinished'> {
  readonly effectType = 'documentFinished';

  constructor(
    private readonly ledger: EffectLedgerRepository,
    private readonly close: CloseEscalations,
    private readonly companyFindings: ReferCompanyFindings,
  ) {}

  async handle(effect: EffectContext<'documentFinished'>): Promise<unknown> {
    const documentId = effectDocumentId(effect);
    const out = await this.ledger.once(effect.dedupeKey, async (m) => this.close.execute(documentId, m));
    // KS adopted its assessment of the companies: each company found outside its purpose goes to
    // KF. In transactions of its own after the ledger's, and once per finding even when run again.
    if (effect.payload.documentType === COMPANY_ASSESSMENT_TYPE)
      await this.companyFindings.execute(documentId);
    return out.done ? out.result : { skipped: 'already handled' };
  }
}
