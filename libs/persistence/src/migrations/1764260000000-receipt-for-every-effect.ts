import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From this version every handled effect has a row in effect_receipt, and the reconciliation
 * queues again a relayed effect without one. `notify` and `requestApproval` were handled before
 * without a receipt of their own (their idempotence rests on the mail's and the request's unique
 * keys): their relayed rows get one here, so the first reconciliation after the upgrade does not
 * run months of them again. Every other effect type always wrote its receipt with its work.
 */
export class ReceiptForEveryEffect1764260000000 implements MigrationInterface {
  name = 'ReceiptForEveryEffect1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO effect_receipt (dedupe_key, handled_at, result)
      SELECT o.dedupe_key, o.relayed_at, JSON_OBJECT('receipt', 'written by the migration of 1764260000000')
        FROM outbox o
       WHERE o.relayed_at IS NOT NULL AND o.effect_type IN ('notify', 'requestApproval')
         AND NOT EXISTS (SELECT 1 FROM effect_receipt r WHERE r.dedupe_key = o.dedupe_key)
         AND NOT EXISTS (SELECT 1 FROM effect_failure f WHERE f.dedupe_key = o.dedupe_key)`);
  }

  async down(): Promise<void> {
    // The receipts stay: they record effects that were handled.
  }
}
