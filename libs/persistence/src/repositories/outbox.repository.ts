import type { DataSource } from 'typeorm';
import type { Queryable, Statement } from './batched-transaction';
import { fromJsonColumn } from './json-column';

export interface OutboxRecord {
  documentId: string | null;
  effectType: string;
  payload: Record<string, unknown>;
  /** Unique per effect: a retried transaction or relay never produces the effect twice. */
  dedupeKey: string;
}

export interface OutboxRow extends OutboxRecord {
  id: string;
  attempts: number;
}

/** The transactional outbox: effects are written with the state change, relayed afterwards. */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  async add(records: OutboxRecord[], m: Queryable): Promise<void> {
    const statement = OutboxRepository.addStatement(records);
    if (statement) await m.query(statement.sql, statement.params);
  }

  /** The one INSERT of the records (null for none), for a BatchedTransaction to send with its COMMIT. */
  static addStatement(records: OutboxRecord[]): Statement | null {
    if (!records.length) return null;
    return {
      sql: `INSERT INTO outbox (document_id, effect_type, payload, dedupe_key) VALUES ${records.map(() => '(?, ?, ?, ?)').join(', ')}`,
      params: records.flatMap((r) => [r.documentId, r.effectType, JSON.stringify(r.payload), r.dedupeKey]),
    };
  }

  /**
   * Claims a batch of unrelayed rows for this relay (SKIP LOCKED lets several relays run),
   * hands them to `relay`, and marks the ones it accepted as relayed, all in one transaction.
   */
  async relayBatch(limit: number, relay: (rows: OutboxRow[]) => Promise<Set<string>>): Promise<number> {
    // READ COMMITTED: the claim takes row locks only, no gap locks, so transactions inserting
    // new outbox rows meanwhile never deadlock with the relay.
    return this.ds.transaction('READ COMMITTED', async (m) => {
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT id, document_id AS documentId, effect_type AS effectType, payload, dedupe_key AS dedupeKey, attempts
           FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      const batch = rows.map((r) => ({
        ...(r as unknown as OutboxRow),
        id: String(r['id']),
        payload: fromJsonColumn<Record<string, unknown>>(r['payload']),
      }));
      let done: Set<string>;
      try {
        done = await relay(batch);
      } catch (e) {
        done = new Set();
        await m.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id IN (${batch.map(() => '?').join(',')})`,
          [String((e as Error).message).slice(0, 500), ...batch.map((b) => b.id)],
        );
      }
      if (done.size)
        await m.query(
          `UPDATE outbox SET relayed_at = CURRENT_TIMESTAMP(3) WHERE id IN (${[...done].map(() => '?').join(',')})`,
          [...done],
        );
      return done.size;
    });
  }

  async pendingCount(): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM outbox WHERE relayed_at IS NULL');
    return Number(n);
  }
}
