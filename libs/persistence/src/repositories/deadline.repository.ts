import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { refuseIfStoredWithWarnings } from './insert-ignore';

export type DeadlineKind = 'due' | 'reminder';
export type DeadlineStatus = 'pending' | 'fired' | 'cancelled';

export interface NewDeadline {
  documentId: string;
  state: string;
  key: string;
  kind: DeadlineKind;
  offsetDays: number;
  dueAt: Date;
  fireAt: Date;
  /** Id of the outbox row that scheduled it. */
  generation: string;
  onDue: string | null;
  escalate: boolean;
}

/** A stored deadline: what was scheduled, with its id and how far it got. */
export interface DeadlineRow extends NewDeadline {
  id: string;
  status: DeadlineStatus;
  firedAt: Date | null;
}

const columns = (
  t: string,
) => `${t}.id, ${t}.document_id AS documentId, ${t}.state, ${t}.deadline_key AS \`key\`,
  ${t}.kind, ${t}.offset_days AS offsetDays, ${t}.due_at AS dueAt, ${t}.fire_at AS fireAt, ${t}.generation,
  ${t}.on_due AS onDue, ${t}.escalate, ${t}.status, ${t}.fired_at AS firedAt`;
const COLUMNS = columns('deadline');

function toRow(r: Record<string, unknown>): DeadlineRow {
  return {
    ...(r as unknown as DeadlineRow),
    generation: String(r['generation']),
    offsetDays: Number(r['offsetDays']),
    escalate: Number(r['escalate']) === 1,
  };
}

const placeholders = (list: readonly unknown[]): string => list.map(() => '?').join(', ');
const affected = (res: unknown): number => Number((res as { affectedRows?: number }).affectedRows ?? 0);

/** Deadlines: the source of truth behind BullMQ's delayed jobs. */
export class DeadlineRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the rows that do not exist yet (same document, state, kind, offset and generation). */
  async insertMissing(rows: NewDeadline[], m: EntityManager): Promise<void> {
    if (!rows.length) return;
    const res = await m.query(
      `INSERT IGNORE INTO deadline (id, document_id, state, deadline_key, kind, offset_days, due_at, fire_at, generation, on_due, escalate)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((r) => [
        randomUUID(),
        r.documentId,
        r.state,
        r.key,
        r.kind,
        r.offsetDays,
        r.dueAt,
        r.fireAt,
        r.generation,
        r.onDue,
        r.escalate ? 1 : 0,
      ]),
    );
    refuseIfStoredWithWarnings(res, 'deadline', rows.length);
  }

  async ofGeneration(documentId: string, generation: string, m?: EntityManager): Promise<DeadlineRow[]> {
    const rows = await (m ?? this.ds).query(
      `SELECT ${COLUMNS} FROM deadline WHERE document_id = ? AND generation = ? ORDER BY fire_at`,
      [documentId, generation],
    );
    return rows.map(toRow);
  }

  async get(id: string, m?: EntityManager): Promise<DeadlineRow | null> {
    const [r] = await (m ?? this.ds).query(`SELECT ${COLUMNS} FROM deadline WHERE id = ?`, [id]);
    return r ? toRow(r) : null;
  }

  async forDocument(documentId: string): Promise<DeadlineRow[]> {
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM deadline WHERE document_id = ? ORDER BY fire_at, kind`,
      [documentId],
    );
    return rows.map(toRow);
  }

  /**
   * Cancels the pending rows of a step (all steps when `state` is null) made before the cancelling
   * effect `beforeGeneration`; returns their ids so their jobs can be removed.
   */
  async cancel(
    documentId: string,
    state: string | null,
    beforeGeneration: string,
    m: EntityManager,
  ): Promise<string[]> {
    const where = `document_id = ? AND status = 'pending' AND generation < ? AND (? IS NULL OR state = ?)`;
    const params = [documentId, beforeGeneration, state, state];
    const rows: { id: string }[] = await m.query(`SELECT id FROM deadline WHERE ${where} FOR UPDATE`, params);
    if (rows.length) await m.query(`UPDATE deadline SET status = 'cancelled' WHERE ${where}`, params);
    return rows.map((r) => String(r.id));
  }

  /**
   * Locks the named rows for firing, waiting while another firing holds one of them; the rows
   * come back as they are after that firing committed (fired, cancelled or still pending).
   */
  async lockForFiring(ids: readonly string[], m: EntityManager): Promise<DeadlineRow[]> {
    if (!ids.length) return [];
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM deadline WHERE id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
      [...ids],
    );
    return rows.map(toRow);
  }

  /**
   * Pending rows whose moment is at or before `until`, oldest first, that no other firing holds
   * (SKIP LOCKED): several workers sweeping at once each take a different share.
   */
  async lockDue(until: Date, limit: number, m: EntityManager): Promise<DeadlineRow[]> {
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM deadline WHERE status = 'pending' AND fire_at <= ?
        ORDER BY fire_at LIMIT ? FOR UPDATE SKIP LOCKED`,
      [until, limit],
    );
    return rows.map(toRow);
  }

  /** The guarded update that decides, once and for all processes, that these deadlines fire now. */
  async markFired(ids: readonly string[], m: EntityManager): Promise<number> {
    if (!ids.length) return 0;
    const res = await m.query(
      `UPDATE deadline SET status = 'fired', fired_at = CURRENT_TIMESTAMP(3)
        WHERE id IN (${placeholders(ids)}) AND status = 'pending'`,
      [...ids],
    );
    return affected(res);
  }

  /** Pending rows, in pages by id, for reconciliation. */
  async pendingPage(afterId: string, limit: number): Promise<{ id: string; fireAt: Date }[]> {
    const rows: { id: string; fireAt: Date }[] = await this.ds.query(
      `SELECT id, fire_at AS fireAt FROM deadline WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`,
      [afterId, limit],
    );
    return rows.map((r) => ({ id: String(r.id), fireAt: r.fireAt }));
  }

  /** Pending rows of documents of a year (and period) under a year-wheel key, for rescheduling. */
  async pendingForKey(
    key: string,
    year: number,
    period: string | null,
  ): Promise<(DeadlineRow & { documentCreatedAt: Date; period: string | null })[]> {
    const rows = await this.ds.query(
      `SELECT ${columns('dl')}, d.created_at AS documentCreatedAt, d.period AS period
         FROM deadline dl JOIN document d ON d.id = dl.document_id
        WHERE dl.deadline_key = ? AND dl.status = 'pending' AND d.year = ? AND (? IS NULL OR d.period = ?)`,
      [key, year, period, period ?? ''],
    );
    return rows.map((r: Record<string, unknown>) => ({
      ...toRow(r),
      documentCreatedAt: r['documentCreatedAt'] as Date,
      period: r['period'] ? String(r['period']) : null,
    }));
  }

  async retime(id: string, dueAt: Date, fireAt: Date): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE deadline SET due_at = ?, fire_at = ? WHERE id = ? AND status = 'pending'`,
      [dueAt, fireAt, id],
    );
    return affected(res) === 1;
  }
}
