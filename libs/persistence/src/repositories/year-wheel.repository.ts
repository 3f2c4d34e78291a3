import type { DataSource, EntityManager } from 'typeorm';

/** One edited line of a budget year's wheel; `period` is null for non-periodic keys. */
export interface YearWheelOverride {
  year: number;
  key: string;
  period: string | null;
  /** 'YYYY-MM-DD', or null for a line timed relative to its trigger. */
  date: string | null;
  relativeDays: number | null;
  revision: number;
}

function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** The municipality's edits of the year wheel, on top of the source's default wheel. */
export class YearWheelRepository {
  constructor(private readonly ds: DataSource) {}

  async overrides(year: number, m: EntityManager = this.ds.manager): Promise<YearWheelOverride[]> {
    // DATE_FORMAT keeps the day as the calendar day, whatever the connection's time zone.
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT year, entry_key AS \`key\`, period, DATE_FORMAT(due_date, '%Y-%m-%d') AS date,
              relative_days AS relativeDays, revision
         FROM year_wheel_entry WHERE year = ? ORDER BY entry_key, period`,
      [year],
    );
    return rows.map((r) => ({
      year: Number(r['year']),
      key: String(r['key']),
      period: r['period'] ? String(r['period']) : null,
      date: toIsoDate(r['date']),
      relativeDays: r['relativeDays'] === null ? null : Number(r['relativeDays']),
      revision: Number(r['revision']),
    }));
  }

  /** Inserts or replaces one line and returns its new revision (1 for the first edit). */
  async upsert(
    o: Omit<YearWheelOverride, 'revision'> & { updatedByUserId: string | null },
    m: EntityManager,
  ): Promise<number> {
    await m.query(
      `INSERT INTO year_wheel_entry (year, entry_key, period, due_date, relative_days, revision, updated_by_user_id)
       VALUES (?, ?, ?, ?, ?, 1, ?)
       ON DUPLICATE KEY UPDATE due_date = VALUES(due_date), relative_days = VALUES(relative_days),
         revision = revision + 1, updated_by_user_id = VALUES(updated_by_user_id)`,
      [o.year, o.key, o.period ?? '', o.date, o.relativeDays, o.updatedByUserId],
    );
    const [row] = await m.query(
      'SELECT revision FROM year_wheel_entry WHERE year = ? AND entry_key = ? AND period = ?',
      [o.year, o.key, o.period ?? ''],
    );
    return Number(row.revision);
  }
}
