import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kolada (#19): the values fetched from Kolada's API or imported from a file (per KPI,
 * municipality, year and gender, with their source and when they came), the members of the
 * municipality groups the indicators compare with, the KPIs' titles, and every fetch or import
 * with its outcome, so an administrator sees what failed.
 */
export class Kolada1764440000000 implements MigrationInterface {
  name = 'Kolada1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE kolada_value (
      kpi VARCHAR(12) NOT NULL,
      municipality_id VARCHAR(12) NOT NULL,
      year SMALLINT NOT NULL,
      gender CHAR(1) NOT NULL,
      value DOUBLE NULL,
      status VARCHAR(60) NOT NULL DEFAULT '',
      member_count INT NOT NULL DEFAULT 1,
      source VARCHAR(8) NOT NULL,
      run_id CHAR(36) NULL,
      fetched_at DATETIME(3) NOT NULL,
      PRIMARY KEY (kpi, municipality_id, year, gender)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE kolada_group_member (
      group_id VARCHAR(12) NOT NULL,
      municipality_id VARCHAR(12) NOT NULL,
      group_title VARCHAR(300) NOT NULL DEFAULT '',
      title VARCHAR(200) NOT NULL DEFAULT '',
      fetched_at DATETIME(3) NOT NULL,
      PRIMARY KEY (group_id, municipality_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE kolada_kpi (
      id VARCHAR(12) NOT NULL PRIMARY KEY,
      title VARCHAR(500) NOT NULL,
      unit VARCHAR(60) NULL,
      fetched_at DATETIME(3) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE kolada_run (
      id CHAR(36) NOT NULL PRIMARY KEY,
      source VARCHAR(8) NOT NULL,
      status VARCHAR(12) NOT NULL,
      started_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NULL,
      requested_by CHAR(36) NULL,
      file_name VARCHAR(255) NULL,
      sha256 CHAR(64) NULL,
      values_stored INT NOT NULL DEFAULT 0,
      problems TEXT NULL,
      KEY ix_kolada_run_started (started_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kolada_run');
    await q.query('DROP TABLE kolada_kpi');
    await q.query('DROP TABLE kolada_group_member');
    await q.query('DROP TABLE kolada_value');
  }
}
