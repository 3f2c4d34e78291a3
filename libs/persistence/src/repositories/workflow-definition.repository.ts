import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { fromJsonColumn } from './json-column';

export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface StoredDefinition<D = unknown, F = unknown> {
  id: string;
  key: string;
  version: number;
  status: DefinitionStatus;
  title: string;
  checksum: string;
  definition: D;
  forms: F;
  source: 'shipped' | 'admin';
  authorUserId: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

/** A document still under way on a definition version: what a migration needs to move it. */
export interface RunningDocument {
  id: string;
  type: string;
  title: string;
  orgUnitId: string;
  orgUnitName: string;
  year: number;
  period: string | null;
  state: string;
  data: Record<string, unknown>;
  version: number;
  auditSeq: number;
  auditHash: string | null;
}

const COLUMNS = `id, def_key AS \`key\`, version, status, title, checksum, definition, forms, source,
  author_user_id AS authorUserId, created_at AS createdAt, published_at AS publishedAt`;

function toStored<D, F>(row: Record<string, unknown>): StoredDefinition<D, F> {
  return {
    ...(row as unknown as StoredDefinition<D, F>),
    definition: fromJsonColumn<D>(row['definition']),
    forms: fromJsonColumn<F>(row['forms']),
  };
}

/** Definition versions: published ones are never updated (only retired when superseded). */
export class WorkflowDefinitionRepository {
  constructor(private readonly ds: DataSource) {}

  async get<D, F>(id: string): Promise<StoredDefinition<D, F> | null> {
    const rows = await this.ds.query(`SELECT ${COLUMNS} FROM workflow_definition WHERE id = ?`, [id]);
    return rows[0] ? toStored<D, F>(rows[0]) : null;
  }

  async getVersion<D, F>(key: string, version: number): Promise<StoredDefinition<D, F> | null> {
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM workflow_definition WHERE def_key = ? AND version = ?`,
      [key, version],
    );
    return rows[0] ? toStored<D, F>(rows[0]) : null;
  }

  async latestPublished<D, F>(key: string): Promise<StoredDefinition<D, F> | null> {
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM workflow_definition WHERE def_key = ? AND status = 'published' ORDER BY version DESC LIMIT 1`,
      [key],
    );
    return rows[0] ? toStored<D, F>(rows[0]) : null;
  }

  async latest<D, F>(key: string): Promise<StoredDefinition<D, F> | null> {
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM workflow_definition WHERE def_key = ? ORDER BY version DESC LIMIT 1`,
      [key],
    );
    return rows[0] ? toStored<D, F>(rows[0]) : null;
  }

  async summaries(): Promise<
    { key: string; title: string; latestVersion: number; publishedVersion: number | null }[]
  > {
    const rows: { key: string; title: string; latestVersion: number; publishedVersion: number | null }[] =
      await this.ds.query(
        `SELECT d.def_key AS \`key\`,
              (SELECT title FROM workflow_definition t WHERE t.def_key = d.def_key ORDER BY version DESC LIMIT 1) AS title,
              MAX(d.version) AS latestVersion,
              MAX(CASE WHEN d.status = 'published' THEN d.version END) AS publishedVersion
         FROM workflow_definition d GROUP BY d.def_key ORDER BY d.def_key`,
      );
    return rows.map((r) => ({
      ...r,
      latestVersion: Number(r.latestVersion),
      publishedVersion: r.publishedVersion === null ? null : Number(r.publishedVersion),
    }));
  }

  async versions(key: string): Promise<Omit<StoredDefinition, 'definition' | 'forms'>[]> {
    return this.ds.query(
      `SELECT id, def_key AS \`key\`, version, status, title, checksum, source, author_user_id AS authorUserId, created_at AS createdAt, published_at AS publishedAt
         FROM workflow_definition WHERE def_key = ? ORDER BY version`,
      [key],
    );
  }

  /** Every version of a key with how many documents are pinned to it, and how many still run. */
  async versionsWithCounts(
    key: string,
  ): Promise<(Omit<StoredDefinition, 'definition' | 'forms'> & { documents: number; running: number })[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT d.id, d.def_key AS \`key\`, d.version, d.status, d.title, d.checksum, d.source,
              d.author_user_id AS authorUserId, d.created_at AS createdAt, d.published_at AS publishedAt,
              COUNT(doc.id) AS documents, COALESCE(SUM(doc.final = 0), 0) AS running
         FROM workflow_definition d LEFT JOIN document doc ON doc.definition_id = d.id
        WHERE d.def_key = ? GROUP BY d.id ORDER BY d.version`,
      [key],
    );
    return rows.map((r) => ({
      ...(r as unknown as StoredDefinition),
      version: Number(r['version']),
      documents: Number(r['documents']),
      running: Number(r['running']),
    }));
  }

  /** Replaces the content of a draft; published and retired versions are never changed (false). */
  async updateDraft(
    id: string,
    v: { title: string; checksum: string; definition: unknown; forms: unknown },
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    const res = await m.query(
      `UPDATE workflow_definition SET title = ?, checksum = ?, definition = ?, forms = ?
        WHERE id = ? AND status = 'draft'`,
      [v.title, v.checksum, JSON.stringify(v.definition), JSON.stringify(v.forms), id],
    );
    return Number(res.affectedRows ?? 0) === 1;
  }

  /**
   * Publishes a draft: from now on new documents of the key start on it. The version published
   * before is retired; documents pinned to it keep running on it. Returns the retired versions,
   * or null when the version was no draft (any more).
   */
  async publish(id: string, key: string, m: EntityManager): Promise<number[] | null> {
    const rows: { id: string; version: number; status: string }[] = await m.query(
      'SELECT id, version, status FROM workflow_definition WHERE def_key = ? FOR UPDATE',
      [key],
    );
    if (rows.find((r) => r.id === id)?.status !== 'draft') return null;
    await m.query(
      "UPDATE workflow_definition SET status = 'published', published_at = CURRENT_TIMESTAMP(3) WHERE id = ?",
      [id],
    );
    const retired = rows.filter((r) => r.status === 'published');
    if (retired.length)
      await m.query(
        `UPDATE workflow_definition SET status = 'retired' WHERE id IN (${retired.map(() => '?').join(',')})`,
        retired.map((r) => r.id),
      );
    return retired.map((r) => Number(r.version));
  }

  /** Documents pinned to a version that have not reached a final step, oldest first. */
  async runningDocuments(definitionId: string): Promise<RunningDocument[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT d.id, d.type, d.title, d.org_unit_id AS orgUnitId, u.name AS orgUnitName, d.year, d.period,
              d.state, d.data, d.version, d.audit_seq AS auditSeq, d.audit_hash AS auditHash
         FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.definition_id = ? AND d.final = 0 ORDER BY d.created_at, d.id`,
      [definitionId],
    );
    return rows.map((r) => ({
      ...(r as unknown as RunningDocument),
      period: r['period'] ? String(r['period']) : null,
      year: Number(r['year']),
      version: Number(r['version']),
      auditSeq: Number(r['auditSeq'] ?? 0),
      data: fromJsonColumn<Record<string, unknown>>(r['data']),
    }));
  }

  /** Appends the next version of a key; the unique (key, version) index settles races between processes. */
  async appendVersion(
    v: {
      key: string;
      title: string;
      checksum: string;
      definition: unknown;
      forms: unknown;
      source: 'shipped' | 'admin';
      status: DefinitionStatus;
      authorUserId?: string | null;
    },
    m: EntityManager = this.ds.manager,
  ): Promise<{ id: string; version: number }> {
    const [{ next }] = await m.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM workflow_definition WHERE def_key = ? FOR UPDATE',
      [v.key],
    );
    const id = randomUUID();
    const version = Number(next);
    await m.query(
      `INSERT INTO workflow_definition (id, def_key, version, status, title, checksum, definition, forms, source, author_user_id, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        v.key,
        version,
        v.status,
        v.title,
        v.checksum,
        JSON.stringify(v.definition),
        JSON.stringify(v.forms),
        v.source,
        v.authorUserId ?? null,
        v.status === 'published' ? new Date() : null,
      ],
    );
    if (v.status === 'published') {
      await m.query(
        "UPDATE workflow_definition SET status = 'retired' WHERE def_key = ? AND status = 'published' AND version < ?",
        [v.key, version],
      );
    }
    return { id, version };
  }
}
