import { assertKronor, isSignificantDeficit } from './budget-deviation';

/**
 * One decided investment project in a report (`investeringar[]`), in whole kronor of expenditure
 * (positive): the project's budget for the year, the outcome so far and the forecast for the year.
 */
export interface Investering {
  projekt: string;
  budget: number;
  utfall: number;
  prognos: number;
}

export interface InvestmentTotals {
  budget: number;
  utfall: number;
  prognos: number;
  /** budget − prognos: negative means the projects are forecast to cost more (an overrun). */
  avvikelse: number;
}

/**
 * Default limit of a significant investment deviation: 5 % of the year's investment budget (the
 * projects' budgets summed). Investment budgets are smaller and lumpier than running costs, so a
 * share of the running frame would never trigger; configurable per nämnd like the budget limit.
 */
export const DEFAULT_INVESTMENT_DEVIATION_SHARE = 0.05;

/** The projects summed; the deviation of the total is budget − prognos. */
export function investmentTotals(projects: readonly Investering[]): InvestmentTotals {
  const sum = (k: 'budget' | 'utfall' | 'prognos') =>
    projects.reduce((acc, p, i) => {
      assertKronor(`investeringar/${i}/${k}`, p[k]);
      return acc + p[k];
    }, 0);
  const budget = sum('budget');
  const prognos = sum('prognos');
  return { budget, utfall: sum('utfall'), prognos, avvikelse: budget - prognos };
}

/** Projects forecast over their budget, the largest overrun first. */
export function overrunProjects(projects: readonly Investering[]): (Investering & { avvikelse: number })[] {
  return projects
    .map((p) => ({ ...p, avvikelse: p.budget - p.prognos }))
    .filter((p) => p.avvikelse < 0)
    .sort((a, b) => a.avvikelse - b.avvikelse);
}

/** An overrun of the total investment forecast of at least the threshold (≥, "minst"). */
export function isSignificantInvestmentDeviation(
  projects: readonly Investering[],
  threshold: number,
): boolean {
  return projects.length > 0 && isSignificantDeficit(investmentTotals(projects).avvikelse, threshold);
}

/** The `investeringar` list as stored, keeping only rows with whole-kronor figures. */
export function readInvesteringar(value: unknown): Investering[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    if (!row || typeof row !== 'object') return [];
    const r = row as Record<string, unknown>;
    if (!['budget', 'utfall', 'prognos'].every((k) => Number.isSafeInteger(r[k]))) return [];
    return [
      {
        projekt: typeof r['projekt'] === 'string' ? r['projekt'] : '',
        budget: Number(r['budget']),
        utfall: Number(r['utfall']),
        prognos: Number(r['prognos']),
      },
    ];
  });
}
