import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality's edits of the year wheel: one row per budget year, key and period that
 * differs from the source's default wheel (`defaultYearWheel`). A missing row means "the default".
 * `revision` counts the edits of a line, so each change gets its own outbox dedupe key.
 */
export class YearWheel1764200000000 implements MigrationInterface {
  name = 'YearWheel1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE year_wheel_entry (
      year SMALLINT NOT NULL,
      entry_key VARCHAR(40) NOT NULL,
      period VARCHAR(10) NOT NULL DEFAULT '',
      due_date DATE NULL,
      relative_days INT NULL,
      revision INT NOT NULL DEFAULT 1,
      updated_by_user_id CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (year, entry_key, period)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE year_wheel_entry');
  }
}
