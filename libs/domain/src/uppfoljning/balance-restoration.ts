import { balanceRecoveryDeadlineYear } from './balance-requirement';
import { kronorText } from './kronor-text';

/**
 * Restoring a negative balance-requirement result (kommunallagen 11 kap. 12 §): KF's särskild
 * åtgärdsplan says how much of the deficit is restored in each of the three following years, and
 * each following year's annual report shows how much was. Amounts are whole kronor.
 */
export interface RestorationPlanYear {
  year: number;
  /** Kronor of the deficit planned to be restored that year (≥ 0). */
  amount: number;
}

export interface RestorationFieldError {
  pointer: string;
  message: string;
}

/** The years in which a deficit of `deficitYear` is to be restored: the three following. */
export function restorationYears(deficitYear: number): number[] {
  return [deficitYear + 1, deficitYear + 2, deficitYear + 3];
}

/**
 * Field errors of a restoration plan (`[{ ar, belopp }]` in the åtgärdsplan's form, at `base`):
 * at least one year; each year one of the three after the deficit's, and named once; each amount
 * whole kronor, not negative; together at least the deficit. [] when the plan holds.
 */
export function restorationPlanErrors(input: {
  /** The deficit to restore, in kronor (its sign does not matter). */
  deficit: number;
  deficitYear: number;
  plan: unknown;
  base?: string;
}): RestorationFieldError[] {
  const base = input.base ?? '/aterstallande';
  const deficit = Math.abs(input.deficit);
  const years = restorationYears(input.deficitYear);
  if (!Array.isArray(input.plan) || input.plan.length === 0)
    return [
      {
        pointer: base,
        message: `Ange hur underskottet på ${kronorText(deficit)} återställs år för år (${years[0]}–${years[2]}).`,
      },
    ];
  const errors: RestorationFieldError[] = [];
  const seen = new Set<number>();
  let sum = 0;
  input.plan.forEach((row: unknown, i) => {
    const r = (row && typeof row === 'object' ? row : {}) as { ar?: unknown; belopp?: unknown };
    if (!Number.isInteger(r.ar) || !years.includes(r.ar as number))
      errors.push({
        pointer: `${base}/${i}/ar`,
        message: `Välj ett av de tre år som följer på ${input.deficitYear} (${years[0]}–${years[2]}).`,
      });
    else if (seen.has(r.ar as number))
      errors.push({ pointer: `${base}/${i}/ar`, message: 'Året finns redan i planen.' });
    else seen.add(r.ar as number);
    if (!Number.isSafeInteger(r.belopp) || (r.belopp as number) < 0)
      errors.push({ pointer: `${base}/${i}/belopp`, message: 'Ange ett belopp i hela kronor, minst 0.' });
    else sum += r.belopp as number;
  });
  if (!errors.length && sum < deficit)
    errors.push({
      pointer: base,
      message: `Planen återställer ${kronorText(sum)} men underskottet är ${kronorText(deficit)}: beloppen ska tillsammans vara minst underskottet.`,
    });
  return errors;
}

/** Reads a plan's restoration years as stored in the form; anything malformed is left out. */
export function readRestorationPlan(plan: unknown): RestorationPlanYear[] {
  if (!Array.isArray(plan)) return [];
  return plan
    .map((r) => (r && typeof r === 'object' ? (r as { ar?: unknown; belopp?: unknown }) : {}))
    .filter((r) => Number.isInteger(r.ar) && Number.isSafeInteger(r.belopp) && (r.belopp as number) >= 0)
    .map((r) => ({ year: r.ar as number, amount: r.belopp as number }));
}

export interface RestorationInput {
  /** The deficit in kronor (its sign does not matter). */
  deficit: number;
  deficitYear: number;
  /** The adopted plan. Empty: read as the whole deficit in the last year the law allows. */
  planned: readonly RestorationPlanYear[];
  /** Balance-requirement results of the following years' annual reports. */
  reported: readonly { year: number; balanceResult: number }[];
}

export interface RestorationYearStatus {
  year: number;
  planned: number;
  /** The year's balance-requirement result; null until its annual report is in. */
  balanceResult: number | null;
  /** What the year restored: its positive result, at most what was left; null until reported. */
  achieved: number | null;
  /** Planned so far (never more than the deficit) and restored so far, this year included. */
  plannedToDate: number;
  achievedToDate: number;
  /** Reported, the deficit not yet restored, and less restored so far than the plan said. */
  behindPlan: boolean;
}

export interface RestorationStatus {
  deficit: number;
  restored: number;
  remaining: number;
  deadlineYear: number;
  fullyRestored: boolean;
  years: RestorationYearStatus[];
}

/**
 * Follows the restoration against the plan, year by year from the first year after the deficit
 * to the last planned or reported year. A year restores what its balance-requirement result is
 * above zero (a negative year restores nothing; its own deficit is a matter of its own), never
 * more than is left. A reported year is behind the plan when the deficit is not yet restored and
 * less has been restored so far than planned so far: being ahead one year carries into the next.
 */
export function followRestoration(input: RestorationInput): RestorationStatus {
  const deficit = Math.abs(input.deficit);
  const deadlineYear = balanceRecoveryDeadlineYear(input.deficitYear);
  const planned = input.planned.length ? input.planned : [{ year: deadlineYear, amount: deficit }];
  const later = (y: number) => y > input.deficitYear;
  const last = Math.max(
    input.deficitYear + 1,
    ...planned.map((p) => p.year).filter(later),
    ...input.reported.map((r) => r.year).filter(later),
  );
  const years: RestorationYearStatus[] = [];
  let plannedToDate = 0;
  let achievedToDate = 0;
  for (let year = input.deficitYear + 1; year <= last; year++) {
    const plannedThisYear = planned.filter((p) => p.year === year).reduce((s, p) => s + p.amount, 0);
    plannedToDate = Math.min(deficit, plannedToDate + plannedThisYear);
    const report = input.reported.find((r) => r.year === year);
    const achieved = report ? Math.min(Math.max(0, report.balanceResult), deficit - achievedToDate) : null;
    achievedToDate += achieved ?? 0;
    years.push({
      year,
      planned: plannedThisYear,
      balanceResult: report ? report.balanceResult : null,
      achieved,
      plannedToDate,
      achievedToDate,
      behindPlan: report !== undefined && achievedToDate < deficit && achievedToDate < plannedToDate,
    });
  }
  return {
    deficit,
    restored: achievedToDate,
    remaining: deficit - achievedToDate,
    deadlineYear,
    fullyRestored: achievedToDate >= deficit,
    years,
  };
}

/** One year as it is stored: the plan's amount (0 when unplanned) and the reported result. */
export interface RestorationYearRecord {
  year: number;
  planned: number;
  balanceResult: number | null;
}

/** `followRestoration` over stored years, one record a year. */
export function followRestorationOf(
  deficit: number,
  deficitYear: number,
  years: readonly RestorationYearRecord[],
): RestorationStatus {
  return followRestoration({
    deficit,
    deficitYear,
    planned: years.filter((r) => r.planned > 0).map((r) => ({ year: r.year, amount: r.planned })),
    reported: years.flatMap((r) =>
      r.balanceResult === null ? [] : [{ year: r.year, balanceResult: r.balanceResult }],
    ),
  });
}
