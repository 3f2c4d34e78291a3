import { kronorNumberToOre, parseImportPeriod, swedishAmountToOre } from './amounts';

/**
 * CSV and Excel exports: one row per period, responsibility code and account, with the period's
 * budget and outcome. Which column holds what is the administrator's column mapping, saved once
 * (the headings of the export's first row, compared without case and surrounding spaces).
 */
export interface ColumnMapping {
  period: string;
  code: string;
  /** Null when the export has no account column: then every row counts as net cost. */
  account: string | null;
  budget: string;
  outcome: string;
}

export const DEFAULT_COLUMN_MAPPING: ColumnMapping = {
  period: 'Period',
  code: 'Ansvar',
  account: 'Konto',
  budget: 'Budget',
  outcome: 'Utfall',
};

export interface TableRow {
  line: number;
  year: number;
  month: number;
  code: string;
  account: string | null;
  budgetOre: number;
  outcomeOre: number;
}

type Cell = string | number | boolean | Date | null | undefined;

const FIELD_LABELS: Record<keyof ColumnMapping, string> = {
  period: 'period',
  code: 'ansvarskod',
  account: 'konto',
  budget: 'budget',
  outcome: 'utfall',
};

/** Splits one CSV line on `delimiter`, with `"…"` quoting (`""` a quote); a reason when a quote is open. */
export function splitCsvLine(text: string, delimiter: string): string[] | string {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += c;
    i++;
  }
  if (quoted) return 'Ett citattecken (") stängs aldrig på raden.';
  cells.push(cell);
  return cells;
}

/** Swedish exports separate with `;` (the comma is the decimal sign); else `,` or a tab. */
export function detectDelimiter(headerLine: string): string {
  const counts = [';', '\t', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

const cellText = (c: Cell): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

/** Reads the header row, then each data row into a TableRow or an error with its line number. */
export class TableReader {
  private columns: Record<keyof ColumnMapping, number | null> | null = null;
  /** The header row was read and lacked columns: that is the file's one error, the rows are not read. */
  private headerFailed = false;
  readonly errors: { line: number; reason: string }[] = [];
  linesRead = 0;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly onRow: (row: TableRow) => void,
  ) {}

  get hasHeader(): boolean {
    return this.columns !== null;
  }

  /** A row of cells (CSV: texts; Excel: the cells' values), numbered from 1 as in the file. */
  row(cells: readonly Cell[], line: number): void {
    this.linesRead++;
    if (this.headerFailed || cells.every((c) => cellText(c) === '')) return;
    if (!this.columns) return this.header(cells, line);
    const get = (field: keyof ColumnMapping): Cell => {
      const index = this.columns?.[field];
      return index === null || index === undefined ? undefined : cells[index];
    };
    const periodCell = get('period');
    const at =
      periodCell instanceof Date
        ? { year: periodCell.getUTCFullYear(), month: periodCell.getUTCMonth() + 1 }
        : parseImportPeriod(cellText(periodCell));
    if (!at)
      return this.error(line, `Perioden "${cellText(periodCell)}" är ingen månad (ÅÅÅÅ-MM eller ÅÅÅÅMM).`);
    const code = cellText(get('code'));
    if (!code) return this.error(line, 'Ansvarskoden saknas.');
    let account: string | null = null;
    if (this.columns.account !== null) {
      account = cellText(get('account'));
      if (!/^\d{1,10}$/.test(account)) return this.error(line, `Kontot "${account}" är inget kontonummer.`);
    }
    const amounts: number[] = [];
    for (const field of ['budget', 'outcome'] as const) {
      const c = get(field);
      const ore = typeof c === 'number' ? kronorNumberToOre(c) : swedishAmountToOre(cellText(c));
      if (ore === undefined)
        return this.error(
          line,
          `${field === 'budget' ? 'Budgeten' : 'Utfallet'} "${cellText(c)}" är inget belopp (t.ex. 1 234 567,89).`,
        );
      amounts.push(ore);
    }
    this.onRow({
      line,
      year: at.year,
      month: at.month,
      code,
      account,
      budgetOre: amounts[0] as number,
      outcomeOre: amounts[1] as number,
    });
  }

  /** After the last row: a file without its header row is an error. */
  finish(): void {
    if (!this.columns && !this.headerFailed) this.error(1, 'Filen saknar rubrikraden med kolumnerna.');
  }

  private header(cells: readonly Cell[], line: number): void {
    const headings = cells.map((c) =>
      cellText(c)
        .replace(/^\ufeff/, '')
        .toLowerCase(),
    );
    const indexOf = (name: string | null) =>
      name === null ? null : headings.indexOf(name.trim().toLowerCase());
    const columns = {} as Record<keyof ColumnMapping, number | null>;
    const missing: string[] = [];
    for (const field of Object.keys(FIELD_LABELS) as (keyof ColumnMapping)[]) {
      const index = indexOf(this.mapping[field]);
      if (index === -1) missing.push(`${FIELD_LABELS[field]} ("${this.mapping[field]}")`);
      columns[field] = index === -1 ? null : index;
    }
    if (missing.length) {
      this.headerFailed = true;
      return this.error(
        line,
        `Rubrikraden saknar kolumnerna för ${missing.join(', ')} enligt den sparade kolumnmappningen.`,
      );
    }
    this.columns = columns;
  }

  private error(line: number, reason: string): void {
    this.errors.push({ line, reason });
  }
}
