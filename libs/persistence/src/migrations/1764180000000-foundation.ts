import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764180000000 implements MigrationInterface {
  name = 'Foundation1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_unit (
      id CHAR(36) NOT NULL PRIMARY KEY,
      parent_id CHAR(36) NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      code VARCHAR(20) NOT NULL,
      seed_key VARCHAR(60) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_org_unit_code (code),
      UNIQUE KEY ux_org_unit_seed_key (seed_key),
      KEY ix_org_unit_parent (parent_id),
      CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE app_user (
      id CHAR(36) NOT NULL PRIMARY KEY,
      username VARCHAR(80) NOT NULL,
      name VARCHAR(200) NOT NULL,
      email VARCHAR(254) NOT NULL,
      password_hash VARCHAR(255) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_app_user_username (username)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE role_assignment (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      role VARCHAR(40) NOT NULL,
      org_unit_id CHAR(36) NOT NULL,
      UNIQUE KEY ux_role_assignment (user_id, role, org_unit_id),
      KEY ix_role_assignment_user (user_id),
      KEY ix_role_assignment_unit (org_unit_id),
      CONSTRAINT fk_role_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
      CONSTRAINT fk_role_assignment_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE session (
      token_hash CHAR(64) NOT NULL PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      KEY ix_session_user (user_id),
      KEY ix_session_expires (expires_at),
      CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE mandate_period (
      id CHAR(36) NOT NULL PRIMARY KEY,
      start_year SMALLINT NOT NULL,
      end_year SMALLINT NOT NULL,
      vision VARCHAR(300) NOT NULL,
      core_values JSON NOT NULL,
      UNIQUE KEY ux_mandate_period_start (start_year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE strategic_area (
      id CHAR(36) NOT NULL PRIMARY KEY,
      mandate_period_id CHAR(36) NOT NULL,
      name VARCHAR(200) NOT NULL,
      description TEXT NOT NULL,
      sort_order SMALLINT NOT NULL DEFAULT 0,
      UNIQUE KEY ux_strategic_area_name (mandate_period_id, name),
      CONSTRAINT fk_strategic_area_period FOREIGN KEY (mandate_period_id) REFERENCES mandate_period (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE admin_audit (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      at DATETIME(3) NOT NULL,
      actor_user_id CHAR(36) NULL,
      action VARCHAR(60) NOT NULL,
      entity_type VARCHAR(60) NOT NULL,
      entity_id VARCHAR(64) NOT NULL,
      details JSON NULL,
      KEY ix_admin_audit_at (at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'admin_audit',
      'strategic_area',
      'mandate_period',
      'session',
      'role_assignment',
      'app_user',
      'org_unit',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
