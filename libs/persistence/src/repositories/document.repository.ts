import type { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from './batched-transaction';
import { fromJsonColumn } from './json-column';
import { escapeLike } from './like-pattern';

export interface DocumentRow {
  id: string;
  type: string;
  title: string;
  orgUnitId: string;
  orgUnitName?: string;
  year: number;
  period: string | null;
  definitionId: string;
  snapshot: unknown;
  state: string;
  final: boolean;
  data: Record<string, unknown>;
  version: number;
  dueAt: Date | null;
  overdue: boolean;
  submittedAt: Date | null;
  decidedAt: Date | null;
  diarienummer: string | null;
  /** The head of the audit chain: the last entry's number and hash, kept on the row it guards. */
  auditSeq: number;
  auditHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  /**
   * Which edit of the year wheel of the document's year was current when the row was read (`get`
   * only): the key under which the wheel's due dates may be reused without reading it again.
   */
  wheelRevision?: string;
}

export interface DocumentFilter {
  year?: number;
  type?: string;
  orgUnitIds?: string[];
  state?: string;
  /** Part of the title or the diarienummer, case-insensitive. */
  search?: string;
}

const COLUMNS = `d.id, d.type, d.title, d.org_unit_id AS orgUnitId, u.name AS orgUnitName, d.year, d.period,
  d.definition_id AS definitionId, d.snapshot, d.state, d.final, d.data, d.version, d.due_at AS dueAt, d.overdue,
  d.submitted_at AS submittedAt, d.decided_at AS decidedAt, d.diarienummer, d.audit_seq AS auditSeq, d.audit_hash AS auditHash,
  d.created_at AS createdAt, d.updated_at AS updatedAt`;

/**
 * The year wheel's edits of the document's year, as one value that changes with every edit: an
 * edit adds a line (count) or raises a line's revision (sum), and stamps `updated_at` (max).
 */
const wheelRevisionOf = (
  document: string,
) => `(SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(w.revision), 0), '.', COALESCE(MAX(w.updated_at), ''))
  FROM year_wheel_entry w WHERE w.year = ${document}.year)`;
const WHEEL_REVISION = `${wheelRevisionOf('d')} AS wheelRevision`;

export function toDocumentRow(r: Record<string, unknown>): DocumentRow {
  return {
    ...(r as unknown as DocumentRow),
    period: r['period'] ? String(r['period']) : null,
    snapshot: fromJsonColumn(r['snapshot']),
    data: fromJsonColumn(r['data']),
    final: !!r['final'],
    overdue: !!r['overdue'],
    version: Number(r['version']),
    auditSeq: Number(r['auditSeq'] ?? 0),
    year: Number(r['year']),
    ...(r['wheelRevision'] !== undefined ? { wheelRevision: String(r['wheelRevision']) } : {}),
  };
}

/**
 * Documents. State changes go only through guardedUpdate, inside the engine's transaction. Any
 * other write of a document may touch only `due_at` and `overdue`: the engine remembers rows by
 * their `version` (DocumentCache), so a change of anything a transition reads must raise it.
 */
export class DocumentRepository {
  constructor(private readonly ds: DataSource) {}

  async get(id: string, m: EntityManager = this.ds.manager): Promise<DocumentRow | null> {
    const rows = await m.query(
      `SELECT ${COLUMNS}, ${WHEEL_REVISION} FROM document d JOIN org_unit u ON u.id = d.org_unit_id WHERE d.id = ?`,
      [id],
    );
    return rows[0] ? toDocumentRow(rows[0]) : null;
  }

  /** Several documents in one read (missing ids are left out). */
  async getMany(ids: readonly string[], m: EntityManager = this.ds.manager): Promise<DocumentRow[]> {
    if (!ids.length) return [];
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return rows.map(toDocumentRow);
  }

  async findSlot(
    type: string,
    orgUnitId: string,
    year: number,
    period: string | null,
    m: EntityManager = this.ds.manager,
  ): Promise<string | null> {
    const rows = await m.query(
      'SELECT id FROM document WHERE type = ? AND org_unit_id = ? AND year = ? AND period = ?',
      [type, orgUnitId, year, period ?? ''],
    );
    return rows[0]?.id ?? null;
  }

  async insert(
    d: Pick<
      DocumentRow,
      | 'id'
      | 'type'
      | 'title'
      | 'orgUnitId'
      | 'year'
      | 'period'
      | 'definitionId'
      | 'snapshot'
      | 'state'
      | 'final'
      | 'data'
      | 'dueAt'
      | 'auditSeq'
      | 'auditHash'
    >,
    m: Queryable,
  ): Promise<void> {
    await m.query(
      `INSERT INTO document (id, type, title, org_unit_id, year, period, definition_id, snapshot, state, final, data, version, due_at, audit_seq, audit_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [
        d.id,
        d.type,
        d.title,
        d.orgUnitId,
        d.year,
        d.period ?? '',
        d.definitionId,
        JSON.stringify(d.snapshot),
        d.state,
        d.final,
        JSON.stringify(d.data),
        d.dueAt,
        d.auditSeq,
        d.auditHash,
      ],
    );
  }

  /**
   * The optimistic lock: writes only if the row still has `expectedVersion`, and reports
   * whether it did. TypeORM's @VersionColumn does not add this WHERE clause, so it is explicit.
   * With `wheelRevision`, the row is written only if the year wheel is also still at the revision
   * the new due date was reckoned from (the due date is then guarded as the state is).
   */
  async guardedUpdate(
    id: string,
    expectedVersion: number,
    patch: Partial<
      Pick<
        DocumentRow,
        | 'snapshot'
        | 'state'
        | 'final'
        | 'data'
        | 'dueAt'
        | 'overdue'
        | 'submittedAt'
        | 'decidedAt'
        | 'diarienummer'
        | 'auditSeq'
        | 'auditHash'
        | 'definitionId'
      >
    >,
    m: Queryable,
    guard: { wheelRevision?: string } = {},
  ): Promise<boolean> {
    const sets: string[] = ['version = version + 1'];
    const params: unknown[] = [];
    const columns: Record<string, string> = {
      snapshot: 'snapshot',
      state: 'state',
      final: 'final',
      data: 'data',
      dueAt: 'due_at',
      overdue: 'overdue',
      submittedAt: 'submitted_at',
      decidedAt: 'decided_at',
      diarienummer: 'diarienummer',
      definitionId: 'definition_id',
      auditSeq: 'audit_seq',
      auditHash: 'audit_hash',
    };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      sets.push(`${columns[k]} = ?`);
      params.push(k === 'snapshot' || k === 'data' ? JSON.stringify(v) : v);
    }
    const wheel = guard.wheelRevision !== undefined;
    const res = await m.query(
      `UPDATE document SET ${sets.join(', ')} WHERE id = ? AND version = ?${wheel ? ` AND ${wheelRevisionOf('document')} = ?` : ''}`,
      [...params, id, expectedVersion, ...(wheel ? [guard.wheelRevision] : [])],
    );
    return Number(res.affectedRows ?? 0) === 1;
  }

  async list(
    f: DocumentFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: DocumentRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (f.year !== undefined) filter('d.year = ?', f.year);
    if (f.type) filter('d.type = ?', f.type);
    if (f.state) filter('d.state = ?', f.state);
    if (f.search) {
      const pattern = `%${escapeLike(f.search)}%`;
      where.push("(d.title LIKE ? ESCAPE '\\\\' OR d.diarienummer LIKE ? ESCAPE '\\\\')");
      params.push(pattern, pattern);
    }
    if (f.orgUnitIds) {
      if (!f.orgUnitIds.length) return { items: [], total: 0 };
      where.push(`d.org_unit_id IN (${f.orgUnitIds.map(() => '?').join(',')})`);
      params.push(...f.orgUnitIds);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM document d ${clause}`, params);
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM document d JOIN org_unit u ON u.id = d.org_unit_id ${clause}
        ORDER BY d.due_at IS NULL, d.due_at, d.year, d.type, u.name, d.period LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { items: rows.map(toDocumentRow), total: Number(total) };
  }
}
