import type { DataSource } from 'typeorm';
import type { Queryable, Statement } from './batched-transaction';
import { fromJsonColumn } from './json-column';

export interface OutboxRecord {
  documentId: string | null;
  effectType: string;
  payload: Record<string, unknown>;
  /** Unique per effect: a retried transaction or relay never produces the effect twice. */
  dedupeKey: string;
  /** The W3C traceparent of the work that wrote the row, for the worker to continue its trace. */
  traceParent?: string | null;
}

export interface OutboxRow extends OutboxRecord {
  id: string;
  attempts: number;
  /**
   * When the row was written. With the id it names the row for all time: ids start again after a
   * database is restored from a backup, the moment of writing does not.
   */
  createdAt: Date;
}

/** The columns of an OutboxRow, for every query that reads one. */
export const OUTBOX_ROW_COLUMNS =
  'id, document_id AS documentId, effect_type AS effectType, payload, dedupe_key AS dedupeKey, attempts, created_at AS createdAt, trace_parent AS traceParent';

/** An OutboxRow from the driver's row of OUTBOX_ROW_COLUMNS. */
export function toOutboxRow(r: Record<string, unknown>): OutboxRow {
  return {
    ...(r as unknown as OutboxRow),
    id: String(r['id']),
    payload: fromJsonColumn<Record<string, unknown>>(r['payload']),
    createdAt: new Date(r['createdAt'] as Date | string),
  };
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
      sql: `INSERT INTO outbox (document_id, effect_type, payload, dedupe_key, trace_parent) VALUES ${records.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      params: records.flatMap((r) => [
        r.documentId,
        r.effectType,
        JSON.stringify(r.payload),
        r.dedupeKey,
        r.traceParent ?? null,
      ]),
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
        `SELECT ${OUTBOX_ROW_COLUMNS} FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      const batch = rows.map(toOutboxRow);
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

  /**
   * Rows relayed more than `olderThanMs` ago whose effect has neither a receipt nor a recorded
   * failure: their job was lost, or never ran (Redis flushed, a restored database meeting old
   * jobs). `since` bounds the scan to rows relayed after it (null: all), in pages after `afterId`.
   */
  async relayedWithoutReceipt(opts: {
    olderThanMs: number;
    since: Date | null;
    afterId: string;
    limit: number;
  }): Promise<OutboxRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${OUTBOX_ROW_COLUMNS} FROM outbox o
         WHERE o.relayed_at IS NOT NULL AND o.relayed_at < NOW(3) - INTERVAL ? MICROSECOND
           AND (? IS NULL OR o.relayed_at >= ?) AND o.id > ?
           AND NOT EXISTS (SELECT 1 FROM effect_receipt r WHERE r.dedupe_key = o.dedupe_key)
           AND NOT EXISTS (SELECT 1 FROM effect_failure f WHERE f.dedupe_key = o.dedupe_key)
         ORDER BY o.id LIMIT ?`,
      [opts.olderThanMs * 1000, opts.since, opts.since, Number(opts.afterId || 0), opts.limit],
    );
    return rows.map(toOutboxRow);
  }

  async pendingCount(): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM outbox WHERE relayed_at IS NULL');
    return Number(n);
  }
}
