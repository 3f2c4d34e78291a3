import type { DataSource } from 'typeorm';
import {
  linkHash,
  nextLink,
  verifyChain,
  type AuditKeyring,
  type AuditLink,
  type ChainCheck,
} from '@rodtrad/domain';
import { auditKeyring } from '../audit-keyring';
import type { Queryable, Statement } from './batched-transaction';

export interface AuditEntryRow extends AuditLink {
  hash: string;
  actorName: string | null;
  onBehalfOfName: string | null;
}

const LINK_COLUMNS = `a.document_id AS documentId, a.seq, a.at, a.actor_user_id AS actorUserId,
  a.on_behalf_of_user_id AS onBehalfOfUserId, a.via, a.event, a.from_state AS fromState, a.to_state AS toState,
  a.comment, a.data_hash AS dataHash, a.prev_hash AS prevHash, a.hash, a.key_id AS keyId`;

/**
 * The audit chain. Append-only (the table has triggers refusing UPDATE and DELETE); each
 * entry's hash, an HMAC under the data source's audit key, covers the previous one. The chain's
 * head (last seq and hash) is kept on the document row, so an append needs no read: the guarded
 * update of that row in the same transaction both serialises appends and moves the head.
 */
export class DocumentAuditRepository {
  private readonly keyring: AuditKeyring;

  constructor(private readonly ds: DataSource) {
    this.keyring = auditKeyring(ds);
  }

  /**
   * The next link after `head` (seq 0 and no hash for a new document), hashed with the writing
   * key of the data source's keyring; store it with `insert`.
   */
  next(
    entry: Omit<AuditLink, 'seq' | 'prevHash' | 'keyId'>,
    head: { seq: number; hash: string | null },
  ): AuditLink & { hash: string } {
    return nextLink<AuditLink>(entry, head, this.keyring, linkHash);
  }

  async insert(link: AuditLink & { hash: string }, m: Queryable): Promise<void> {
    const { sql, params } = DocumentAuditRepository.insertStatement(link);
    await m.query(sql, params);
  }

  /** The INSERT of one link, for a BatchedTransaction to send with its COMMIT. */
  static insertStatement(link: AuditLink & { hash: string }): Statement {
    return {
      sql: `INSERT INTO document_audit (document_id, seq, at, actor_user_id, on_behalf_of_user_id, via, event, from_state, to_state, comment, data_hash, prev_hash, hash, key_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        link.keyId,
      ],
    };
  }

  /**
   * What happened lately to the documents a user has worked on (any entry of theirs in the
   * chain), newest first, limited to documents of `unitIds` (undefined: every unit). Each entry
   * with the document's title, type and workflow version, for its labels.
   */
  async activityFor(
    userId: string,
    unitIds: readonly string[] | undefined,
    limit: number,
  ): Promise<(AuditEntryRow & { title: string; type: string; definitionId: string })[]> {
    if (unitIds && !unitIds.length) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${LINK_COLUMNS}, u.name AS actorName, b.name AS onBehalfOfName,
              d.title, d.type, d.definition_id AS definitionId
         FROM document_audit a
         JOIN document d ON d.id = a.document_id
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN app_user b ON b.id = a.on_behalf_of_user_id
        WHERE a.document_id IN (SELECT DISTINCT document_id FROM document_audit WHERE actor_user_id = ?)
          ${unitIds ? 'AND d.org_unit_id IN (?)' : ''}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ?`,
      unitIds ? [userId, unitIds, limit] : [userId, limit],
    );
    return rows.map((r) => ({
      ...(toLink(r) as AuditEntryRow),
      title: String(r['title']),
      type: String(r['type']),
      definitionId: String(r['definitionId']),
    }));
  }

  async history(documentId: string): Promise<AuditEntryRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${LINK_COLUMNS}, u.name AS actorName, b.name AS onBehalfOfName
         FROM document_audit a
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN app_user b ON b.id = a.on_behalf_of_user_id
        WHERE a.document_id = ? ORDER BY a.seq`,
      [documentId],
    );
    return rows.map((r) => toLink(r) as AuditEntryRow);
  }

  /**
   * Each document's latest change of step (an entry whose from and to states differ), with the
   * actor's name: what the document page and Mina uppgifter need to say who sent it back and why.
   */
  async lastTransitions(documentIds: readonly string[]): Promise<Map<string, AuditEntryRow>> {
    if (!documentIds.length) return new Map();
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${LINK_COLUMNS}, u.name AS actorName, b.name AS onBehalfOfName
         FROM document_audit a
         JOIN (SELECT document_id, MAX(seq) AS seq FROM document_audit
                WHERE document_id IN (?) AND from_state IS NOT NULL AND from_state <> to_state
                GROUP BY document_id) l ON l.document_id = a.document_id AND l.seq = a.seq
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN app_user b ON b.id = a.on_behalf_of_user_id`,
      [documentIds],
    );
    return new Map(rows.map((r) => [String(r['documentId']), toLink(r) as AuditEntryRow]));
  }

  /**
   * Walks every document's chain (in batches of documents), stopping at the first broken link.
   * Each chain must also end at the head on its document row (audit_seq, audit_hash), so a tail
   * cut off is found, and a document whose entries are all gone too.
   */
  async verifyAll(keyring: AuditKeyring = this.keyring): Promise<ChainCheck> {
    let checked = 0;
    let after = '';
    for (;;) {
      const docs: { id: string; seq: number; hash: string | null }[] = await this.ds.query(
        'SELECT id, audit_seq AS seq, audit_hash AS hash FROM document WHERE id > ? ORDER BY id LIMIT 500',
        [after],
      );
      if (!docs.length) return { ok: true, checked };
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT ${LINK_COLUMNS} FROM document_audit a WHERE a.document_id IN (?) ORDER BY a.document_id, a.seq`,
        [docs.map((d) => d.id)],
      );
      const byDocument = new Map<string, (AuditLink & { hash: string })[]>();
      for (const r of rows) {
        const link = toLink(r);
        const chain = byDocument.get(link.documentId);
        if (chain) chain.push(link);
        else byDocument.set(link.documentId, [link]);
      }
      for (const d of docs) {
        const head = { documentId: d.id, seq: Number(d.seq), hash: d.hash };
        const result = verifyChain(byDocument.get(d.id) ?? [], keyring, head);
        checked += result.checked;
        if (!result.ok) return { ...result, checked };
      }
      after = docs[docs.length - 1].id;
    }
  }

  /** Entries under the legacy (unkeyed) hash, written before the chain was keyed. */
  async legacyCount(): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM document_audit WHERE key_id IS NULL');
    return Number(n);
  }
}

function toLink(r: Record<string, unknown>): AuditLink & { hash: string } {
  return {
    ...(r as unknown as AuditLink & { hash: string }),
    at: (r['at'] as Date).toISOString(),
    seq: Number(r['seq']),
    keyId: (r['keyId'] as string | null) ?? null,
  };
}
