import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies and kommunalförbund (#16): what the municipality holds of each, on its unit. A
 * company's share in percent (100 = wholly owned), a kommunalförbund's member municipalities (a
 * JSON array of names). Expand only: both columns are nullable and the version still running
 * neither reads nor writes them; the new kind `kommunalforbund` fits the existing kind column.
 * Companies seeded before get their share from the demo seeder, not from here.
 */
export class BodyOwnership1764410000000 implements MigrationInterface {
  name = 'BodyOwnership1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE org_unit ADD COLUMN ownership_share DECIMAL(5,2) NULL, ADD COLUMN member_municipalities JSON NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE org_unit DROP COLUMN member_municipalities, DROP COLUMN ownership_share');
  }
}
