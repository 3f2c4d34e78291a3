import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through the municipality's OpenID Connect provider (#17):
 * - a user is known to the provider by (issuer, sub), stored at their first sign-in;
 * - a role assignment says where it comes from: `manual` (given in Administration) or `group`
 *   (derived at each sign-in from the provider's groups through `oidc_group_mapping`);
 * - a session remembers how it was signed in, when the person last authenticated at the provider
 *   (auth_time, for decisions that ask for a fresh sign-in), the provider's session id (sid, which
 *   a back-channel logout names) and the ID token (the hint of an RP-initiated logout);
 * - an approval request may ask that the approver signed in at most `sign_in_max_age` seconds ago.
 */
export class OidcSignIn1764320000000 implements MigrationInterface {
  name = 'OidcSignIn1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user
      ADD COLUMN oidc_issuer VARCHAR(255) NULL,
      ADD COLUMN oidc_subject VARCHAR(255) NULL,
      ADD UNIQUE KEY ux_app_user_oidc (oidc_issuer, oidc_subject)`);
    await q.query(`ALTER TABLE role_assignment
      ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'manual',
      DROP INDEX ux_role_assignment,
      ADD UNIQUE KEY ux_role_assignment (user_id, role, org_unit_id, source)`);
    await q.query(`ALTER TABLE session
      ADD COLUMN auth_method VARCHAR(8) NOT NULL DEFAULT 'password',
      ADD COLUMN auth_time DATETIME(3) NULL,
      ADD COLUMN oidc_sid VARCHAR(255) NULL,
      ADD COLUMN id_token TEXT NULL,
      ADD KEY ix_session_oidc_sid (oidc_sid)`);
    await q.query('ALTER TABLE approval_request ADD COLUMN sign_in_max_age INT NULL');
    await q.query(`CREATE TABLE oidc_group_mapping (
      id CHAR(36) NOT NULL PRIMARY KEY,
      group_name VARCHAR(255) NOT NULL,
      role VARCHAR(40) NOT NULL,
      org_unit_id CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_oidc_group_mapping (group_name, role, org_unit_id),
      KEY ix_oidc_group_mapping_unit (org_unit_id),
      CONSTRAINT fk_oidc_group_mapping_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE oidc_group_mapping');
    await q.query('ALTER TABLE approval_request DROP COLUMN sign_in_max_age');
    await q.query(`ALTER TABLE session DROP KEY ix_session_oidc_sid, DROP COLUMN id_token,
      DROP COLUMN oidc_sid, DROP COLUMN auth_time, DROP COLUMN auth_method`);
    await q.query("DELETE FROM role_assignment WHERE source = 'group'");
    await q.query(`ALTER TABLE role_assignment DROP INDEX ux_role_assignment,
      ADD UNIQUE KEY ux_role_assignment (user_id, role, org_unit_id), DROP COLUMN source`);
    await q.query(
      'ALTER TABLE app_user DROP KEY ux_app_user_oidc, DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer',
    );
  }
}
