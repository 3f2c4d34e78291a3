import type { DataSource, EntityManager } from 'typeorm';
import { fromJsonColumn } from './json-column';
import { OUTBOX_ROW_COLUMNS, toOutboxRow, type OutboxRow } from './outbox.repository';
import { refuseIfStoredWithWarnings } from './insert-ignore';

export interface EffectFailureRow {
  dedupeKey: string;
  effectType: string;
  documentId: string | null;
  payload: Record<string, unknown>;
  reason: string;
  failedAt: Date;
}

/**
 * What became of each relayed effect: `effect_receipt` (handled, once) and `effect_failure`
 * (no handler, or out of retries: kept and visible).
 */
export class EffectLedgerRepository {
  constructor(private readonly ds: DataSource) {}

  async outboxRow(id: string): Promise<OutboxRow | null> {
    const [r] = await this.ds.query(`SELECT ${OUTBOX_ROW_COLUMNS} FROM outbox WHERE id = ?`, [id]);
    return r ? toOutboxRow(r) : null;
  }

  /**
   * Runs `work` in one transaction with the receipt of `dedupeKey`: the receipt is inserted
   * first, so a second run (another process, a retry after commit) finds it and does nothing.
   */
  async once<T>(
    dedupeKey: string,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<{ done: true; result: T } | { done: false }> {
    return this.ds.transaction(async (m) => {
      const res = await m.query('INSERT IGNORE INTO effect_receipt (dedupe_key) VALUES (?)', [dedupeKey]);
      refuseIfStoredWithWarnings(res, 'effect_receipt');
      if (Number(res.affectedRows ?? 0) !== 1) return { done: false as const };
      const result = await work(m);
      if (result !== undefined)
        await m.query('UPDATE effect_receipt SET result = ? WHERE dedupe_key = ?', [
          JSON.stringify(result),
          dedupeKey,
        ]);
      return { done: true as const, result };
    });
  }

  /**
   * The receipt of an effect whose handler finished without one of its own (its idempotence rests
   * on other keys: mail dedupe keys, an approval request's unique key). Every handled effect then
   * has a receipt, which is what the reconciliation looks for.
   */
  async settle(dedupeKey: string, result: unknown): Promise<void> {
    await this.ds.query(
      'INSERT INTO effect_receipt (dedupe_key, result) VALUES (?, ?) ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key',
      [dedupeKey, result === undefined ? null : JSON.stringify(result)],
    );
  }

  async hasReceipt(dedupeKey: string): Promise<boolean> {
    const [r] = await this.ds.query('SELECT 1 AS x FROM effect_receipt WHERE dedupe_key = ?', [dedupeKey]);
    return !!r;
  }

  async recordFailure(row: OutboxRow, reason: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO effect_failure (dedupe_key, effect_type, document_id, payload, reason) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE reason = VALUES(reason), failed_at = CURRENT_TIMESTAMP(3)`,
      [row.dedupeKey, row.effectType, row.documentId, JSON.stringify(row.payload), reason.slice(0, 500)],
    );
  }

  async failures(effectType?: string): Promise<EffectFailureRow[]> {
    const rows = await this.ds.query(
      `SELECT dedupe_key AS dedupeKey, effect_type AS effectType, document_id AS documentId, payload, reason, failed_at AS failedAt
         FROM effect_failure WHERE (? IS NULL OR effect_type = ?) ORDER BY failed_at`,
      [effectType ?? null, effectType ?? null],
    );
    return rows.map((r: Record<string, unknown>) => ({ ...r, payload: fromJsonColumn(r['payload']) }));
  }
}
