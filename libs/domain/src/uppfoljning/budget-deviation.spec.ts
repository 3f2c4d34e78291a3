import {
  budgetDeviation,
  deviationMeaning,
  deviationThreshold,
  isSignificantBudgetDeviation,
  isSignificantDeficit,
  periodDeviation,
  readEkonomi,
  yearEndDeviation,
} from './budget-deviation';

// A nämnd of about 550 Mkr net cost, figures typed as the form asks: costs positive.
const bildning = { arsbudget: 550_000_000, periodbudget: 183_300_000, utfall: 187_900_000 };

describe('budgetDeviation', () => {
  it('is the full-year budget minus the full-year forecast: an overrun is negative (underskott)', () => {
    expect(budgetDeviation({ ...bildning, prognos: 562_000_000 })).toBe(-12_000_000);
    expect(deviationMeaning(budgetDeviation({ ...bildning, prognos: 562_000_000 }))).toBe('underskott');
  });

  it('a forecast below the budget is a surplus (överskott)', () => {
    expect(budgetDeviation({ ...bildning, prognos: 544_500_000 })).toBe(5_500_000);
    expect(deviationMeaning(5_500_000)).toBe('överskott');
    expect(deviationMeaning(0)).toBe('ingen avvikelse');
  });

  it('a net income is negative and follows the same rule', () => {
    // A taxa-financed activity budgeted to bring in 2 Mkr net, forecast to bring in 1.5 Mkr.
    expect(budgetDeviation({ arsbudget: -2_000_000, prognos: -1_500_000 })).toBe(-500_000);
  });

  it('accepts whole kronor only', () => {
    expect(() => budgetDeviation({ arsbudget: 1.5, prognos: 0 })).toThrow(
      expect.objectContaining({ code: 'uppfoljning.not-whole-kronor' }),
    );
  });
});

describe('periodDeviation', () => {
  it('is the budget to date minus the outcome to date', () => {
    expect(periodDeviation(bildning)).toBe(-4_600_000);
    expect(periodDeviation({ periodbudget: 183_300_000, utfall: 180_000_000 })).toBe(3_300_000);
  });
});

describe('yearEndDeviation', () => {
  it('is the year’s budget minus the year’s outcome: the verksamhetsberättelse has no forecast', () => {
    // Bildningsnämnden overran its 614,5 Mkr by 6,8 Mkr; the social nämnd kept 1 Mkr within 498 Mkr.
    expect(yearEndDeviation({ arsbudget: 614_500_000, utfall: 621_300_000 })).toBe(-6_800_000);
    expect(deviationMeaning(yearEndDeviation({ arsbudget: 614_500_000, utfall: 621_300_000 }))).toBe(
      'underskott',
    );
    expect(yearEndDeviation({ arsbudget: 498_000_000, utfall: 497_000_000 })).toBe(1_000_000);
  });

  it('accepts whole kronor only', () => {
    expect(() => yearEndDeviation({ arsbudget: 1, utfall: 0.5 })).toThrow(
      expect.objectContaining({ code: 'uppfoljning.not-whole-kronor' }),
    );
  });
});

describe('deviationThreshold', () => {
  it('defaults to 1 % of the frame', () => {
    expect(deviationThreshold({ frame: 550_000_000 })).toBe(5_500_000);
    expect(deviationThreshold({ frame: -550_000_000 })).toBe(5_500_000);
  });

  it('uses the one limit configured', () => {
    expect(deviationThreshold({ frame: 550_000_000, kronor: 2_000_000 })).toBe(2_000_000);
    expect(deviationThreshold({ frame: 550_000_000, shareOfFrame: 0.02 })).toBe(11_000_000);
  });

  it('escalates at whichever configured limit is reached first', () => {
    expect(deviationThreshold({ frame: 550_000_000, kronor: 2_000_000, shareOfFrame: 0.01 })).toBe(2_000_000);
    expect(deviationThreshold({ frame: 6_200_000, kronor: 500_000, shareOfFrame: 0.05 })).toBe(310_000);
  });

  it('takes another default share when asked (investments)', () => {
    expect(deviationThreshold({ frame: 40_000_000, defaultShare: 0.05 })).toBe(2_000_000);
  });

  it('rejects nonsense limits', () => {
    const invalid = expect.objectContaining({ code: 'uppfoljning.invalid-threshold' });
    expect(() => deviationThreshold({ frame: 1_000, kronor: 0 })).toThrow(invalid);
    expect(() => deviationThreshold({ frame: 1_000, shareOfFrame: 0 })).toThrow(invalid);
    expect(() => deviationThreshold({ frame: 1_000, shareOfFrame: 1.5 })).toThrow(invalid);
  });
});

describe('isSignificantBudgetDeviation', () => {
  const threshold = 5_500_000;

  it('flags an overrun of at least the threshold ("minst")', () => {
    expect(isSignificantBudgetDeviation({ arsbudget: 550_000_000, prognos: 555_500_000 }, threshold)).toBe(
      true,
    );
    expect(isSignificantBudgetDeviation({ arsbudget: 550_000_000, prognos: 562_000_000 }, threshold)).toBe(
      true,
    );
  });

  it('ignores a smaller overrun and any surplus', () => {
    expect(isSignificantBudgetDeviation({ arsbudget: 550_000_000, prognos: 555_499_999 }, threshold)).toBe(
      false,
    );
    expect(isSignificantBudgetDeviation({ arsbudget: 550_000_000, prognos: 530_000_000 }, threshold)).toBe(
      false,
    );
    expect(isSignificantDeficit(0, 0)).toBe(false);
  });

  it('compares the whole year with the whole year, never the period with the year', () => {
    // The old reading (period budget against full-year forecast) saw a 506 Mkr surplus here.
    const fixture = {
      arsbudget: 604_500_000,
      periodbudget: 100_750_000,
      utfall: 101_400_000,
      prognos: 606_800_000,
    };
    expect(budgetDeviation(fixture)).toBe(-2_300_000);
    expect(isSignificantBudgetDeviation(fixture, 6_045_000)).toBe(false);
  });
});

describe('readEkonomi', () => {
  it('reads the four figures or nothing', () => {
    expect(readEkonomi({ ...bildning, prognos: 562_000_000 })).toEqual({ ...bildning, prognos: 562_000_000 });
    expect(readEkonomi({ budget: 1, prognos: 2 })).toBeNull();
    expect(readEkonomi(null)).toBeNull();
  });
});
