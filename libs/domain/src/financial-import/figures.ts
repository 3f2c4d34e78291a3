import { isNetCostAccount, type AccountRange } from './responsibility-mapping';

/** Budget and outcome of one responsibility code in one month, öre of net cost (a cost positive). */
export interface MonthFigure {
  year: number;
  month: number;
  code: string;
  budgetOre: number;
  outcomeOre: number;
}

export interface LineError {
  line: number;
  reason: string;
}

/**
 * Sums the lines of one file by (year, month, code), keeping only net-cost accounts. A line's
 * amount is taken as the ledger gives it (debit positive), which is net cost: a cost positive, an
 * income negative (docs/financial-control.md).
 */
export class FigureAccumulator {
  private readonly byKey = new Map<string, MonthFigure>();
  readonly codes = new Set<string>();
  imported = 0;
  skipped = 0;

  constructor(private readonly netCostAccounts: readonly AccountRange[]) {}

  /** One line's amount: true when it counts (its account is net cost), false when skipped. */
  add(
    kind: 'budget' | 'outcome',
    at: { year: number; month: number },
    code: string,
    account: string | null,
    amountOre: number,
  ): boolean {
    if (account !== null && !isNetCostAccount(account, this.netCostAccounts)) {
      this.skipped++;
      return false;
    }
    const key = `${at.year}-${at.month}-${code}`;
    let f = this.byKey.get(key);
    if (!f) {
      f = { year: at.year, month: at.month, code, budgetOre: 0, outcomeOre: 0 };
      this.byKey.set(key, f);
    }
    if (kind === 'budget') f.budgetOre += amountOre;
    else f.outcomeOre += amountOre;
    this.codes.add(code);
    this.imported++;
    return true;
  }

  /** A CSV or Excel row: its budget and its outcome, counted as one line. */
  addRow(
    at: { year: number; month: number },
    code: string,
    account: string | null,
    budgetOre: number,
    outcomeOre: number,
  ): boolean {
    if (!this.add('budget', at, code, account, budgetOre)) return false;
    this.add('outcome', at, code, account, outcomeOre);
    this.imported--;
    return true;
  }

  skip(): void {
    this.skipped++;
  }

  figures(): MonthFigure[] {
    return [...this.byKey.values()].sort(
      (a, b) => a.year - b.year || a.month - b.month || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  }

  /** The months the file has figures for (each `{ year, month }` once), in order. */
  months(): { year: number; month: number }[] {
    const seen = new Map<string, { year: number; month: number }>();
    for (const f of this.byKey.values()) seen.set(`${f.year}-${f.month}`, { year: f.year, month: f.month });
    return [...seen.values()].sort((a, b) => a.year - b.year || a.month - b.month);
  }

  totals(): { budgetOre: number; outcomeOre: number } {
    let budgetOre = 0;
    let outcomeOre = 0;
    for (const f of this.byKey.values()) {
      budgetOre += f.budgetOre;
      outcomeOre += f.outcomeOre;
    }
    return { budgetOre, outcomeOre };
  }
}

/**
 * A report's figures from the stored months of its year: `periodbudget` and `utfall` from January
 * to `month` inclusive, the budget of the whole year beside them (to compare with KF's frame), over
 * the codes `counts` accepts (those mapped to the nämnd's units).
 */
export function yearToDate(
  figures: readonly MonthFigure[],
  month: number,
  counts: (code: string) => boolean,
): { periodbudgetOre: number; utfallOre: number; yearBudgetOre: number; codes: number } {
  let periodbudgetOre = 0;
  let utfallOre = 0;
  let yearBudgetOre = 0;
  const codes = new Set<string>();
  for (const f of figures) {
    if (!counts(f.code)) continue;
    codes.add(f.code);
    yearBudgetOre += f.budgetOre;
    if (f.month <= month) {
      periodbudgetOre += f.budgetOre;
      utfallOre += f.outcomeOre;
    }
  }
  return { periodbudgetOre, utfallOre, yearBudgetOre, codes: codes.size };
}
