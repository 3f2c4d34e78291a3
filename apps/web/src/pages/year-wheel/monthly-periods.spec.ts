import type { CalendarEntryView } from '@rodtrad/contracts';
import {
  ksMonthFieldId,
  monthFieldFor,
  monthlyPeriodsBody,
  monthRows,
  monthsSummary,
} from './monthly-periods';

const line = (period: string, ksMonth: number): CalendarEntryView => ({
  key: 'manadsrapport',
  documentType: 'manadsrapport',
  title: `Månadsrapport ${period}`,
  date: `2027-${String(ksMonth).padStart(2, '0')}-15`,
  period,
  relativeDays: null,
  ksMonth,
  description: null,
  edited: false,
});

describe('the editor of the monthly reports', () => {
  const items = [line('2027-02', 3), line('2027-07', 9)];

  it('shows the twelve months as the wheel has them, a month without a report offered the month after', () => {
    const rows = monthRows(items);
    expect(rows).toHaveLength(12);
    expect(rows[1]).toEqual({ month: 2, included: true, ksMonth: 3 });
    expect(rows[6]).toEqual({ month: 7, included: true, ksMonth: 9 });
    expect(rows[4]).toEqual({ month: 5, included: false, ksMonth: 6 });
    expect(rows[11]).toEqual({ month: 12, included: false, ksMonth: 12 });
  });

  it('sends the included months in order and finds the field of a refused pointer by that order', () => {
    const rows = monthRows(items);
    expect(monthlyPeriodsBody(rows)).toEqual({
      periods: [
        { month: 2, ksMonth: 3 },
        { month: 7, ksMonth: 9 },
      ],
    });
    expect(monthFieldFor('/periods/1/ksMonth', rows)).toBe(ksMonthFieldId(7));
    expect(monthFieldFor('/periods/5/ksMonth', rows)).toBeUndefined();
    expect(monthFieldFor('/periods', rows)).toBeUndefined();
  });

  it('says in words what was saved', () => {
    expect(monthsSummary(monthRows(items), 'inga')).toBe('februari (mars), juli (september)');
    expect(monthsSummary(monthRows([]), 'inga')).toBe('inga');
  });
});
