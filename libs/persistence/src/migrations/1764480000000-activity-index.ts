import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Händelser i dina dokument" (#18) finds the documents a user has an audit entry in: an index on
 * the actor, so the start page reads it without scanning the whole chain. Expand only.
 */
export class ActivityIndex1764480000000 implements MigrationInterface {
  name = 'ActivityIndex1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_document_audit_actor ON document_audit (actor_user_id, document_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_document_audit_actor ON document_audit');
  }
}
