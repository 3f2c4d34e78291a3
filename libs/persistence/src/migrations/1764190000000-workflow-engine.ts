import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Definitions as versioned data, documents pinned to a version, the audit chain and the outbox. */
export class WorkflowEngine1764190000000 implements MigrationInterface {
  name = 'WorkflowEngine1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE workflow_definition (
      id CHAR(36) NOT NULL PRIMARY KEY,
      def_key VARCHAR(60) NOT NULL,
      version INT NOT NULL,
      status VARCHAR(12) NOT NULL,
      title VARCHAR(200) NOT NULL,
      checksum CHAR(64) NOT NULL,
      definition JSON NOT NULL,
      forms JSON NOT NULL,
      source VARCHAR(20) NOT NULL,
      author_user_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      published_at DATETIME(3) NULL,
      UNIQUE KEY ux_workflow_definition_version (def_key, version),
      KEY ix_workflow_definition_status (def_key, status)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE document (
      id CHAR(36) NOT NULL PRIMARY KEY,
      type VARCHAR(60) NOT NULL,
      title VARCHAR(300) NOT NULL,
      org_unit_id CHAR(36) NOT NULL,
      year SMALLINT NOT NULL,
      period VARCHAR(10) NOT NULL DEFAULT '',
      definition_id CHAR(36) NOT NULL,
      snapshot JSON NOT NULL,
      state VARCHAR(80) NOT NULL,
      final TINYINT(1) NOT NULL DEFAULT 0,
      data JSON NOT NULL,
      version INT NOT NULL,
      due_at DATETIME(3) NULL,
      overdue TINYINT(1) NOT NULL DEFAULT 0,
      submitted_at DATETIME(3) NULL,
      decided_at DATETIME(3) NULL,
      diarienummer VARCHAR(40) NULL,
      audit_seq INT NOT NULL DEFAULT 0,
      audit_hash CHAR(64) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_document_slot (type, org_unit_id, year, period),
      UNIQUE KEY ux_document_diarienummer (diarienummer),
      KEY ix_document_year_type (year, type, state),
      KEY ix_document_unit (org_unit_id, year),
      KEY ix_document_definition (definition_id, final),
      CONSTRAINT fk_document_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_document_definition FOREIGN KEY (definition_id) REFERENCES workflow_definition (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE document_audit (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      seq INT NOT NULL,
      at DATETIME(3) NOT NULL,
      actor_user_id CHAR(36) NULL,
      on_behalf_of_user_id CHAR(36) NULL,
      via VARCHAR(12) NOT NULL,
      event VARCHAR(80) NOT NULL,
      from_state VARCHAR(80) NULL,
      to_state VARCHAR(80) NOT NULL,
      comment TEXT NULL,
      data_hash CHAR(64) NOT NULL,
      prev_hash CHAR(64) NULL,
      hash CHAR(64) NOT NULL,
      UNIQUE KEY ux_document_audit_seq (document_id, seq),
      CONSTRAINT fk_document_audit_document FOREIGN KEY (document_id) REFERENCES document (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE outbox (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      document_id CHAR(36) NULL,
      effect_type VARCHAR(60) NOT NULL,
      payload JSON NOT NULL,
      dedupe_key VARCHAR(190) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      relayed_at DATETIME(3) NULL,
      attempts INT NOT NULL DEFAULT 0,
      last_error VARCHAR(500) NULL,
      UNIQUE KEY ux_outbox_dedupe (dedupe_key),
      KEY ix_outbox_pending (relayed_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE effect_receipt (
      dedupe_key VARCHAR(190) NOT NULL PRIMARY KEY,
      handled_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      result JSON NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    // Diarienummer: one gap-free counter per registering body and year, taken inside the
    // registering transaction (a rollback gives the number back).
    await q.query(`CREATE TABLE diarium_sequence (
      body_code VARCHAR(20) NOT NULL,
      year SMALLINT NOT NULL,
      last_number INT NOT NULL,
      PRIMARY KEY (body_code, year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    // The audit trail is append-only at the database too: no UPDATE or DELETE gets through.
    await q.query(`CREATE TRIGGER trg_document_audit_no_update BEFORE UPDATE ON document_audit FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'document_audit is append-only'`);
    await q.query(`CREATE TRIGGER trg_document_audit_no_delete BEFORE DELETE ON document_audit FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'document_audit is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS trg_document_audit_no_delete');
    await q.query('DROP TRIGGER IF EXISTS trg_document_audit_no_update');
    for (const t of [
      'diarium_sequence',
      'effect_receipt',
      'outbox',
      'document_audit',
      'document',
      'workflow_definition',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
