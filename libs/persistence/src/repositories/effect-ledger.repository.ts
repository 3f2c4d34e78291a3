import type { DataSource, EntityManager } from 'typeorm';
import { fromJsonColumn } from './json-column';
import type { OutboxRow } from './outbox.repository';

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
    const [r] = await this.ds.query(
      `SELECT id, document_id AS documentId, effect_type AS effectType, payload, dedupe_key AS dedupeKey, attempts
         FROM outbox WHERE id = ?`,
      [id],
    );
    if (!r) return null;
    return { ...r, id: String(r.id), payload: fromJsonColumn<Record<string, unknown>>(r.payload) };
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
