import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing mail as rows (the queue only carries their ids), deadlines as the source of truth for
 * BullMQ's delayed jobs, reminder digests, failed effects, escalations and deviation thresholds.
 */
export class DeadlinesEscalations1764210000000 implements MigrationInterface {
  name = 'DeadlinesEscalations1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE mail_message (
      id CHAR(36) NOT NULL PRIMARY KEY,
      dedupe_key VARCHAR(190) NOT NULL,
      to_addresses JSON NOT NULL,
      subject VARCHAR(300) NOT NULL,
      text_body MEDIUMTEXT NOT NULL,
      html_body MEDIUMTEXT NOT NULL,
      thread_key VARCHAR(190) NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'pending',
      attempts INT NOT NULL DEFAULT 0,
      last_error VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      sent_at DATETIME(3) NULL,
      UNIQUE KEY ux_mail_message_dedupe (dedupe_key),
      KEY ix_mail_message_status (status, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    // One row per due moment or reminder of a document's step. `generation` is the id of the
    // outbox row (scheduleDeadline effect) that made it: a re-entered step gets new rows, a
    // repeated effect finds its old ones, and a cancel only touches generations older than itself.
    await q.query(`CREATE TABLE deadline (
      id CHAR(36) NOT NULL PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      state VARCHAR(80) NOT NULL,
      deadline_key VARCHAR(60) NOT NULL,
      kind VARCHAR(10) NOT NULL,
      offset_days SMALLINT NOT NULL DEFAULT 0,
      due_at DATETIME(3) NOT NULL,
      fire_at DATETIME(3) NOT NULL,
      generation BIGINT NOT NULL,
      on_due VARCHAR(80) NULL,
      escalate TINYINT(1) NOT NULL DEFAULT 0,
      status VARCHAR(10) NOT NULL DEFAULT 'pending',
      fired_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_deadline_slot (document_id, state, kind, offset_days, generation),
      KEY ix_deadline_pending (status, fire_at),
      KEY ix_deadline_key (deadline_key, status),
      CONSTRAINT fk_deadline_document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE reminder_digest (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      digest_date DATE NOT NULL,
      seq SMALLINT NOT NULL DEFAULT 1,
      status VARCHAR(10) NOT NULL DEFAULT 'open',
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      sent_at DATETIME(3) NULL,
      UNIQUE KEY ux_reminder_digest_user_date (user_id, digest_date, seq),
      KEY ix_reminder_digest_status (status)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE reminder_digest_item (
      digest_id CHAR(36) NOT NULL,
      deadline_id CHAR(36) NOT NULL,
      PRIMARY KEY (digest_id, deadline_id),
      CONSTRAINT fk_reminder_digest_item_digest FOREIGN KEY (digest_id) REFERENCES reminder_digest (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    // An effect no handler could carry out: kept and visible, never silently dropped.
    await q.query(`CREATE TABLE effect_failure (
      dedupe_key VARCHAR(190) NOT NULL PRIMARY KEY,
      effect_type VARCHAR(60) NOT NULL,
      document_id CHAR(36) NULL,
      payload JSON NOT NULL,
      reason VARCHAR(500) NOT NULL,
      failed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_effect_failure_type (effect_type)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE escalation (
      id CHAR(36) NOT NULL PRIMARY KEY,
      kind VARCHAR(10) NOT NULL,
      status VARCHAR(14) NOT NULL DEFAULT 'open',
      org_unit_id CHAR(36) NOT NULL,
      year SMALLINT NOT NULL,
      source_document_id CHAR(36) NULL,
      source_key VARCHAR(190) NOT NULL,
      amount BIGINT NULL,
      threshold BIGINT NULL,
      measures TEXT NULL,
      description TEXT NULL,
      action_plan_document_id CHAR(36) NULL,
      to_body VARCHAR(4) NOT NULL,
      reported_by_user_id CHAR(36) NULL,
      acknowledged_by CHAR(36) NULL,
      acknowledged_at DATETIME(3) NULL,
      acknowledged_comment TEXT NULL,
      closed_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_escalation_source (source_key),
      KEY ix_escalation_action_plan (action_plan_document_id),
      KEY ix_escalation_status (status, year),
      KEY ix_escalation_source_document (source_document_id),
      KEY ix_escalation_unit (org_unit_id),
      CONSTRAINT fk_escalation_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE deviation_threshold (
      org_unit_id CHAR(36) NOT NULL PRIMARY KEY,
      kronor BIGINT NULL,
      share_of_frame DECIMAL(6,5) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      updated_by CHAR(36) NULL,
      CONSTRAINT fk_deviation_threshold_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'deviation_threshold',
      'escalation',
      'effect_failure',
      'reminder_digest_item',
      'reminder_digest',
      'deadline',
      'mail_message',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
