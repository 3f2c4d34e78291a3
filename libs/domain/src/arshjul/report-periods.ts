import { DomainError } from '../domain-error';
import { DOCUMENT_TYPES, DocumentTypeKey } from './document-types';

/**
 * Months with a månadsrapport to KS. §5.4.2 says "every month except January, April, June, July
 * and August"; April is covered by the tertial report and July by the interim report. (The §6.1
 * wheel lists the treating KS meetings a month later and is not fully consistent with §5.4.2;
 * §5.4.2 wins here and the list is configurable.)
 */
export const MANADSRAPPORT_MONTHS: readonly number[] = [2, 3, 5, 9, 10, 11, 12];

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

export interface ReportPeriodOptions {
  /** Months (1–12) with a månadsrapport; defaults to `MANADSRAPPORT_MONTHS`. */
  months?: readonly number[];
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
      return [...(options.months ?? MANADSRAPPORT_MONTHS)]
        .sort((a, b) => a - b)
        .map((month) => monthPeriodKey(budgetYear, month));
    case 'tertialrapport':
      return [TERTIAL_PERIOD];
    case 'delarsrapport':
      return [DELARS_PERIOD];
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
  if (type === 'delarsrapport' && period === DELARS_PERIOD) return `${budgetYear}-07-31`;
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
  if (type === 'delarsrapport' && period === DELARS_PERIOD) return `januari–juli ${budgetYear}`;
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
