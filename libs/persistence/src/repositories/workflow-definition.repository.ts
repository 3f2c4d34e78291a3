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
