import type { DataSource, EntityManager } from 'typeorm';
import {
  adminLinkHash,
  CHAIN_START,
  checkAdminLink,
  headProblem,
  nextLink,
  type AdminAuditLink,
  type AuditKeyring,
} from '@rodtrad/domain';
import { auditKeyring } from '../audit-keyring';
import { AdminAuditEntity } from '../entities/admin-audit.entity';

export interface AdminAuditRecord {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: unknown;
}

/** The outcome of walking the admin chain: like a document chain's, the first broken link named by seq. */
export interface AdminChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: string };
}

const HEAD = "chain = 'admin_audit'";

/**
 * Append-only: there is no update or delete here, by design (and the table's triggers refuse
 * both). The whole table is one keyed hash chain; its head is a row of audit_chain_head, locked by
 * each append until the append's transaction ends, so appends are serialised and the chain never
 * forks.
 */
export class AdminAuditRepository {
  private readonly keyring: AuditKeyring;

  constructor(private readonly ds: DataSource) {
    this.keyring = auditKeyring(ds);
  }

  async append(rec: AdminAuditRecord, m: EntityManager = this.ds.manager, at = new Date()): Promise<void> {
    // Hashed as it will read back from the JSON column (a Date becomes its ISO text, undefined goes).
    const details: unknown = rec.details === undefined ? null : JSON.parse(JSON.stringify(rec.details));
    const write = async (tx: EntityManager) => {
      const [head] = await tx.query(`SELECT seq, hash FROM audit_chain_head WHERE ${HEAD} FOR UPDATE`);
      const link = nextLink<AdminAuditLink>(
        {
          at: at.toISOString(),
          actorUserId: rec.actorUserId,
          action: rec.action,
          entityType: rec.entityType,
          entityId: rec.entityId,
          details,
        },
        { seq: Number(head.seq), hash: head.hash },
        this.keyring,
        adminLinkHash,
      );
      await tx.query(
        `INSERT INTO admin_audit (at, actor_user_id, action, entity_type, entity_id, details, seq, prev_hash, hash, key_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          at,
          link.actorUserId,
          link.action,
          link.entityType,
          link.entityId,
          details === null ? null : JSON.stringify(details),
          link.seq,
          link.prevHash,
          link.hash,
          link.keyId,
        ],
      );
      await tx.query(`UPDATE audit_chain_head SET seq = ?, hash = ? WHERE ${HEAD}`, [link.seq, link.hash]);
    };
    if (m.queryRunner?.isTransactionActive) await write(m);
    else await m.transaction(write);
  }

  async list(entityType: string, entityId: string): Promise<AdminAuditEntity[]> {
    return this.ds
      .getRepository(AdminAuditEntity)
      .find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  /** Walks the chain in order of seq (in batches), and checks it ends at its head. */
  async verifyAll(keyring: AuditKeyring = this.keyring): Promise<AdminChainCheck> {
    let at = CHAIN_START;
    let checked = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT seq, at, actor_user_id AS actorUserId, action, entity_type AS entityType, entity_id AS entityId,
                details, prev_hash AS prevHash, hash, key_id AS keyId
           FROM admin_audit WHERE seq > ? ORDER BY seq LIMIT 1000`,
        [at.seq],
      );
      if (!rows.length) break;
      for (const r of rows) {
        const raw = r['details'];
        const link = {
          ...(r as unknown as AdminAuditLink & { hash: string }),
          seq: Number(r['seq']),
          at: (r['at'] as Date).toISOString(),
          details: typeof raw === 'string' ? JSON.parse(raw) : (raw ?? null),
          keyId: (r['keyId'] as string | null) ?? null,
        };
        const result = checkAdminLink(link, at, keyring);
        if (!result.ok) return { ok: false, checked, brokenAt: { seq: link.seq, reason: result.reason } };
        at = result.at;
        checked++;
      }
    }
    const [head] = await this.ds.query(`SELECT seq, hash FROM audit_chain_head WHERE ${HEAD}`);
    const end = headProblem(at, head ? { seq: Number(head.seq), hash: head.hash } : { seq: -1, hash: null });
    if (end) return { ok: false, checked, brokenAt: end };
    return { ok: true, checked };
  }

  /** Entries under the legacy (unkeyed) hash, written before the chain was keyed. */
  async legacyCount(): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM admin_audit WHERE key_id IS NULL');
    return Number(n);
  }
}
