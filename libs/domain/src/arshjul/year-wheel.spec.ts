import { DOCUMENT_TYPE_KEYS } from './document-types';
import {
  YEAR_WHEEL_EVENT_KEYS,
  YearWheelEntry,
  defaultYearWheel,
  dueDateFor,
  findYearWheelEntry,
  relativeDueDate,
  validateYearWheel,
} from './year-wheel';

describe('defaultYearWheel', () => {
  const wheel = defaultYearWheel(2027);

  it('dates the planning documents in the year before the budget year', () => {
    expect(dueDateFor(wheel, 'gpf')).toBe('2026-06-15');
    expect(dueDateFor(wheel, 'mal-och-budget')).toBe('2026-09-30');
    expect(dueDateFor(wheel, 'internkontrollplan')).toBe('2026-12-15');
    expect(dueDateFor(wheel, 'forvaltningsplan')).toBe('2026-12-31');
    expect(dueDateFor(wheel, 'verksamhetsplan')).toBe('2026-12-31');
    expect(dueDateFor(wheel, 'enhetsplan')).toBe('2027-01-31');
  });

  it('dates the follow-up documents', () => {
    expect(dueDateFor(wheel, 'tertialrapport')).toBe('2027-05-20');
    expect(dueDateFor(wheel, 'tertialrapport', 'T1')).toBe('2027-05-20');
    expect(dueDateFor(wheel, 'delarsrapport', 'D1')).toBe('2027-08-31');
    expect(dueDateFor(wheel, 'verksamhetsberattelse')).toBe('2028-01-31');
  });

  it('has the monthly reports of §6.1, each due by the 15th of the month KS treats it in', () => {
    const monthly = wheel.filter((entry) => entry.key === 'manadsrapport');
    expect(monthly.map((entry) => [entry.period, entry.ksMonth, entry.date])).toEqual([
      ['2027-02', 3, '2027-03-15'],
      ['2027-03', 4, '2027-04-15'],
      ['2027-07', 9, '2027-09-15'],
      ['2027-09', 10, '2027-10-15'],
      ['2027-10', 11, '2027-11-15'],
      ['2027-11', 12, '2027-12-15'],
    ]);
    expect(monthly[2].description).toContain('kommunstyrelsen behandlar den i september');
    const edited = defaultYearWheel(2027, {
      monthlyPeriods: [
        { month: 5, ksMonth: 6 },
        { month: 2, ksMonth: 4 },
      ],
    }).filter((entry) => entry.key === 'manadsrapport');
    expect(edited.map((entry) => [entry.period, entry.date])).toEqual([
      ['2027-02', '2027-04-15'],
      ['2027-05', '2027-06-15'],
    ]);
    expect(monthly[0].title).toBe('Månadsrapport februari 2027');
    expect(dueDateFor(wheel, 'manadsrapport', '2027-04')).toBeUndefined();
    expect(() => dueDateFor(wheel, 'manadsrapport')).toThrow(
      expect.objectContaining({ code: 'arshjul.period-required' }),
    );
  });

  it('times the åtgärdsplan relative to its trigger', () => {
    const entry = findYearWheelEntry(wheel, 'atgardsplan') as YearWheelEntry;
    expect(entry).toMatchObject({ date: null, relativeDays: 30 });
    expect(dueDateFor(wheel, 'atgardsplan')).toBeUndefined();
    expect(relativeDueDate(entry, '2027-05-20')).toBe('2027-06-19');
    expect(
      defaultYearWheel(2027, { atgardsplanDays: 45 }).find((e) => e.key === 'atgardsplan')?.relativeDays,
    ).toBe(45);
    expect(() => relativeDueDate(wheel[0], '2027-05-20')).toThrow(
      expect.objectContaining({ code: 'arshjul.not-relative' }),
    );
  });

  it('includes the non-document events of §6.1 without a document type', () => {
    for (const key of YEAR_WHEEL_EVENT_KEYS) {
      const entry = findYearWheelEntry(wheel, key);
      expect(entry?.documentType).toBeNull();
    }
    expect(dueDateFor(wheel, 'budgetdialog')).toBe('2026-02-15');
    expect(dueDateFor(wheel, 'strategidag')).toBe('2026-03-15');

    expect(dueDateFor(wheel, 'konteringsbudget')).toBe('2026-12-31');
    expect(dueDateFor(wheel, 'rakenskapssammandrag')).toBe('2028-03-31');
  });

  it('dates KF’s tax-rate (October) and budget (November) decisions as steps of Budget och flerårsplan', () => {
    expect(findYearWheelEntry(wheel, 'skattesats')).toMatchObject({
      documentType: 'budget-och-flerarsplan',
      date: '2026-10-31',
    });
    expect(findYearWheelEntry(wheel, 'budget-och-flerarsplan')).toMatchObject({
      documentType: 'budget-och-flerarsplan',
      date: '2026-11-30',
    });
    expect(findYearWheelEntry(wheel, 'budgetbeslut')).toBeUndefined();
  });

  it('has the companies report to KS at the interim and after the year end, and KS assess them by 30 April', () => {
    expect(dueDateFor(wheel, 'bolagsrapport', 'D1')).toBe('2027-08-31');
    expect(dueDateFor(wheel, 'bolagsrapport', 'HELAR')).toBe('2028-03-15');
    expect(dueDateFor(wheel, 'ks-bolagsbedomning')).toBe('2028-04-30');
  });

  it('has the municipality’s interim report and the annual report to KF and the auditors by 15 April', () => {
    expect(dueDateFor(wheel, 'delarsrapport-kommunen')).toBe('2027-10-31');
    expect(dueDateFor(wheel, 'arsredovisning')).toBe('2028-04-15');
  });

  it('covers every deadline key, is sorted and valid', () => {
    // The owner steering documents are adopted by KF when they change, not yearly (#16).
    const offWheel = [
      'bolagsordning',
      'bolagspolicy',
      'agardirektiv-gemensamma',
      'agardirektiv',
      'kf-arende',
    ];
    for (const type of DOCUMENT_TYPE_KEYS.filter((t) => !offWheel.includes(t)))
      expect([type, wheel.some((entry) => entry.documentType === type)]).toEqual([type, true]);
    const dated = wheel.filter((entry) => entry.date !== null).map((entry) => entry.date as string);
    expect(dated).toEqual([...dated].sort());
    expect(wheel[wheel.length - 1].key).toBe('atgardsplan');
    expect(validateYearWheel(wheel)).toEqual([]);
    expect(dueDateFor(wheel, 'unknown')).toBeUndefined();
  });
});

describe('validateYearWheel', () => {
  it('reports duplicates, bad dates and missing timing', () => {
    const entry: YearWheelEntry = { key: 'gpf', documentType: 'gpf', title: 'GPF', date: '2026-06-15' };
    expect(
      validateYearWheel([
        entry,
        entry,
        { ...entry, key: 'enhetsplan', documentType: 'enhetsplan', date: '2027-02-30' },
        { ...entry, key: 'atgardsplan', documentType: 'atgardsplan', date: null },
        { ...entry, key: 'skattesats', documentType: 'bogus' as never, title: ' ' },
      ]),
    ).toEqual([
      'gpf occurs more than once',
      'enhetsplan has invalid date 2027-02-30',
      'atgardsplan needs a date or a non-negative whole number of relativeDays',
      'skattesats has unknown document type bogus',
      'skattesats has no title',
    ]);
  });
});
