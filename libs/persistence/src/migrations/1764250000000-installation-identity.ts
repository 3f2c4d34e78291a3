import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity of this database: one random id, made with the schema and kept by every backup
 * and restore of it. The queues in Redis live under a prefix that carries it, so a database
 * created anew (or another installation that shares Redis by mistake) never meets jobs that were
 * made for other rows.
 */
export class InstallationIdentity1764250000000 implements MigrationInterface {
  name = 'InstallationIdentity1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE installation (
      id CHAR(36) NOT NULL PRIMARY KEY,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query('INSERT INTO installation (id) VALUES (UUID())');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE installation');
  }
}
