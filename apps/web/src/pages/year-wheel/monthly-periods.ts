import type { CalendarEntryView, MonthlyPeriodsRequest } from '@rodtrad/contracts';
import { SWEDISH_MONTHS } from '@rodtrad/domain';

/** One month of the editor: whether it has a monthly report and the month KS treats it in. */
export interface MonthRow {
  month: number;
  included: boolean;
  ksMonth: number;
}

/** The twelve months as the wheel has them; a month without a report is offered the month after. */
export function monthRows(items: readonly CalendarEntryView[]): MonthRow[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const line = items.find(
      (e) => e.key === 'manadsrapport' && e.period !== null && Number(e.period.slice(5, 7)) === month,
    );
    return { month, included: !!line, ksMonth: line?.ksMonth ?? Math.min(12, month + 1) };
  });
}

/** The PUT body: the included months in order. */
export function monthlyPeriodsBody(rows: readonly MonthRow[]): MonthlyPeriodsRequest {
  return { periods: rows.filter((r) => r.included).map((r) => ({ month: r.month, ksMonth: r.ksMonth })) };
}

/** The id of the KS-month select of `month`. */
export const ksMonthFieldId = (month: number) => `wheel-months-ks-${month}`;

/** The field a refused `/periods/{i}/…` pointer belongs to, by the body's order; undefined otherwise. */
export function monthFieldFor(pointer: string, rows: readonly MonthRow[]): string | undefined {
  const match = /^\/periods\/(\d+)\/(month|ksMonth)$/.exec(pointer);
  if (!match) return undefined;
  const row = monthlyPeriodsBody(rows).periods[Number(match[1])];
  return row ? ksMonthFieldId(row.month) : undefined;
}

/** "februari (mars), juli (september)" for the announcement. */
export function monthsSummary(rows: readonly MonthRow[], none: string): string {
  const included = rows.filter((r) => r.included);
  return included.length
    ? included.map((r) => `${SWEDISH_MONTHS[r.month - 1]} (${SWEDISH_MONTHS[r.ksMonth - 1]})`).join(', ')
    : none;
}
