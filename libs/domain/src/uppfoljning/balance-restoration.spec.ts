import {
  followRestoration,
  followRestorationOf,
  readRestorationPlan,
  restorationPlanErrors,
  restorationYears,
} from './balance-restoration';

/** Intl writes thousands with a no-break space; the tests spell them with plain ones. */
const plain = (errors: { pointer: string; message: string }[]) =>
  errors.map((e) => ({ ...e, message: e.message.replace(/\u00a0/g, ' ') }));

const plan = [
  { ar: 2028, belopp: 700_000 },
  { ar: 2029, belopp: 700_000 },
  { ar: 2030, belopp: 700_000 },
];

describe('restorationPlanErrors: the särskild åtgärdsplan restores the deficit within three years', () => {
  it('accepts a plan over the three following years that adds up to at least the deficit', () => {
    expect(restorationYears(2027)).toEqual([2028, 2029, 2030]);
    expect(restorationPlanErrors({ deficit: -2_100_000, deficitYear: 2027, plan })).toEqual([]);
    expect(
      restorationPlanErrors({
        deficit: 2_100_000,
        deficitYear: 2027,
        plan: [{ ar: 2029, belopp: 2_500_000 }],
      }),
    ).toEqual([]);
  });

  it('asks for a plan when there is none', () => {
    for (const missing of [undefined, null, [], 'tre år'])
      expect(plain(restorationPlanErrors({ deficit: 2_100_000, deficitYear: 2027, plan: missing }))).toEqual([
        {
          pointer: '/aterstallande',
          message: 'Ange hur underskottet på 2 100 000 kr återställs år för år (2028–2030).',
        },
      ]);
  });

  it('refuses a plan that restores less than the deficit, naming both sums', () => {
    expect(
      plain(restorationPlanErrors({ deficit: -2_100_000, deficitYear: 2027, plan: plan.slice(0, 2) })),
    ).toEqual([
      {
        pointer: '/aterstallande',
        message:
          'Planen återställer 1 400 000 kr men underskottet är 2 100 000 kr: beloppen ska tillsammans vara minst underskottet.',
      },
    ]);
  });

  it('points at each year outside the three following, each year named twice and each bad amount', () => {
    const errors = restorationPlanErrors({
      deficit: 1_000_000,
      deficitYear: 2027,
      base: '/plan',
      plan: [
        { ar: 2027, belopp: 500_000 },
        { ar: 2031, belopp: 500_000 },
        { ar: 2028, belopp: 1_000_000 },
        { ar: 2028, belopp: -5 },
        { ar: 2029, belopp: 1.5 },
        'x',
      ],
    });
    expect(errors).toEqual([
      { pointer: '/plan/0/ar', message: 'Välj ett av de tre år som följer på 2027 (2028–2030).' },
      { pointer: '/plan/1/ar', message: 'Välj ett av de tre år som följer på 2027 (2028–2030).' },
      { pointer: '/plan/3/ar', message: 'Året finns redan i planen.' },
      { pointer: '/plan/3/belopp', message: 'Ange ett belopp i hela kronor, minst 0.' },
      { pointer: '/plan/4/belopp', message: 'Ange ett belopp i hela kronor, minst 0.' },
      { pointer: '/plan/5/ar', message: 'Välj ett av de tre år som följer på 2027 (2028–2030).' },
      { pointer: '/plan/5/belopp', message: 'Ange ett belopp i hela kronor, minst 0.' },
    ]);
  });

  it('reads the stored plan, leaving malformed rows out', () => {
    expect(readRestorationPlan([...plan, { ar: 2031 }, null, { ar: '2029', belopp: 1 }])).toEqual([
      { year: 2028, amount: 700_000 },
      { year: 2029, amount: 700_000 },
      { year: 2030, amount: 700_000 },
    ]);
    expect(readRestorationPlan(undefined)).toEqual([]);
  });
});

describe('followRestoration: the restoration followed up against the plan', () => {
  const planned = readRestorationPlan(plan);

  it('lists the planned years with nothing reported yet, none behind', () => {
    const s = followRestoration({ deficit: -2_100_000, deficitYear: 2027, planned, reported: [] });
    expect(s).toMatchObject({ deficit: 2_100_000, restored: 0, remaining: 2_100_000, deadlineYear: 2030 });
    expect(s.fullyRestored).toBe(false);
    expect(s.years.map((y) => [y.year, y.planned, y.achieved, y.behindPlan])).toEqual([
      [2028, 700_000, null, false],
      [2029, 700_000, null, false],
      [2030, 700_000, null, false],
    ]);
  });

  it('is on plan when a year restores what was planned, and behind when a later year falls short', () => {
    const s = followRestoration({
      deficit: 2_100_000,
      deficitYear: 2027,
      planned,
      reported: [
        { year: 2028, balanceResult: 800_000 },
        { year: 2029, balanceResult: 300_000 },
      ],
    });
    expect(s.years.map((y) => [y.year, y.achieved, y.plannedToDate, y.achievedToDate, y.behindPlan])).toEqual(
      [
        [2028, 800_000, 700_000, 800_000, false],
        // 1,100,000 restored of 1,400,000 planned by 2029: behind.
        [2029, 300_000, 1_400_000, 1_100_000, true],
        [2030, null, 2_100_000, 1_100_000, false],
      ],
    );
    expect(s).toMatchObject({ restored: 1_100_000, remaining: 1_000_000, fullyRestored: false });
  });

  it('carries a year ahead of plan into the next', () => {
    const s = followRestoration({
      deficit: 2_100_000,
      deficitYear: 2027,
      planned,
      reported: [
        { year: 2028, balanceResult: 1_300_000 },
        { year: 2029, balanceResult: 200_000 },
      ],
    });
    expect(s.years.map((y) => y.behindPlan)).toEqual([false, false, false]);
  });

  it('counts a negative year as restoring nothing, and never more than is left', () => {
    const s = followRestoration({
      deficit: 2_100_000,
      deficitYear: 2027,
      planned,
      reported: [
        { year: 2028, balanceResult: -400_000 },
        { year: 2029, balanceResult: 1_500_000 },
        { year: 2030, balanceResult: 3_000_000 },
      ],
    });
    expect(s.years.map((y) => [y.balanceResult, y.achieved, y.behindPlan])).toEqual([
      [-400_000, 0, true],
      [1_500_000, 1_500_000, false],
      [3_000_000, 600_000, false],
    ]);
    expect(s).toMatchObject({ restored: 2_100_000, remaining: 0, fullyRestored: true });
  });

  it('keeps following after the last planned year while the deficit remains', () => {
    const s = followRestoration({
      deficit: 2_100_000,
      deficitYear: 2027,
      planned,
      reported: [
        { year: 2028, balanceResult: 700_000 },
        { year: 2029, balanceResult: 700_000 },
        { year: 2030, balanceResult: 100_000 },
        { year: 2031, balanceResult: 100_000 },
      ],
    });
    expect(s.years.map((y) => [y.year, y.planned, y.behindPlan])).toEqual([
      [2028, 700_000, false],
      [2029, 700_000, false],
      [2030, 700_000, true],
      [2031, 0, true],
    ]);
  });

  it('reads a plan without years as the whole deficit by the last year the law allows', () => {
    const s = followRestoration({
      deficit: 900_000,
      deficitYear: 2027,
      planned: [],
      reported: [{ year: 2028, balanceResult: 0 }],
    });
    expect(s.years.map((y) => [y.year, y.planned, y.behindPlan])).toEqual([
      [2028, 0, false],
      [2029, 0, false],
      [2030, 900_000, false],
    ]);
  });
});

describe('followRestorationOf: the same, over the stored years', () => {
  it('reads a stored year as planned when it has an amount and as reported when it has a result', () => {
    const stored = [
      { year: 2028, planned: 700_000, balanceResult: 800_000 },
      { year: 2029, planned: 700_000, balanceResult: 300_000 },
      { year: 2030, planned: 700_000, balanceResult: null },
      { year: 2031, planned: 0, balanceResult: 50_000 },
    ];
    expect(followRestorationOf(2_100_000, 2027, stored)).toEqual(
      followRestoration({
        deficit: 2_100_000,
        deficitYear: 2027,
        planned: readRestorationPlan(plan),
        reported: [
          { year: 2028, balanceResult: 800_000 },
          { year: 2029, balanceResult: 300_000 },
          { year: 2031, balanceResult: 50_000 },
        ],
      }),
    );
  });
});
