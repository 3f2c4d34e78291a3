import type { DataSource } from 'typeorm';
import {
  indicatorFulfilment,
  mandateSpan,
  resultDay,
  rollUpGoalFulfilment,
  type AreaRollUp,
  type GoalColour,
  type RollUpGoal,
} from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';

/** The municipality's goal fulfilment at year end, as the årsredovisning shows it (#16). */
export interface MunicipalGoalFulfilment {
  /** One row per strategic area of the mandate period, then "Övriga mål". */
  omraden: AreaRollUp[];
  /** The kommunledningsgrupp's analysis, as written in the årsredovisning; null until written. */
  analys: string | null;
}

type Row = { id: string; type: string; orgUnitId: string; name: string; data: unknown };
const arr = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];

/**
 * Every nämnd's nämndmål of the year (its Mål och budget) with each indicator's colour at year
 * end: the outcome its submitted verksamhetsberättelse states, measured against the straight
 * line from start value to target over the mandate period (indicatorFulfilment, as the red
 * thread and the goal escalation measure it), rolled up per strategic area (rollUpGoalFulfilment).
 */
export async function goalFulfilmentByArea(
  ds: DataSource,
  year: number,
  analysis: unknown,
): Promise<MunicipalGoalFulfilment> {
  const [period] = await ds.query(
    `SELECT id, start_year AS startYear, end_year AS endYear FROM mandate_period
      WHERE start_year <= ? AND end_year >= ? ORDER BY start_year DESC LIMIT 1`,
    [year, year],
  );
  const areas: { name: string }[] = period
    ? await ds.query(
        'SELECT name FROM strategic_area WHERE mandate_period_id = ? ORDER BY sort_order, name',
        [period.id],
      )
    : [];
  const docs: Row[] = await ds.query(
    `SELECT d.id, d.type, d.org_unit_id AS orgUnitId, u.name, d.data FROM document d
       JOIN org_unit u ON u.id = d.org_unit_id
      WHERE d.year = ? AND (d.type = 'mal-och-budget' OR (d.type = 'verksamhetsberattelse' AND d.submitted_at IS NOT NULL))
      ORDER BY u.code`,
    [year],
  );
  const span = mandateSpan(
    period ? { startYear: Number(period.startYear), endYear: Number(period.endYear) } : null,
    year,
  );
  const at = resultDay('verksamhetsberattelse', year) ?? `${year}-12-31`;
  const goals: RollUpGoal[] = docs
    .filter((d) => d.type === 'mal-och-budget')
    .flatMap((mob) => {
      const results = docs
        .filter((d) => d.type === 'verksamhetsberattelse' && String(d.orgUnitId) === String(mob.orgUnitId))
        .flatMap((d) => arr((fromJsonColumn<Record<string, unknown>>(d.data) ?? {})['maluppfyllelse']));
      return arr((fromJsonColumn<Record<string, unknown>>(mob.data) ?? {})['namndmal']).map((g) => {
        const id = String(g['id'] ?? '');
        return {
          namndId: String(mob.orgUnitId),
          namnd: String(mob.name),
          id,
          titel: String(g['titel'] ?? ''),
          strategisktOmrade: String(g['strategisktOmrade'] ?? ''),
          indikatorer: arr(g['indikatorer']).map((ind) => {
            const r = results.find((x) => x['namndmalId'] === id && x['indikator'] === ind['namn']);
            const colour: GoalColour | null =
              r && typeof r['utfall'] === 'number'
                ? (indicatorFulfilment(
                    {
                      ingangsvarde: ind['ingangsvarde'] as number | undefined,
                      malniva: ind['malniva'] as number | undefined,
                      matdatum: ind['matdatum'] as string | undefined,
                    },
                    r['utfall'],
                    at,
                    span,
                  )?.colour ?? null)
                : null;
            return { namn: String(ind['namn'] ?? ''), colour };
          }),
        };
      });
    });
  return {
    omraden: rollUpGoalFulfilment(
      areas.map((a) => String(a.name)),
      goals,
    ),
    analys: typeof analysis === 'string' && analysis.trim() ? analysis : null,
  };
}
