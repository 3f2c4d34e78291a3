import { DomainError } from '../domain-error';
import { DOCUMENT_TYPES, DocumentTypeKey } from './document-types';

/** One monthly report of the year wheel: the month it reports and the month KS treats it in. */
export interface MonthlyReportPeriod {
  /** The month reported on (1–12). */
  month: number;
  /** The month (1–12, after `month`, in the budget year) in which KS treats the report. */
  ksMonth: number;
}

/**
 * The monthly reports of §6.1's year wheel: KS treats the reports of February in March, March in
 * April, July in September, September in October, October in November and November in December.
 * There is none for January, April (the tertial report), May, June, August (the interim report)
 * or December (the verksamhetsberättelse). §5.4.2's wording ("every month except January, April,
 * June, July and August") disagrees on May and July; the wheel, which names the KS meetings, wins
 * (docs/financial-control.md). The municipality's registrar may change the list.
 */
export const MANADSRAPPORT_PERIODS: readonly MonthlyReportPeriod[] = [
  { month: 2, ksMonth: 3 },
  { month: 3, ksMonth: 4 },
  { month: 7, ksMonth: 9 },
  { month: 9, ksMonth: 10 },
  { month: 10, ksMonth: 11 },
  { month: 11, ksMonth: 12 },
];

/** Months (1–12) with a månadsrapport to KS by default. */
export const MANADSRAPPORT_MONTHS: readonly number[] = MANADSRAPPORT_PERIODS.map((p) => p.month);

/**
 * Problems of a list of monthly report periods, as `{ pointer, message }` under `base`, Swedish:
 * each month 1–12 once, each KS month after its month within the budget year. [] when valid.
 */
export function monthlyPeriodProblems(
  periods: readonly MonthlyReportPeriod[],
  base = '/periods',
): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  const seen = new Set<number>();
  periods.forEach((p, i) => {
    if (!Number.isInteger(p.month) || p.month < 1 || p.month > 12)
      problems.push({ pointer: `${base}/${i}/month`, message: 'Ange en månad 1–12.' });
    else if (seen.has(p.month))
      problems.push({ pointer: `${base}/${i}/month`, message: 'Månaden finns redan i listan.' });
    else seen.add(p.month);
    if (!Number.isInteger(p.ksMonth) || p.ksMonth < 1 || p.ksMonth > 12 || p.ksMonth <= p.month)
      problems.push({
        pointer: `${base}/${i}/ksMonth`,
        message: 'Kommunstyrelsen behandlar rapporten en senare månad samma budgetår (2–12).',
      });
  });
  return problems;
}

/** The month KS treats the report of `month` in: the given list's, else the month after. */
export function ksMonthOf(
  month: number,
  periods: readonly MonthlyReportPeriod[] = MANADSRAPPORT_PERIODS,
): number {
  return periods.find((p) => p.month === month)?.ksMonth ?? month + 1;
}

export const SWEDISH_MONTHS: readonly string[] = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** Tertial 1 is January–April (ends 30/4); the interim period ends 31/7 (§5.4.1). */
export const TERTIAL_PERIOD = 'T1';
export const DELARS_PERIOD = 'D1';
/** A company's report to KS after the year end (bolagsrapport), besides its interim one (D1). */
export const HELARS_PERIOD = 'HELAR';

export interface ReportPeriodOptions {
  /** Months (1–12) with a månadsrapport; defaults to those of `monthlyPeriods`. */
  months?: readonly number[];
  /** The monthly reports and the month KS treats each; defaults to `MANADSRAPPORT_PERIODS`. */
  monthlyPeriods?: readonly MonthlyReportPeriod[];
}

/**
 * The report periods of a periodic document type in a budget year: månadsrapport `'2027-02'`…,
 * tertialrapport `['T1']`, delårsrapport `['D1']`; every other type has none (`[]`). The year is
 * required because month keys carry it, so a report is unambiguous across years.
 */
export function reportPeriods(
  type: DocumentTypeKey,
  budgetYear: number,
  options: ReportPeriodOptions = {},
): string[] {
  assertYear(budgetYear);
  switch (type) {
    case 'manadsrapport':
      return [...(options.months ?? (options.monthlyPeriods ?? MANADSRAPPORT_PERIODS).map((p) => p.month))]
        .sort((a, b) => a - b)
        .map((month) => monthPeriodKey(budgetYear, month));
    case 'tertialrapport':
      return [TERTIAL_PERIOD];
    case 'delarsrapport':
      return [DELARS_PERIOD];
    case 'bolagsrapport':
      return [DELARS_PERIOD, HELARS_PERIOD];
    default:
      return [];
  }
}

export function isReportPeriod(
  type: DocumentTypeKey,
  period: string,
  budgetYear: number,
  options: ReportPeriodOptions = {},
): boolean {
  return reportPeriods(type, budgetYear, options).includes(period);
}

/**
 * Documents created by a trigger rather than by the calendar (the åtgärdsplan) may come several
 * times a year: their "period" is their number within the year, 2 onwards ('2', '3', …); the first
 * has none.
 */
export function isSequencePeriod(type: DocumentTypeKey, period: string): boolean {
  return (DOCUMENT_TYPES[type].triggeredBy?.length ?? 0) > 0 && /^[2-9]$|^[1-9][0-9]{1,2}$/.test(period);
}

/** A period the document type can have in a budget year: a report period, or a sequence number. */
export function isDocumentPeriod(type: DocumentTypeKey, period: string, budgetYear: number): boolean {
  return isSequencePeriod(type, period) || isReportPeriod(type, period, budgetYear);
}

export function monthPeriodKey(year: number, month: number): string {
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError('arshjul.invalid-month', `month must be 1–12, got ${month}`);
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `'2027-02'` → `{ year: 2027, month: 2 }`, or undefined when it is not a month key. */
export function parseMonthPeriod(period: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

/** Last day of the period as 'YYYY-MM-DD', e.g. 'T1' in 2027 → '2027-04-30'. */
export function reportPeriodEnd(type: DocumentTypeKey, period: string, budgetYear: number): string {
  if (type === 'tertialrapport' && period === TERTIAL_PERIOD) return `${budgetYear}-04-30`;
  if ((type === 'delarsrapport' || type === 'bolagsrapport') && period === DELARS_PERIOD)
    return `${budgetYear}-07-31`;
  if (type === 'bolagsrapport' && period === HELARS_PERIOD) return `${budgetYear}-12-31`;
  const month = type === 'manadsrapport' ? parseMonthPeriod(period) : undefined;
  if (!month) {
    throw new DomainError('arshjul.invalid-period', `${period} is not a period of ${type}`, { type, period });
  }
  const lastDay = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  return `${period}-${String(lastDay).padStart(2, '0')}`;
}

/** Swedish label for UI and calendar text, e.g. "februari 2027", "januari–april 2027". */
export function reportPeriodLabel(type: DocumentTypeKey, period: string, budgetYear: number): string {
  if (type === 'tertialrapport' && period === TERTIAL_PERIOD) return `januari–april ${budgetYear}`;
  if ((type === 'delarsrapport' || type === 'bolagsrapport') && period === DELARS_PERIOD)
    return `januari–juli ${budgetYear}`;
  if (type === 'bolagsrapport' && period === HELARS_PERIOD) return `helåret ${budgetYear}`;
  const month = type === 'manadsrapport' ? parseMonthPeriod(period) : undefined;
  if (!month) {
    throw new DomainError('arshjul.invalid-period', `${period} is not a period of ${type}`, { type, period });
  }
  return `${SWEDISH_MONTHS[month.month - 1]} ${month.year}`;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new DomainError('arshjul.invalid-year', `year must be a four-digit integer, got ${year}`);
  }
}
