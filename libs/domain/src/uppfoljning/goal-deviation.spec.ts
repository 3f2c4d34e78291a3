import {
  assessGoalFulfilment,
  indicatorFulfilment,
  isGoalOffTrack,
  mandateSpan,
  resultDay,
  type AdoptedGoal,
} from './goal-deviation';

// Mandate period 2027–2030; the tertial report stands at 30 April 2027, 119 of 1460 days in.
const span = mandateSpan({ startYear: 2027, endYear: 2030 }, 2027);
const at = resultDay('tertialrapport', 2027) as string;
const goals: AdoptedGoal[] = [
  {
    id: 'BIN-1',
    titel: 'Fler elever är behöriga till gymnasiet',
    indikatorer: [
      { namn: 'Andel behöriga', ingangsvarde: 80, malniva: 90, matdatum: '2030-12-31' },
      { namn: 'Meritvärde', ingangsvarde: 220, malniva: 240 },
    ],
  },
  {
    id: 'BIN-2',
    titel: 'Kortare väntetid till förskola',
    indikatorer: [{ namn: 'Väntetid (dagar)', ingangsvarde: 60, malniva: 30 }],
  },
];

describe('the days and spans indicators are measured on', () => {
  it('reads the report day of each follow-up report and the mandate period as dates', () => {
    expect(resultDay('tertialrapport', 2027)).toBe('2027-04-30');
    expect(resultDay('delarsrapport', 2027)).toBe('2027-07-31');
    expect(resultDay('verksamhetsberattelse', 2027)).toBe('2027-12-31');
    expect(resultDay('manadsrapport', 2027)).toBeUndefined();
    expect(span).toEqual({ startDate: '2027-01-01', endDate: '2030-12-31' });
    expect(mandateSpan(null, 2031)).toEqual({ startDate: '2031-01-01', endDate: '2031-12-31' });
  });
});

describe('indicatorFulfilment', () => {
  it('measures against the straight line to the target date, or to the end of the period', () => {
    const target = { namn: 'Andel behöriga', ingangsvarde: 80, malniva: 90, matdatum: '2030-12-31' };
    const onLine = indicatorFulfilment(target, 81, at, span);
    expect(onLine).toMatchObject({ colour: 'green' });
    expect(onLine?.expected).toBeCloseTo(80 + 10 * (119 / 1460), 6);
    // A target date before the period starts is ignored: the line runs to the end of the period.
    const early = indicatorFulfilment(
      { ingangsvarde: 80, malniva: 90, matdatum: '2020-01-01' },
      81,
      at,
      span,
    );
    expect(early?.expected).toBeCloseTo(onLine?.expected ?? NaN, 9);
  });

  it('cannot measure without start and target, or with figures that contradict themselves', () => {
    expect(indicatorFulfilment({ namn: 'x', malniva: 90 }, 81, at, span)).toBeNull();
    expect(indicatorFulfilment({ namn: 'x', ingangsvarde: 80 }, 81, at, span)).toBeNull();
    expect(indicatorFulfilment({ ingangsvarde: 80, malniva: 90 }, NaN, at, span)).toBeNull();
    // a period that ends where it starts: goalFulfilment refuses, so no colour rather than an error
    expect(
      indicatorFulfilment({ ingangsvarde: 80, malniva: 90 }, 81, at, { ...span, endDate: span.startDate }),
    ).toBeNull();
  });
});

describe('isGoalOffTrack: any red indicator puts the goal off track', () => {
  it.each([
    [['green', 'green'], false],
    [['green', 'yellow'], false],
    [['yellow', 'yellow'], false],
    [['green', 'red'], true],
    [['red'], true],
    [[null, 'red'], true],
    [[null, null], false],
    [[], false],
  ] as const)('%j → %s', (colours, off) => {
    expect(isGoalOffTrack(colours)).toBe(off);
  });
});

describe('assessGoalFulfilment', () => {
  it('judges a goal by its indicators when they can be measured, whatever the report says', () => {
    const out = assessGoalFulfilment({
      goals,
      at,
      span,
      results: [
        // The report calls it on track, but 78 is below the start value: red.
        { namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 78, bedomning: 'enligt-plan' },
        { namndmalId: 'BIN-1', indikator: 'Meritvärde', utfall: 225, bedomning: 'enligt-plan' },
        // The report calls it behind, but the waiting time is ahead of the line: green.
        { namndmalId: 'BIN-2', indikator: 'Väntetid (dagar)', utfall: 50, bedomning: 'ej-enligt-plan' },
      ],
    });
    expect(out.map((g) => [g.namndmalId, g.basis, g.offTrack])).toEqual([
      ['BIN-1', 'indicators', true],
      ['BIN-2', 'indicators', false],
    ]);
    expect(out[0].titel).toBe('Fler elever är behöriga till gymnasiet');
    expect(out[0].indicators.map((i) => i.colour)).toEqual(['red', 'green']);
    expect(out[0].offTrackIndicators).toEqual([
      expect.objectContaining({ indikator: 'Andel behöriga', utfall: 78, colour: 'red', malniva: 90 }),
    ]);
    expect(out[1].offTrackIndicators).toEqual([]);
  });

  it('lets a yellow indicator (slightly behind the line) pass', () => {
    // Planned progress by 30 April is 0.815 points; yellow down to 10 % of that below the line.
    const [goal] = assessGoalFulfilment({
      goals,
      at,
      span,
      results: [{ namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 80.75 }],
    });
    expect(goal.indicators[0].colour).toBe('yellow');
    expect(goal.offTrack).toBe(false);
  });

  it("falls back to the report's bedömning for a goal none of whose indicators can be measured", () => {
    const out = assessGoalFulfilment({
      goals,
      at,
      span,
      results: [
        // Not an indicator of BIN-1 in the adopted Mål- och budget.
        { namndmalId: 'BIN-1', indikator: 'Antal lässtunder', utfall: 3, bedomning: 'ej-enligt-plan' },
        // A goal the adopted document does not have.
        { namndmalId: 'BIN-9', indikator: 'Andel', utfall: 50, bedomning: 'delvis' },
      ],
    });
    expect(out.map((g) => [g.namndmalId, g.basis, g.offTrack])).toEqual([
      ['BIN-1', 'bedomning', true],
      ['BIN-9', 'bedomning', false],
    ]);
    expect(out[0].offTrackIndicators.map((i) => i.indikator)).toEqual(['Antal lässtunder']);
  });

  it('without an adopted Mål- och budget every goal rests on the bedömning', () => {
    const out = assessGoalFulfilment({
      goals: [],
      at,
      span,
      results: [
        { namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 71, bedomning: 'ej-enligt-plan' },
        { namndmalId: 'BIN-2', indikator: 'Väntetid (dagar)', utfall: 90, bedomning: 'enligt-plan' },
      ],
    });
    expect(out.map((g) => [g.namndmalId, g.basis, g.offTrack])).toEqual([
      ['BIN-1', 'bedomning', true],
      ['BIN-2', 'bedomning', false],
    ]);
  });

  it('groups rows by goal in the order the report names them and skips rows without a goal', () => {
    const out = assessGoalFulfilment({
      goals,
      at,
      span,
      results: [
        { namndmalId: 'BIN-2', indikator: 'Väntetid (dagar)', utfall: 59 },
        { namndmalId: '', indikator: 'x', utfall: 1, bedomning: 'ej-enligt-plan' },
        { namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 82 },
        { namndmalId: 'BIN-2', indikator: 'Okänd', utfall: 'mycket' },
      ],
    });
    expect(out.map((g) => [g.namndmalId, g.indicators.length])).toEqual([
      ['BIN-2', 2],
      ['BIN-1', 1],
    ]);
    // 59 days after four months of a plan from 60 to 30 is behind the line (expected ≈ 57.6): red.
    expect(out[0]).toMatchObject({ basis: 'indicators', offTrack: true });
    expect(out[0].indicators[1]).toMatchObject({ utfall: null, colour: null });
    expect(out[1]).toMatchObject({ basis: 'indicators', offTrack: false });
  });
});
