import { followUpFinancialGoals, type FinancialGoal, type FinancialGoalFollowUp } from './financial-goals';

/**
 * The municipality's interim report and årsredovisning are compiled by KS (the finance
 * department) from the nämnder's and bolagens reports of the same period (§5.4.1). Amounts are
 * whole kronor of net cost (a cost positive, a net income negative); a budget deviation is
 * arsbudget − prognos (negative: a forecast overrun), a period deviation periodbudget − utfall.
 */
export interface ReportEkonomi {
  arsbudget: number | null;
  periodbudget: number | null;
  utfall: number | null;
  prognos: number | null;
}

export interface UnitReportFigures {
  orgUnitId: string;
  code: string;
  name: string;
  documentId: string;
  /** The report's step (e.g. "ks_treatment"), so a reader sees how far it has come. */
  state: string;
  ekonomi: ReportEkonomi;
}

export interface UnitDeviation extends UnitReportFigures {
  budgetavvikelse: number | null;
  periodavvikelse: number | null;
}

export interface MunicipalCompilation {
  units: UnitDeviation[];
  /** Sums over the units that reported the figure; null when none did. */
  total: ReportEkonomi & { budgetavvikelse: number | null; periodavvikelse: number | null };
  finansiellaMal: FinancialGoalFollowUp[];
  malGodEkonomiskHushallning: FinancialGoalFollowUp[];
}

const int = (v: unknown): number | null => (Number.isSafeInteger(v) ? (v as number) : null);

/**
 * A report's `ekonomi` as stored. The year-end report (verksamhetsberättelse) carries
 * `{ arsbudget, utfall }` and no forecast: its outcome is the full year, so `prognos` reads its
 * `utfall` and `periodbudget` its `arsbudget`. Year-end reports stored before #15 name the annual
 * budget `budget` (until the ekonomi-nettokostnad data migration moves them): still read.
 */
export function readReportEkonomi(value: unknown, yearEnd = false): ReportEkonomi {
  const e = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const arsbudget = int(e['arsbudget']) ?? int(e['budget']);
  const utfall = int(e['utfall']);
  return {
    arsbudget,
    periodbudget: int(e['periodbudget']) ?? (yearEnd ? arsbudget : null),
    utfall,
    prognos: int(e['prognos']) ?? (yearEnd ? utfall : null),
  };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((s, v) => s + v, 0) : null;
}

/** Every unit's deviation, the sums, and KF's goals followed up with traffic lights. */
export function compileMunicipalReport(input: {
  units: readonly UnitReportFigures[];
  finansiellaMal: readonly FinancialGoal[];
  malGodEkonomiskHushallning: readonly FinancialGoal[];
  /** The indicators' outcomes as the finance department states them in the report. */
  outcomes: readonly { indikator: string; utfall: number | null }[];
}): MunicipalCompilation {
  const units = [...input.units]
    .sort((a, b) => a.code.localeCompare(b.code, 'sv'))
    .map((u) => ({
      ...u,
      budgetavvikelse: minus(u.ekonomi.arsbudget, u.ekonomi.prognos),
      periodavvikelse: minus(u.ekonomi.periodbudget, u.ekonomi.utfall),
    }));
  const field = (k: keyof ReportEkonomi) => sum(units.map((u) => u.ekonomi[k]));
  return {
    units,
    total: {
      arsbudget: field('arsbudget'),
      periodbudget: field('periodbudget'),
      utfall: field('utfall'),
      prognos: field('prognos'),
      budgetavvikelse: sum(units.map((u) => u.budgetavvikelse)),
      periodavvikelse: sum(units.map((u) => u.periodavvikelse)),
    },
    finansiellaMal: followUpFinancialGoals(input.finansiellaMal, input.outcomes),
    malGodEkonomiskHushallning: followUpFinancialGoals(input.malGodEkonomiskHushallning, input.outcomes),
  };
}
