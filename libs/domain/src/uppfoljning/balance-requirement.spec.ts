import {
  assessBalanceRequirement,
  balanceRecoveryDeadlineYear,
  balanceRequirementResult,
  needsSpecialAtgardsplan,
} from './balance-requirement';

describe('balance requirement', () => {
  it('adjusts the year result as in the balanskravsutredning', () => {
    expect(balanceRequirementResult({ result: 12_000_000 })).toBe(12_000_000);
    expect(
      balanceRequirementResult({
        result: 5_000_000,
        capitalGains: 8_000_000,
        exemptCapitalGains: 1_000_000,
        exemptCapitalLosses: 500_000,
        unrealisedLosses: 300_000,
        reversedUnrealisedLosses: 100_000,
        toReserve: 200_000,
        fromReserve: 400_000,
      }),
    ).toBe(-1_100_000);
  });

  it('requires a special åtgärdsplan by KF for a negative result, restored within three years', () => {
    expect(needsSpecialAtgardsplan(-1)).toBe(true);
    expect(needsSpecialAtgardsplan(0)).toBe(false);
    expect(balanceRecoveryDeadlineYear(2027)).toBe(2030);
    expect(assessBalanceRequirement(2027, { result: 2_000_000, capitalGains: 3_000_000 })).toEqual({
      year: 2027,
      result: -1_000_000,
      needsSpecialAtgardsplan: true,
      recoveryDeadlineYear: 2030,
    });
    expect(assessBalanceRequirement(2027, { result: 1 }).recoveryDeadlineYear).toBeNull();
  });
});
