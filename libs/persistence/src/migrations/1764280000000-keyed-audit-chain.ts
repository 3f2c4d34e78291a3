import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adminLinkHash, CHAIN_START, type AdminAuditLink } from '@rodtrad/domain';

/**
 * The audit chains become keyed (HMAC-SHA-256 under AUDIT_KEYS, the key's id stored per entry), and
 * admin_audit becomes a chain too, append-only like document_audit.
 *
 * Entries already written keep their plain SHA-256 with key_id NULL: the legacy hash, accepted only
 * at the start of a chain. The migration has no key, so it chains admin_audit's existing rows under
 * the legacy hash too (in id order); the first keyed entry after them seals them. One row in
 * audit_chain_head keeps the admin chain's head, as document.audit_seq/audit_hash keep a
 * document's: appends serialise on it, and verification finds a cut tail by it.
 */
export class KeyedAuditChain1764280000000 implements MigrationInterface {
  name = 'KeyedAuditChain1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE document_audit ADD COLUMN key_id VARCHAR(16) NULL');
    await q.query(`ALTER TABLE admin_audit
      ADD COLUMN seq INT NULL,
      ADD COLUMN prev_hash CHAR(64) NULL,
      ADD COLUMN hash CHAR(64) NULL,
      ADD COLUMN key_id VARCHAR(16) NULL`);
    let head = CHAIN_START;
    let after = '0';
    for (;;) {
      const rows: Record<string, unknown>[] = await q.query(
        `SELECT id, at, actor_user_id AS actorUserId, action, entity_type AS entityType, entity_id AS entityId, details
           FROM admin_audit WHERE id > ? ORDER BY id LIMIT 1000`,
        [after],
      );
      if (!rows.length) break;
      for (const r of rows) {
        const raw = r['details'];
        const link: AdminAuditLink = {
          seq: head.seq + 1,
          at: (r['at'] as Date).toISOString(),
          actorUserId: (r['actorUserId'] as string | null) ?? null,
          action: String(r['action']),
          entityType: String(r['entityType']),
          entityId: String(r['entityId']),
          details: typeof raw === 'string' ? JSON.parse(raw) : (raw ?? null),
          prevHash: head.hash,
          keyId: null,
        };
        const hash = adminLinkHash(link, []);
        await q.query('UPDATE admin_audit SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?', [
          link.seq,
          link.prevHash,
          hash,
          r['id'],
        ]);
        head = { seq: link.seq, hash, keyed: false };
      }
      after = String(rows[rows.length - 1]['id']);
    }
    await q.query(`ALTER TABLE admin_audit
      MODIFY seq INT NOT NULL,
      MODIFY hash CHAR(64) NOT NULL,
      ADD UNIQUE KEY ux_admin_audit_seq (seq)`);
    await q.query(`CREATE TABLE audit_chain_head (
      chain VARCHAR(40) NOT NULL PRIMARY KEY,
      seq INT NOT NULL,
      hash CHAR(64) NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query("INSERT INTO audit_chain_head (chain, seq, hash) VALUES ('admin_audit', ?, ?)", [
      head.seq,
      head.hash,
    ]);
    await q.query(`CREATE TRIGGER trg_admin_audit_no_update BEFORE UPDATE ON admin_audit FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'admin_audit is append-only'`);
    await q.query(`CREATE TRIGGER trg_admin_audit_no_delete BEFORE DELETE ON admin_audit FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'admin_audit is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS trg_admin_audit_no_delete');
    await q.query('DROP TRIGGER IF EXISTS trg_admin_audit_no_update');
    await q.query('DROP TABLE audit_chain_head');
    await q.query(`ALTER TABLE admin_audit DROP INDEX ux_admin_audit_seq,
      DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN key_id`);
    await q.query('ALTER TABLE document_audit DROP COLUMN key_id');
  }
}
