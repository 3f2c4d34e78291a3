import {
  MANADSRAPPORT_PERIODS,
  ksMonthOf,
  monthlyPeriodProblems,
  isDocumentPeriod,
  isReportPeriod,
  monthPeriodKey,
  parseMonthPeriod,
  reportPeriodEnd,
  reportPeriodLabel,
  reportPeriods,
} from './report-periods';

describe('reportPeriods', () => {
  it('has the monthly reports of §6.1’s year wheel: none for January, April, May, June, August or December', () => {
    expect(reportPeriods('manadsrapport', 2027)).toEqual([
      '2027-02',
      '2027-03',
      '2027-07',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
  });

  it('checks a registrar’s list of monthly reports field by field', () => {
    expect(monthlyPeriodProblems(MANADSRAPPORT_PERIODS)).toEqual([]);
    expect(
      monthlyPeriodProblems([
        { month: 2, ksMonth: 3 },
        { month: 2, ksMonth: 4 },
        { month: 12, ksMonth: 1 },
        { month: 0, ksMonth: 5 },
      ]),
    ).toEqual([
      { pointer: '/periods/1/month', message: 'Månaden finns redan i listan.' },
      {
        pointer: '/periods/2/ksMonth',
        message: 'Kommunstyrelsen behandlar rapporten en senare månad samma budgetår (2–12).',
      },
      { pointer: '/periods/3/month', message: 'Ange en månad 1–12.' },
    ]);
    expect(ksMonthOf(7)).toBe(9);
    expect(ksMonthOf(5, [])).toBe(6);
  });

  it('takes configured months', () => {
    expect(reportPeriods('manadsrapport', 2027, { months: [10, 2] })).toEqual(['2027-02', '2027-10']);
  });

  it('gives one tertial and one interim period, none for plans', () => {
    expect(reportPeriods('tertialrapport', 2027)).toEqual(['T1']);
    expect(reportPeriods('delarsrapport', 2027)).toEqual(['D1']);
    expect(reportPeriods('mal-och-budget', 2027)).toEqual([]);
    expect(reportPeriods('verksamhetsberattelse', 2027)).toEqual([]);
  });

  it('validates periods and years', () => {
    expect(isReportPeriod('manadsrapport', '2027-03', 2027)).toBe(true);
    expect(isReportPeriod('manadsrapport', '2027-04', 2027)).toBe(false);
    expect(isReportPeriod('manadsrapport', '2026-03', 2027)).toBe(false);
    expect(isReportPeriod('tertialrapport', 'T1', 2027)).toBe(true);
    expect(() => reportPeriods('manadsrapport', 27)).toThrow(
      expect.objectContaining({ code: 'arshjul.invalid-year' }),
    );
    expect(() => monthPeriodKey(2027, 13)).toThrow(
      expect.objectContaining({ code: 'arshjul.invalid-month' }),
    );
    expect(parseMonthPeriod('2027-13')).toBeUndefined();
    expect(parseMonthPeriod('T1')).toBeUndefined();
  });
});

describe('period ends and labels', () => {
  it('ends tertial 1 on 30 April and the interim period on 31 July', () => {
    expect(reportPeriodEnd('tertialrapport', 'T1', 2027)).toBe('2027-04-30');
    expect(reportPeriodEnd('delarsrapport', 'D1', 2027)).toBe('2027-07-31');
    expect(reportPeriodEnd('manadsrapport', '2028-02', 2028)).toBe('2028-02-29');
    expect(reportPeriodEnd('manadsrapport', '2027-12', 2027)).toBe('2027-12-31');
    expect(() => reportPeriodEnd('tertialrapport', 'T2', 2027)).toThrow(
      expect.objectContaining({ code: 'arshjul.invalid-period' }),
    );
  });

  it('labels periods in Swedish', () => {
    expect(reportPeriodLabel('manadsrapport', '2027-02', 2027)).toBe('februari 2027');
    expect(reportPeriodLabel('tertialrapport', 'T1', 2027)).toBe('januari–april 2027');
    expect(reportPeriodLabel('delarsrapport', 'D1', 2027)).toBe('januari–juli 2027');
  });
});

describe('isDocumentPeriod', () => {
  it('numbers the åtgärdsplaner of a year from the second on', () => {
    expect(isDocumentPeriod('atgardsplan', '2', 2027)).toBe(true);
    expect(isDocumentPeriod('atgardsplan', '12', 2027)).toBe(true);
    expect(isDocumentPeriod('atgardsplan', '1', 2027)).toBe(false); // the first has no number
    expect(isDocumentPeriod('atgardsplan', '02', 2027)).toBe(false);
  });

  it('keeps calendar documents to their report periods', () => {
    expect(isDocumentPeriod('manadsrapport', '2027-02', 2027)).toBe(true);
    expect(isDocumentPeriod('manadsrapport', '2', 2027)).toBe(false);
    expect(isDocumentPeriod('enhetsplan', '2', 2027)).toBe(false);
  });
});
