import type { Pool } from 'mysql2/promise';
import { dataHash } from '@rodtrad/domain';
import {
  DocumentAuditRepository,
  OutboxRepository,
  type OutboxRecord,
  type Statement,
} from '@rodtrad/persistence';

/** One bench document: its version, step and the head of its audit chain, as each path moves it. */
export interface Doc {
  id: string;
  version: number;
  state: 'draft' | 'review';
  auditSeq: number;
  auditHash: string | null;
}

/** What one engine transition wrote, replayed by the ceiling on its own documents. */
export interface Written {
  snapshot: string;
  state: string;
  final: boolean;
  dueAt: Date | null;
  submittedAt: boolean;
  event: string;
  comment: string | null;
  actorUserId: string | null;
  outbox: { effectType: string; params: Record<string, unknown> }[];
}

/**
 * The ceiling: the statements the engine sends for a SUBMIT or a RETURN of an enhetsplan (the same
 * SQL, columns and values, the same outbox rows, a real hash chain), in the same two round trips,
 * straight on a mysql2 pool. `writes` is what a real engine transition wrote from each step.
 */
export function ceilingWriter(
  pool: Pool,
  audit: DocumentAuditRepository,
  writes: Record<Doc['state'], Written>,
  of: { data: unknown; orgUnitId: string },
): (d: Doc) => Promise<void> {
  return async (d: Doc) => {
    const w = writes[d.state];
    const now = new Date();
    const version = d.version + 1;
    const link = audit.next(
      {
        documentId: d.id,
        at: now.toISOString(),
        actorUserId: w.actorUserId,
        onBehalfOfUserId: null,
        via: 'user',
        event: w.event,
        fromState: d.state,
        toState: w.state,
        comment: w.comment,
        dataHash: dataHash(of.data),
      },
      { seq: d.auditSeq, hash: d.auditHash },
    );
    const records: OutboxRecord[] = w.outbox.map((e, i) => ({
      documentId: d.id,
      effectType: e.effectType,
      payload: {
        ...e.params,
        documentId: d.id,
        documentType: 'enhetsplan',
        orgUnitId: of.orgUnitId,
        year: 2100,
        period: null,
      },
      dedupeKey: `${d.id}__v${version}__${i}__${e.effectType}`,
    }));
    const auditInsert = DocumentAuditRepository.insertStatement(link);
    const outbox = OutboxRepository.addStatement(records) as Statement;
    const conn = await pool.getConnection();
    try {
      const [results] = (await conn.query(
        `START TRANSACTION;
         UPDATE document SET version = version + 1, snapshot = ?, state = ?, final = ?, due_at = ?, overdue = ?${w.submittedAt ? ', submitted_at = ?' : ''}, audit_seq = ?, audit_hash = ? WHERE id = ? AND version = ?`,
        [
          w.snapshot,
          w.state,
          w.final,
          w.dueAt,
          false,
          ...(w.submittedAt ? [now] : []),
          link.seq,
          link.hash,
          d.id,
          d.version,
        ],
      )) as unknown as [{ affectedRows: number }[]];
      if (results[1].affectedRows !== 1) throw new Error('lost the guarded update');
      await conn.query(`${auditInsert.sql};\n${outbox.sql};\nCOMMIT`, [
        ...auditInsert.params,
        ...outbox.params,
      ]);
    } catch (e) {
      await conn.query('ROLLBACK');
      throw e;
    } finally {
      conn.release();
    }
    d.version = version;
    d.state = w.state as Doc['state'];
    d.auditSeq = link.seq;
    d.auditHash = link.hash;
  };
}
