import type { DataSource, EntityManager } from 'typeorm';
import {
  defaultYearWheel,
  dueInstant,
  monthlyReportLine,
  parseMonthPeriod,
  sortYearWheel,
  type YearWheelEntry,
  type YearWheelOptions,
} from '@rodtrad/domain';
import {
  OutboxRepository,
  WorkflowDefinitionRepository,
  YearWheelRepository,
  type YearWheelOverride,
} from '@rodtrad/persistence';
import { statesOf, type WorkflowDefinition } from '@rodtrad/workflow';
import { dueAtFromWheel } from './year-wheel-due';

/** Outbox effect written when a wheel date moves; the deadline worker reschedules its jobs. */
export const RESCHEDULE_DEADLINES_EFFECT = 'rescheduleDeadlines';

/**
 * The default wheel with the municipality's edits laid over it. An edit names a line by key and
 * period; edits of other lines the default does not have are ignored (the wheel's shape is the
 * source's), except the monthly reports, whose periods are the municipality's to choose (§6.1):
 * an edit of a month the default lacks adds that month's report, and an edit with neither a date
 * nor relative days removes the month's report from the wheel.
 */
export function applyWheelOverrides(
  defaults: readonly YearWheelEntry[],
  overrides: readonly Pick<YearWheelOverride, 'key' | 'period' | 'date' | 'relativeDays'>[],
): YearWheelEntry[] {
  const byLine = new Map(overrides.map((o) => [`${o.key}|${o.period ?? ''}`, o]));
  const monthly = (o: { key: string; period: string | null }) =>
    o.key === 'manadsrapport' && o.period !== null && parseMonthPeriod(o.period) !== undefined;
  const removed = (o: { date: string | null; relativeDays: number | null }) =>
    o.date === null && o.relativeDays === null;
  // A month key carries its budget year ('2027-05').
  const line = (o: { period: string | null; date: string | null }) =>
    monthlyReportLine(Number((o.period as string).slice(0, 4)), o.period as string, o.date as string);
  const edited = defaults.flatMap((entry): YearWheelEntry[] => {
    const o = byLine.get(`${entry.key}|${entry.period ?? ''}`);
    if (!o) return [entry];
    if (monthly(o)) return removed(o) ? [] : [line(o)];
    const moved: YearWheelEntry = { ...entry, date: o.date };
    if (o.relativeDays !== null) moved.relativeDays = o.relativeDays;
    else delete moved.relativeDays;
    return [moved];
  });
  const known = new Set(defaults.map((e) => `${e.key}|${e.period ?? ''}`));
  const added = overrides
    .filter((o) => monthly(o) && !removed(o) && o.date !== null && !known.has(`${o.key}|${o.period}`))
    .map(line);
  return sortYearWheel([...edited, ...added]);
}

/** States of a definition whose deadline is the wheel key (e.g. draft and review of enhetsplan). */
export function statesWithDeadline(definition: WorkflowDefinition, key: string): string[] {
  return Object.entries(statesOf(definition))
    .filter(([, s]) => (s?.meta as { deadline?: { key?: string } } | undefined)?.deadline?.key === key)
    .map(([name]) => name);
}

export interface WheelDateMove {
  year: number;
  key: string;
  period: string | null;
  /** The new line as it reads after the edit. */
  entry: YearWheelEntry;
  /** Edit number of the line, part of the outbox dedupe key. */
  revision: number;
}

/**
 * The year wheel as the municipality edited it, read from the database (a primary-key range
 * read) unless the caller shows, by the revision it read with the document, that the wheel read
 * last is still current; so the API and the worker never disagree about a date.
 */
export class MunicipalYearWheel {
  readonly overrides: YearWheelRepository;
  private readonly definitions: WorkflowDefinitionRepository;
  private readonly outbox: OutboxRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly options: YearWheelOptions = {},
  ) {
    this.overrides = new YearWheelRepository(ds);
    this.definitions = new WorkflowDefinitionRepository(ds);
    this.outbox = new OutboxRepository(ds);
  }

  private readonly defaultWheels = new Map<number, readonly YearWheelEntry[]>();

  /** The source's wheel for the year; it never changes, so it is built once per year. */
  defaults(year: number): readonly YearWheelEntry[] {
    let wheel = this.defaultWheels.get(year);
    if (!wheel) this.defaultWheels.set(year, (wheel = defaultYearWheel(year, this.options)));
    return wheel;
  }

  async wheel(year: number, m?: EntityManager): Promise<YearWheelEntry[]> {
    return applyWheelOverrides(this.defaults(year), await this.overrides.overrides(year, m));
  }

  /** The last wheel read per year, under the revision its reader saw (DocumentRow.wheelRevision). */
  private readonly byRevision = new Map<number, { revision: string; wheel: YearWheelEntry[] }>();

  /**
   * The engine's `dueAt` port over the edited wheel. With the `wheelRevision` read together with
   * the document, the wheel is read again only when an edit changed that revision.
   */
  readonly dueAt = async (
    key: string,
    year: number,
    period: string | null,
    createdAt: Date,
    wheelRevision?: string,
  ): Promise<Date | null> => {
    const hit = this.byRevision.get(year);
    if (wheelRevision !== undefined && hit?.revision === wheelRevision)
      return dueAtFromWheel(hit.wheel, key, period, createdAt);
    const wheel = await this.wheel(year);
    // Read after the revision was, so never older than it.
    if (wheelRevision !== undefined) this.byRevision.set(year, { revision: wheelRevision, wheel });
    return dueAtFromWheel(wheel, key, period, createdAt);
  };

  /**
   * After a line moved (inside the caller's transaction): documents of that year whose current
   * step's deadline uses the key get the new `due_at`, and one `rescheduleDeadlines` outbox row
   * tells the deadline worker to move its jobs. Returns how many documents changed.
   */
  async applyMove(move: WheelDateMove, m: EntityManager, now = new Date()): Promise<number> {
    const wheel = await this.wheel(move.year, m);
    const periodic = wheel.filter((e) => e.key === move.key).length > 1;
    const defs: { definitionId: string }[] = await m.query(
      `SELECT DISTINCT definition_id AS definitionId FROM document
        WHERE year = ? AND final = 0 AND due_at IS NOT NULL${periodic ? ' AND period = ?' : ''}`,
      periodic ? [move.year, move.period ?? ''] : [move.year],
    );
    let changed = 0;
    for (const { definitionId } of defs) {
      const stored = await this.definitions.get<WorkflowDefinition, unknown>(definitionId);
      const states = stored ? statesWithDeadline(stored.definition, move.key) : [];
      if (!states.length) continue;
      const where = `year = ? AND final = 0 AND definition_id = ? AND state IN (${states.map(() => '?').join(',')})${
        periodic ? ' AND period = ?' : ''
      }`;
      const params = [move.year, definitionId, ...states, ...(periodic ? [move.period ?? ''] : [])];
      if (move.entry.date) {
        const due = dueInstant(move.entry.date);
        const res = await m.query(
          `UPDATE document SET due_at = ?, overdue = IF(? > ?, 0, overdue) WHERE ${where}`,
          [due, due, now, ...params],
        );
        changed += Number(res.affectedRows ?? 0);
      } else {
        // Relative lines (åtgärdsplan) count from each document's own start.
        const rows: { id: string; createdAt: Date }[] = await m.query(
          `SELECT id, created_at AS createdAt FROM document WHERE ${where}`,
          params,
        );
        for (const r of rows) {
          const due = dueAtFromWheel(wheel, move.key, move.period, new Date(r.createdAt));
          await m.query('UPDATE document SET due_at = ?, overdue = IF(? > ?, 0, overdue) WHERE id = ?', [
            due,
            due,
            now,
            r.id,
          ]);
          changed++;
        }
      }
    }
    await this.outbox.add(
      [
        {
          documentId: null,
          effectType: RESCHEDULE_DEADLINES_EFFECT,
          payload: { key: move.key, year: move.year, period: move.period },
          dedupeKey: `wheel__${move.year}__${move.key}__${move.period ?? '-'}__r${move.revision}`,
        },
      ],
      m,
    );
    return changed;
  }
}
