import { budgetDeviation, deviationThreshold, isSignificantBudgetDeviation } from './budget-deviation';

describe('budgetDeviation', () => {
  it('is prognos minus budget with net costs negative', () => {
    expect(budgetDeviation({ budget: -548_000_000, prognos: -555_000_000 })).toBe(-7_000_000);
    expect(budgetDeviation({ budget: -548_000_000, prognos: -540_000_000 })).toBe(8_000_000);
  });

  it('accepts whole kronor only', () => {
    expect(() => budgetDeviation({ budget: 1.5, prognos: 0 })).toThrow(
      expect.objectContaining({ code: 'uppfoljning.not-whole-kronor' }),
    );
  });
});

describe('deviationThreshold', () => {
  it('defaults to 1 % of the frame', () => {
    expect(deviationThreshold({ frame: 548_000_000 })).toBe(5_480_000);
    expect(deviationThreshold({ frame: -548_000_000 })).toBe(5_480_000);
  });

  it('uses the one limit configured', () => {
    expect(deviationThreshold({ frame: 548_000_000, kronor: 2_000_000 })).toBe(2_000_000);
    expect(deviationThreshold({ frame: 548_000_000, shareOfFrame: 0.02 })).toBe(10_960_000);
  });

  it('escalates at whichever configured limit is reached first', () => {
    expect(deviationThreshold({ frame: 548_000_000, kronor: 2_000_000, shareOfFrame: 0.01 })).toBe(2_000_000);
    expect(deviationThreshold({ frame: 6_200_000, kronor: 500_000, shareOfFrame: 0.05 })).toBe(310_000);
  });

  it('rejects nonsense limits', () => {
    const invalid = expect.objectContaining({ code: 'uppfoljning.invalid-threshold' });
    expect(() => deviationThreshold({ frame: 1_000, kronor: 0 })).toThrow(invalid);
    expect(() => deviationThreshold({ frame: 1_000, shareOfFrame: 0 })).toThrow(invalid);
    expect(() => deviationThreshold({ frame: 1_000, shareOfFrame: 1.5 })).toThrow(invalid);
  });
});

describe('isSignificantBudgetDeviation', () => {
  const threshold = 5_000_000;

  it('flags a deficit at or beyond the threshold', () => {
    expect(isSignificantBudgetDeviation({ budget: -500_000_000, prognos: -505_000_000 }, threshold)).toBe(
      true,
    );
    expect(isSignificantBudgetDeviation({ budget: -500_000_000, prognos: -510_000_000 }, threshold)).toBe(
      true,
    );
  });

  it('ignores smaller deficits and any surplus', () => {
    expect(isSignificantBudgetDeviation({ budget: -500_000_000, prognos: -504_999_999 }, threshold)).toBe(
      false,
    );
    expect(isSignificantBudgetDeviation({ budget: -500_000_000, prognos: -480_000_000 }, threshold)).toBe(
      false,
    );
    expect(isSignificantBudgetDeviation({ budget: -500_000_000, prognos: -500_000_000 }, 0)).toBe(false);
  });
});
