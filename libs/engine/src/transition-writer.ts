import type { DataSource } from 'typeorm';
import { dataHash, diariumYear, formatDiarienummer } from '@rodtrad/domain';
import { currentTraceparent } from '@rodtrad/observability';
import {
  batchedTransaction,
  DiariumRepository,
  DocumentAuditRepository,
  DocumentRepository,
  OutboxRepository,
  type DocumentRow,
  type OutboxRecord,
  type Queryable,
} from '@rodtrad/persistence';
import type { Effect } from '@rodtrad/workflow';
import { EngineError, staleVersion } from './engine-error';
import type { EngineActor } from './ports';

/** Who did what to a document, and when: the content of its next audit entry. */
export interface AuditedChange {
  actor: EngineActor;
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  at: Date;
}

/** The new document's row, without its audit chain's head (the writer starts the chain). */
export type NewDocumentRow = Omit<Parameters<DocumentRepository['insert']>[0], 'auditSeq' | 'auditHash'>;

/** The outcome of the pure step that the writer persists. */
export interface StepResult {
  snapshot: unknown;
  state: string;
  final: boolean;
}

/** The owner facts every outbox payload carries, so a handler need not read the document. */
type PayloadFacts = Pick<DocumentRow, 'type' | 'orgUnitId' | 'year' | 'period'>;

/**
 * Writes a document change as one transaction: the guarded update (`WHERE id = ? AND version = ?`),
 * one audit entry in the document's hash chain, and the side effects as outbox rows. The effects
 * that change the row itself (submitted, decided, diarienummer) are applied inside it.
 */
export class TransitionWriter {
  private readonly diarium = new DiariumRepository();
  /**
   * The hash of a document's data, per data object: a transition leaves the data as it is, so a
   * remembered row's next transition hashes nothing. Only objects the engine itself holds (read
   * by it, never handed out) are used as keys.
   */
  private readonly dataHashes = new WeakMap<object, string>();

  private readonly audit: DocumentAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly documents: DocumentRepository,
  ) {
    this.audit = new DocumentAuditRepository(ds);
  }

  /** Inserts a new document at version 1, with the first audit entry and its outbox rows. */
  async insert(row: NewDocumentRow, change: AuditedChange, effects: Effect[]): Promise<void> {
    const link = this.audit.next(auditEntry(row.id, change, dataHash(row.data)), {
      seq: 0,
      hash: null,
    });
    try {
      await batchedTransaction(this.ds, async (tx) => {
        await this.documents.insert({ ...row, auditSeq: link.seq, auditHash: link.hash }, tx);
        tx.later(DocumentAuditRepository.insertStatement(link));
        tx.later(OutboxRepository.addStatement(outboxRecords(row.id, 1, effects, row)));
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new EngineError('slot-taken', 'Dokumentet finns redan för enheten, året och perioden.');
      throw e;
    }
  }

  /**
   * Persists a step taken from `doc` at `expectedVersion`; returns the columns it wrote. With
   * `guardWheel`, a new due date is written only if the row's year wheel is still the one it was
   * reckoned from (the row may have been remembered while the wheel moved).
   */
  async transition(
    doc: DocumentRow,
    expectedVersion: number,
    result: StepResult,
    effects: { all: Effect[]; outboxed: Effect[]; dueAt: Date | null },
    change: AuditedChange,
    guardWheel: boolean,
  ): Promise<Partial<DocumentRow>> {
    const link = this.audit.next(auditEntry(doc.id, change, this.hashOfData(doc)), {
      seq: doc.auditSeq,
      hash: doc.auditHash,
    });
    const { dueAt } = effects;
    // Two round trips: the guarded update (with START TRANSACTION), then audit, outbox and COMMIT.
    return batchedTransaction(this.ds, async (tx) => {
      const changes = {
        snapshot: result.snapshot,
        state: result.state,
        final: result.final,
        ...(dueAt ? { dueAt, overdue: false } : {}),
        ...(await this.applyInTransaction(doc, effects.all, change.at, tx)),
        auditSeq: link.seq,
        auditHash: link.hash,
      };
      const guard = guardWheel && dueAt ? { wheelRevision: doc.wheelRevision } : {};
      if (!(await this.documents.guardedUpdate(doc.id, expectedVersion, changes, tx, guard)))
        throw staleVersion(null);
      tx.later(DocumentAuditRepository.insertStatement(link));
      tx.later(
        OutboxRepository.addStatement(outboxRecords(doc.id, expectedVersion + 1, effects.outboxed, doc)),
      );
      return changes;
    });
  }

  /** Persists new form data of `doc` at `expectedVersion`; returns the chain's new head. */
  async save(
    doc: DocumentRow,
    expectedVersion: number,
    data: Record<string, unknown>,
    change: AuditedChange,
  ): Promise<Pick<DocumentRow, 'auditSeq' | 'auditHash'>> {
    const link = this.audit.next(auditEntry(doc.id, change, dataHash(data)), {
      seq: doc.auditSeq,
      hash: doc.auditHash,
    });
    await batchedTransaction(this.ds, async (tx) => {
      const patch = { data, auditSeq: link.seq, auditHash: link.hash };
      if (!(await this.documents.guardedUpdate(doc.id, expectedVersion, patch, tx))) throw staleVersion(null);
      tx.later(DocumentAuditRepository.insertStatement(link));
    });
    return { auditSeq: link.seq, auditHash: link.hash };
  }

  private async applyInTransaction(
    doc: DocumentRow,
    effects: Effect[],
    now: Date,
    m: Queryable,
  ): Promise<Partial<DocumentRow>> {
    const patch: Partial<DocumentRow> = {};
    for (const e of effects) {
      if (e.type === 'markSubmitted') patch.submittedAt = now;
      if (e.type === 'markDecided') patch.decidedAt = now;
      if (e.type === 'assignDiarienummer' && !doc.diarienummer) {
        const body = String((e.params as { body?: string }).body ?? 'ks');
        const bodyCode = (await this.diarium.bodyCode(body, m)) ?? body.toUpperCase();
        const year = diariumYear(now);
        const number = await this.diarium.nextNumber(bodyCode, year, m);
        patch.diarienummer = formatDiarienummer({ bodyCode, number, year });
      }
    }
    return patch;
  }

  private hashOfData(doc: DocumentRow): string {
    const data = doc.data;
    if (data === null || typeof data !== 'object') return dataHash(data);
    let hash = this.dataHashes.get(data);
    if (hash === undefined) this.dataHashes.set(data, (hash = dataHash(data)));
    return hash;
  }
}

function auditEntry(documentId: string, c: AuditedChange, hashOfData: string) {
  return {
    documentId,
    at: c.at.toISOString(),
    actorUserId: c.actor.userId,
    onBehalfOfUserId: c.actor.onBehalfOfUserId ?? null,
    via: c.actor.via,
    event: c.event,
    fromState: c.fromState,
    toState: c.toState,
    comment: c.comment?.trim() || null,
    dataHash: hashOfData,
  };
}

function outboxRecords(
  documentId: string,
  version: number,
  effects: Effect[],
  doc: PayloadFacts,
): OutboxRecord[] {
  // The trace of the request (or job) that made the change, for the worker to continue (#21).
  const traceParent = effects.length ? currentTraceparent() : null;
  return effects.map((e, i) => ({
    documentId,
    effectType: e.type,
    payload: {
      ...e.params,
      documentId,
      documentType: doc.type,
      orgUnitId: doc.orgUnitId,
      year: doc.year,
      period: doc.period,
    },
    dedupeKey: `${documentId}__v${version}__${i}__${e.type}`,
    traceParent,
  }));
}
