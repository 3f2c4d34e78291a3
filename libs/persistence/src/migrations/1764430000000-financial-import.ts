import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget and outcome from the financial system (#19):
 * - `financial_import_setting`: one row, the administrator's choices: which SIE dimension carries
 *   the responsibility code (ansvar), which accounts make up net cost, the CSV/Excel column mapping;
 * - `responsibility_mapping`: a responsibility code or range of codes → an org unit;
 * - `financial_import`: every import, accepted or rejected, with who, when, the file's SHA-256,
 *   its counts, totals and result (refused lines, unmapped codes, the reports filled);
 * - `financial_figure`: budget and outcome per year, month and code in öre of net cost, replaced
 *   month by month by each import that carries the month (so a re-import changes nothing twice).
 */
export class FinancialImport1764430000000 implements MigrationInterface {
  name = 'FinancialImport1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE financial_import_setting (
      id TINYINT NOT NULL PRIMARY KEY,
      sie_dimension INT NOT NULL DEFAULT 1,
      net_cost_accounts LONGTEXT NULL,
      column_mapping LONGTEXT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE responsibility_mapping (
      id CHAR(36) NOT NULL PRIMARY KEY,
      code_from VARCHAR(40) NOT NULL,
      code_to VARCHAR(40) NOT NULL,
      org_unit_id CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_responsibility_mapping_unit (org_unit_id),
      CONSTRAINT fk_responsibility_mapping_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE financial_import (
      id CHAR(36) NOT NULL PRIMARY KEY,
      format VARCHAR(8) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      sha256 CHAR(64) NOT NULL,
      size_bytes BIGINT NOT NULL,
      imported_by CHAR(36) NULL,
      imported_at DATETIME(3) NOT NULL,
      status VARCHAR(12) NOT NULL,
      year INT NULL,
      period VARCHAR(7) NULL,
      lines_read INT NOT NULL,
      lines_imported INT NOT NULL,
      lines_skipped INT NOT NULL,
      lines_refused INT NOT NULL,
      budget_ore BIGINT NOT NULL DEFAULT 0,
      outcome_ore BIGINT NOT NULL DEFAULT 0,
      result LONGTEXT NOT NULL,
      KEY ix_financial_import_at (imported_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE financial_figure (
      year INT NOT NULL,
      month TINYINT NOT NULL,
      code VARCHAR(40) NOT NULL,
      budget_ore BIGINT NOT NULL,
      outcome_ore BIGINT NOT NULL,
      import_id CHAR(36) NOT NULL,
      PRIMARY KEY (year, month, code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE financial_figure');
    await q.query('DROP TABLE financial_import');
    await q.query('DROP TABLE responsibility_mapping');
    await q.query('DROP TABLE financial_import_setting');
  }
}
