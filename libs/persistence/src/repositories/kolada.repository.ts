import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** One stored Kolada value (see KoladaValue in @rodtrad/domain), with where it came from. */
export interface StoredKoladaValue {
  kpi: string;
  municipalityId: string;
  year: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  status: string;
  count: number;
  source: 'api' | 'file';
  fetchedAt: Date;
}

export type KoladaRunStatus = 'running' | 'done' | 'failed';

export interface KoladaRunRow {
  id: string;
  source: 'api' | 'file';
  status: KoladaRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  requestedBy: string | null;
  fileName: string | null;
  sha256: string | null;
  valuesStored: number;
  /** Swedish, one line per problem: a KPI that could not be fetched, and why. */
  problems: string[];
}

const CHUNK = 500;

/** Kolada's values, the comparison groups' members, KPI titles and the runs that brought them. */
export class KoladaRepository {
  constructor(private readonly ds: DataSource) {}

  /** Stores the values, replacing what an earlier fetch or import said for the same key. */
  async saveValues(
    values: readonly Omit<StoredKoladaValue, 'source' | 'fetchedAt'>[],
    source: 'api' | 'file',
    runId: string,
    at = new Date(),
  ): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      const chunk = values.slice(i, i + CHUNK);
      await this.ds.query(
        `INSERT INTO kolada_value (kpi, municipality_id, year, gender, value, status, member_count, source, run_id, fetched_at)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE value = VALUES(value), status = VALUES(status), member_count = VALUES(member_count),
           source = VALUES(source), run_id = VALUES(run_id), fetched_at = VALUES(fetched_at)`,
        chunk.flatMap((v) => [
          v.kpi,
          v.municipalityId,
          v.year,
          v.gender,
          v.value,
          v.status.slice(0, 60),
          v.count,
          source,
          runId,
          at,
        ]),
      );
    }
    return values.length;
  }

  async values(kpis: readonly string[]): Promise<StoredKoladaValue[]> {
    if (!kpis.length) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT kpi, municipality_id AS municipalityId, year, gender, value, status, member_count AS count, source,
              fetched_at AS fetchedAt
         FROM kolada_value WHERE kpi IN (${kpis.map(() => '?').join(',')})`,
      [...kpis],
    );
    return rows.map((r) => ({
      kpi: String(r['kpi']),
      municipalityId: String(r['municipalityId']),
      year: Number(r['year']),
      gender: String(r['gender']) as StoredKoladaValue['gender'],
      value: r['value'] === null ? null : Number(r['value']),
      status: String(r['status']),
      count: Number(r['count']),
      source: String(r['source']) as StoredKoladaValue['source'],
      fetchedAt: new Date(r['fetchedAt'] as string),
    }));
  }

  /** Replaces a group's members with the ones Kolada lists now. */
  async saveGroup(
    group: { id: string; title: string; members: { id: string; title: string }[] },
    at = new Date(),
  ) {
    await this.ds.transaction(async (tx) => {
      await tx.query('DELETE FROM kolada_group_member WHERE group_id = ?', [group.id]);
      if (group.members.length)
        await tx.query(
          `INSERT INTO kolada_group_member (group_id, municipality_id, group_title, title, fetched_at)
           VALUES ${group.members.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          group.members.flatMap((m) => [
            group.id,
            m.id,
            group.title.slice(0, 300),
            m.title.slice(0, 200),
            at,
          ]),
        );
    });
  }

  /** Group id → member municipality ids, for the groups named. */
  async groupMembers(ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows: { groupId: string; municipalityId: string }[] = await this.ds.query(
      `SELECT group_id AS groupId, municipality_id AS municipalityId FROM kolada_group_member
        WHERE group_id IN (${ids.map(() => '?').join(',')}) ORDER BY municipality_id`,
      [...ids],
    );
    for (const r of rows) out.set(r.groupId, [...(out.get(r.groupId) ?? []), String(r.municipalityId)]);
    return out;
  }

  async saveKpis(kpis: readonly { id: string; title: string; unit: string | null }[], at = new Date()) {
    if (!kpis.length) return;
    await this.ds.query(
      `INSERT INTO kolada_kpi (id, title, unit, fetched_at) VALUES ${kpis.map(() => '(?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE title = VALUES(title), unit = VALUES(unit), fetched_at = VALUES(fetched_at)`,
      kpis.flatMap((k) => [k.id, k.title.slice(0, 500), k.unit?.slice(0, 60) ?? null, at]),
    );
  }

  async kpiTitles(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string }[] = await this.ds.query(
      `SELECT id, title FROM kolada_kpi WHERE id IN (${ids.map(() => '?').join(',')})`,
      [...ids],
    );
    return new Map(rows.map((r) => [String(r.id), String(r.title)]));
  }

  async startRun(
    source: 'api' | 'file',
    by: string | null,
    file?: { name: string; sha256: string },
    at = new Date(),
  ): Promise<string> {
    const id = randomUUID();
    await this.ds.query(
      `INSERT INTO kolada_run (id, source, status, started_at, requested_by, file_name, sha256)
       VALUES (?, ?, 'running', ?, ?, ?, ?)`,
      [id, source, at, by, file?.name.slice(0, 255) ?? null, file?.sha256 ?? null],
    );
    return id;
  }

  async finishRun(id: string, valuesStored: number, problems: readonly string[], at = new Date()) {
    await this.ds.query(
      `UPDATE kolada_run SET status = ?, finished_at = ?, values_stored = ?, problems = ? WHERE id = ?`,
      [
        problems.length ? 'failed' : 'done',
        at,
        valuesStored,
        problems.length ? JSON.stringify(problems) : null,
        id,
      ],
    );
  }

  async run(id: string): Promise<KoladaRunRow | null> {
    return (await this.runs(1, id))[0] ?? null;
  }

  /** The latest runs, newest first. */
  async runs(limit = 20, id?: string): Promise<KoladaRunRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, source, status, started_at AS startedAt, finished_at AS finishedAt, requested_by AS requestedBy,
              file_name AS fileName, sha256, values_stored AS valuesStored, problems
         FROM kolada_run ${id ? 'WHERE id = ?' : ''} ORDER BY started_at DESC, id LIMIT ?`,
      id ? [id, limit] : [limit],
    );
    return rows.map((r) => ({
      id: String(r['id']),
      source: String(r['source']) as KoladaRunRow['source'],
      status: String(r['status']) as KoladaRunStatus,
      startedAt: new Date(r['startedAt'] as string),
      finishedAt: r['finishedAt'] ? new Date(r['finishedAt'] as string) : null,
      requestedBy: (r['requestedBy'] as string | null) ?? null,
      fileName: (r['fileName'] as string | null) ?? null,
      sha256: (r['sha256'] as string | null) ?? null,
      valuesStored: Number(r['valuesStored']),
      problems: r['problems'] ? (JSON.parse(String(r['problems'])) as string[]) : [],
    }));
  }
}
