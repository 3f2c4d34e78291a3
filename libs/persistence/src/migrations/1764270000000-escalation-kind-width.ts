import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `escalation.kind` was VARCHAR(10): room for today's four kinds and no more. The kinds are one
 * list in the domain (ESCALATION_KINDS) that a new rule extends; the column must not be what
 * stops a longer name.
 */
export class EscalationKindWidth1764270000000 implements MigrationInterface {
  name = 'EscalationKindWidth1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE escalation MODIFY kind VARCHAR(40) NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE escalation MODIFY kind VARCHAR(10) NOT NULL');
  }
}
