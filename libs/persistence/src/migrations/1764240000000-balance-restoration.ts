import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restoring a negative balance-requirement result over the three following years (kommunallagen
 * 11 kap. 12 §): one row per escalation and year, with what KF's särskild åtgärdsplan planned,
 * what that year's annual report showed, and the escalation to KF a shortfall opened.
 */
export class BalanceRestoration1764240000000 implements MigrationInterface {
  name = 'BalanceRestoration1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE balance_restoration (
      escalation_id CHAR(36) NOT NULL,
      year SMALLINT NOT NULL,
      planned BIGINT NOT NULL DEFAULT 0,
      balance_result BIGINT NULL,
      source_document_id CHAR(36) NULL,
      reported_at DATETIME(3) NULL,
      follow_up_escalation_id CHAR(36) NULL,
      PRIMARY KEY (escalation_id, year),
      UNIQUE KEY ux_balance_restoration_follow_up (follow_up_escalation_id),
      CONSTRAINT fk_balance_restoration_escalation FOREIGN KEY (escalation_id) REFERENCES escalation (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE balance_restoration');
  }
}
