import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A nämnd's limit of a significant deviation in its decided investments (#15), configured like
 * the budget limit: kronor and/or a share, here of the report's investment budget. Null: not
 * configured (the default, 5 % of the investment budget, applies).
 */
export class InvestmentThreshold1764300000000 implements MigrationInterface {
  name = 'InvestmentThreshold1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE deviation_threshold
         ADD COLUMN investment_kronor BIGINT NULL AFTER share_of_frame,
         ADD COLUMN investment_share DECIMAL(6,5) NULL AFTER investment_kronor`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE deviation_threshold DROP COLUMN investment_share, DROP COLUMN investment_kronor',
    );
  }
}
