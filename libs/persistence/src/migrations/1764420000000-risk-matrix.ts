import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installation's risk matrix for internal control (#16): likelihood and consequence graded
 * 1..size, and the risk values where medium and high begin (the colours of the matrix). One row,
 * the municipality's; it starts as the common 4 × 4 (low 1–4, medium 5–8, high 9–16) and an
 * administrator changes it.
 */
export class RiskMatrix1764420000000 implements MigrationInterface {
  name = 'RiskMatrix1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE risk_matrix (
      id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
      size TINYINT UNSIGNED NOT NULL,
      medium_from SMALLINT UNSIGNED NOT NULL,
      high_from SMALLINT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      updated_by CHAR(36) NULL,
      CONSTRAINT ck_risk_matrix_one_row CHECK (id = 1)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query('INSERT INTO risk_matrix (id, size, medium_from, high_from) VALUES (1, 4, 5, 9)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE risk_matrix');
  }
}
