import { demoDocumentData, demoYearFrame, demoYearsOf, type DemoDocumentContext } from './demo-year';

const ctx = (over: Partial<DemoDocumentContext>): DemoDocumentContext => ({
  type: 'manadsrapport',
  namndCode: 'BIN',
  unitName: 'Bildningsnämnden',
  year: 2026,
  period: '2026-10',
  currentYear: 2026,
  decidedOn: '2026-11-20',
  frame: demoYearFrame('BIN', 2026),
  deviating: false,
  ...over,
});

describe('the demo year’s data', () => {
  it('takes the previous and the current budget year from the clock', () => {
    expect(demoYearsOf(new Date('2026-12-07T09:00:00Z'))).toEqual({ previous: 2025, current: 2026 });
    expect(demoYearsOf(new Date('2031-01-02T09:00:00Z'))).toEqual({ previous: 2030, current: 2031 });
  });

  it('keeps a report within its frame, except the one that carries the budget deviation', () => {
    const frame = demoYearFrame('BIN', 2026);
    const ok = demoDocumentData(ctx({})) as { ekonomi: { arsbudget: number; prognos: number } };
    expect(ok.ekonomi.arsbudget).toBe(frame);
    expect(ok.ekonomi.prognos).toBeLessThan(frame);
    const over = demoDocumentData(ctx({ deviating: true })) as { ekonomi: { prognos: number } };
    // An underskott of about 2 %, above the default threshold of 1 % of the frame.
    expect((over.ekonomi.prognos - frame) / frame).toBeGreaterThan(0.01);
  });

  it('puts Social- och arbetsmarknadsnämnden’s first goal in red in the current year only', () => {
    const results = (year: number, code: string) =>
      (
        demoDocumentData(ctx({ type: 'tertialrapport', period: 'T1', year, namndCode: code })) as {
          maluppfyllelse: { namndmalId: string; utfall: number }[];
        }
      ).maluppfyllelse;
    expect(results(2026, 'SAN')[0]).toMatchObject({ namndmalId: 'SAN-1', utfall: 61 });
    expect(results(2025, 'SAN')[0]?.utfall).toBeGreaterThan(75);
    expect(results(2026, 'BIN').every((r) => r.utfall > 75)).toBe(true);
  });

  it('refers the plans to the nämnd’s own goals', () => {
    const plan = demoDocumentData(
      ctx({ type: 'enhetsplan', namndCode: 'DSN', unitName: 'Centralköket' }),
    ) as {
      aktiviteter: { namndmalId: string }[];
    };
    expect(plan.aktiviteter.map((a) => a.namndmalId)).toEqual(['DSN-1']);
  });
});
