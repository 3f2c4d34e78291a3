import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KS's decision on an escalation under its uppsiktsplikt (#16): one per escalation, with KS's
 * meeting date and paragraph, the advice to the nämnd (`lamna_rad`) and the KF matter it was
 * referred to (`fora_till_kf`). And, per budget year, which of the year wheel's report lines go on
 * to KF for information (the nämnders' tertial reports: none by default, §6.1). Expand only: new
 * tables, which the version still running does not read.
 */
export class KsOversightDecisions1764400000000 implements MigrationInterface {
  name = 'KsOversightDecisions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE escalation_decision (
      escalation_id CHAR(36) NOT NULL PRIMARY KEY,
      decision VARCHAR(20) NOT NULL,
      meeting_date DATE NOT NULL,
      paragraph VARCHAR(20) NOT NULL,
      advice TEXT NULL,
      comment TEXT NULL,
      kf_matter_document_id CHAR(36) NULL,
      advice_recipients INT NOT NULL DEFAULT 0,
      decided_by CHAR(36) NOT NULL,
      decided_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_escalation_decision_kf_matter (kf_matter_document_id),
      CONSTRAINT fk_escalation_decision_escalation FOREIGN KEY (escalation_id) REFERENCES escalation (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE year_wheel_kf_information (
      year SMALLINT NOT NULL,
      document_type VARCHAR(40) NOT NULL,
      period VARCHAR(10) NOT NULL,
      to_kf TINYINT(1) NOT NULL,
      updated_by_user_id CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (year, document_type, period)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE year_wheel_kf_information');
    await q.query('DROP TABLE escalation_decision');
  }
}
