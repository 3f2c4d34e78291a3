import { defaultYearWheel } from '@rodtrad/domain';
import { applyWheelOverrides } from './municipal-year-wheel';
import { dueAtFromWheel } from './year-wheel-due';

describe('the municipality’s year wheel', () => {
  const defaults = defaultYearWheel(2027);

  it('is the source’s wheel when nothing is edited', () => {
    expect(applyWheelOverrides(defaults, [])).toEqual(defaults);
  });

  it('moves an edited line and leaves the others', () => {
    const wheel = applyWheelOverrides(defaults, [
      { key: 'enhetsplan', period: null, date: '2027-02-15', relativeDays: null },
    ]);
    expect(wheel.find((e) => e.key === 'enhetsplan')?.date).toBe('2027-02-15');
    expect(wheel.find((e) => e.key === 'forvaltningsplan')?.date).toBe('2026-12-31');
    expect(dueAtFromWheel(wheel, 'enhetsplan', null, new Date())?.toISOString()).toBe(
      '2027-02-15T22:59:59.000Z',
    );
  });

  it('moves one month of the monthly report, by its period', () => {
    const wheel = applyWheelOverrides(defaults, [
      { key: 'manadsrapport', period: '2027-03', date: '2027-04-20', relativeDays: null },
    ]);
    const monthly = wheel.filter((e) => e.key === 'manadsrapport');
    expect(monthly.find((e) => e.period === '2027-03')?.date).toBe('2027-04-20');
    expect(monthly.find((e) => e.period === '2027-02')?.date).toBe('2027-03-15');
  });

  it('moves KS’s treatment of a monthly report with its date, and adds and removes months (§6.1 as data)', () => {
    const wheel = applyWheelOverrides(defaults, [
      { key: 'manadsrapport', period: '2027-07', date: '2027-08-20', relativeDays: null },
      { key: 'manadsrapport', period: '2027-05', date: '2027-06-15', relativeDays: null },
      { key: 'manadsrapport', period: '2027-11', date: null, relativeDays: null },
    ]);
    const monthly = wheel.filter((e) => e.key === 'manadsrapport');
    expect(monthly.map((e) => [e.period, e.ksMonth, e.date])).toEqual([
      ['2027-02', 3, '2027-03-15'],
      ['2027-03', 4, '2027-04-15'],
      ['2027-05', 6, '2027-06-15'],
      ['2027-07', 8, '2027-08-20'],
      ['2027-09', 10, '2027-10-15'],
      ['2027-10', 11, '2027-11-15'],
    ]);
    expect(monthly[2].title).toBe('Månadsrapport maj 2027');
    // A removed line of another kind is not removed: only the monthly reports are the municipality's to choose.
    expect(
      applyWheelOverrides(defaults, [
        { key: 'enhetsplan', period: null, date: null, relativeDays: null },
      ]).find((e) => e.key === 'enhetsplan'),
    ).toMatchObject({ date: null });
  });

  it('changes the days an åtgärdsplan has', () => {
    const wheel = applyWheelOverrides(defaults, [
      { key: 'atgardsplan', period: null, date: null, relativeDays: 45 },
    ]);
    expect(wheel.find((e) => e.key === 'atgardsplan')).toMatchObject({ date: null, relativeDays: 45 });
  });

  it('ignores edits of lines the wheel does not have', () => {
    expect(
      applyWheelOverrides(defaults, [
        { key: 'finns-inte', period: null, date: '2027-01-01', relativeDays: null },
      ]),
    ).toEqual(defaults);
  });
});
