import type { DataSource } from 'typeorm';
import { linkHash, verifyChain, type AuditLink, type ChainCheck } from '@rodtrad/domain';
import type { Queryable, Statement } from './batched-transaction';

export interface AuditEntryRow extends AuditLink {
  hash: string;
  actorName: string | null;
  onBehalfOfName: string | null;
}

/**
 * The audit chain. Append-only (the table has triggers refusing UPDATE and DELETE); each
 * entry's hash covers the previous one. The chain's head (last seq and hash) is kept on the
 * document row, so an append needs no read: the guarded update of that row in the same
 * transaction both serialises appends and moves the head.
 */
export class DocumentAuditRepository {
  constructor(private readonly ds: DataSource) {}

  /** The next link after `head` (seq 0 and no hash for a new document); store it with `insert`. */
  static next(
    entry: Omit<AuditLink, 'seq' | 'prevHash'>,
    head: { seq: number; hash: string | null },
  ): AuditLink & { hash: string } {
    const link: AuditLink = { ...entry, seq: head.seq + 1, prevHash: head.hash };
    return { ...link, hash: linkHash(link) };
  }

  async insert(link: AuditLink & { hash: string }, m: Queryable): Promise<void> {
    const { sql, params } = DocumentAuditRepository.insertStatement(link);
    await m.query(sql, params);
  }

  /** The INSERT of one link, for a BatchedTransaction to send with its COMMIT. */
  static insertStatement(link: AuditLink & { hash: string }): Statement {
    return {
      sql: `INSERT INTO document_audit (document_id, seq, at, actor_user_id, on_behalf_of_user_id, via, event, from_state, to_state, comment, data_hash, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        link.documentId,
        link.seq,
        new Date(link.at),
        link.actorUserId,
        link.onBehalfOfUserId,
        link.via,
        link.event,
        link.fromState,
        link.toState,
        link.comment,
        link.dataHash,
        link.prevHash,
        link.hash,
      ],
    };
  }

  async history(documentId: string): Promise<AuditEntryRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.document_id AS documentId, a.seq, a.at, a.actor_user_id AS actorUserId, a.on_behalf_of_user_id AS onBehalfOfUserId,
              a.via, a.event, a.from_state AS fromState, a.to_state AS toState, a.comment, a.data_hash AS dataHash,
              a.prev_hash AS prevHash, a.hash, u.name AS actorName, b.name AS onBehalfOfName
         FROM document_audit a
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN app_user b ON b.id = a.on_behalf_of_user_id
        WHERE a.document_id = ? ORDER BY a.seq`,
      [documentId],
    );
    return rows.map((r) => ({
      ...(r as unknown as AuditEntryRow),
      at: (r['at'] as Date).toISOString(),
      seq: Number(r['seq']),
    }));
  }

  /** Walks every document's chain (in batches of documents), stopping at the first broken link. */
  async verifyAll(): Promise<ChainCheck> {
    let checked = 0;
    let after = '';
    for (;;) {
      const docs: { id: string }[] = await this.ds.query(
        'SELECT DISTINCT document_id AS id FROM document_audit WHERE document_id > ? ORDER BY document_id LIMIT 500',
        [after],
      );
      if (!docs.length) return { ok: true, checked };
      for (const { id } of docs) {
        const result = verifyChain(await this.history(id));
        checked += result.checked;
        if (!result.ok) return { ...result, checked };
      }
      after = docs[docs.length - 1].id;
    }
  }
}
