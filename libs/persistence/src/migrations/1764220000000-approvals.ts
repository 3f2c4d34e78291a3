import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email-linked approvals: one request per step that asks for approval, one row per approver and
 * link (a revoked or delegated link keeps its row, so the old link answers 410 and the history
 * stays), and standing substitutes for absences. Link tokens are stored only as sha256.
 */
export class Approvals1764220000000 implements MigrationInterface {
  name = 'Approvals1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE approval_request (
      id CHAR(36) NOT NULL PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      state VARCHAR(80) NOT NULL,
      document_version INT NOT NULL,
      mode VARCHAR(10) NOT NULL,
      approve_event VARCHAR(80) NOT NULL,
      return_event VARCHAR(80) NULL,
      require_sign_in TINYINT(1) NOT NULL DEFAULT 0,
      status VARCHAR(12) NOT NULL DEFAULT 'open',
      due_at DATETIME(3) NULL,
      dedupe_key VARCHAR(190) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      closed_at DATETIME(3) NULL,
      UNIQUE KEY ux_approval_request_dedupe (dedupe_key),
      KEY ix_approval_request_document (document_id, status),
      KEY ix_approval_request_status (status),
      CONSTRAINT fk_approval_request_document FOREIGN KEY (document_id) REFERENCES document (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE approval (
      id CHAR(36) NOT NULL PRIMARY KEY,
      request_id CHAR(36) NOT NULL,
      approver_user_id CHAR(36) NOT NULL,
      on_behalf_of_user_id CHAR(36) NULL,
      seq SMALLINT NOT NULL DEFAULT 0,
      status VARCHAR(12) NOT NULL DEFAULT 'pending',
      decided_at DATETIME(3) NULL,
      comment TEXT NULL,
      delegation_reason VARCHAR(500) NULL,
      token_hash CHAR(64) NULL,
      token_expires_at DATETIME(3) NULL,
      token_used_at DATETIME(3) NULL,
      sent_version INT NULL,
      sent_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_approval_token_hash (token_hash),
      KEY ix_approval_request (request_id, seq),
      KEY ix_approval_approver (approver_user_id, status),
      CONSTRAINT fk_approval_request FOREIGN KEY (request_id) REFERENCES approval_request (id),
      CONSTRAINT fk_approval_approver FOREIGN KEY (approver_user_id) REFERENCES app_user (id),
      CONSTRAINT fk_approval_on_behalf_of FOREIGN KEY (on_behalf_of_user_id) REFERENCES app_user (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE standing_substitute (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      substitute_user_id CHAR(36) NOT NULL,
      valid_from DATETIME(3) NOT NULL,
      valid_to DATETIME(3) NOT NULL,
      reason VARCHAR(500) NOT NULL,
      created_by_user_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_standing_substitute_user (user_id, valid_from, valid_to),
      CONSTRAINT fk_standing_substitute_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
      CONSTRAINT fk_standing_substitute_substitute FOREIGN KEY (substitute_user_id) REFERENCES app_user (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['standing_substitute', 'approval', 'approval_request']) await q.query(`DROP TABLE ${t}`);
  }
}
