import {
  assessBalanceRequirement,
  balanceRecoveryDeadlineYear,
  balanceRequirementResult,
  needsSpecialAtgardsplan,
} from './balance-requirement';
import { balanceResultOfReport, balanceStatement, readBalanceRequirementInput } from './balance-requirement';

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

describe('the balanskravsutredning of the municipality’s annual report', () => {
  // A municipality of about 16 000 inhabitants: a year's loss of 8,4 Mkr, a forest sale's gain of
  // 1,9 Mkr, 0,6 Mkr of unrealised losses on the pension fund, nothing to or from the reserve.
  const stored = {
    aretsResultat: -8_400_000,
    realisationsvinster: 1_900_000,
    orealiseradeForluster: 600_000,
    tillResultatutjamningsreserv: 0,
  };

  it('reads the stored table and computes the balanskravsresultat', () => {
    const input = readBalanceRequirementInput(stored);
    expect(input).toEqual({
      result: -8_400_000,
      capitalGains: 1_900_000,
      unrealisedLosses: 600_000,
      toReserve: 0,
    });
    const statement = balanceStatement(input as NonNullable<typeof input>);
    expect(statement.balanskravsresultat).toBe(-9_700_000);
    expect(statement.needsSpecialAtgardsplan).toBe(true);
    expect(statement.rows.map((r) => [r.field, r.amount])).toEqual([
      ['aretsResultat', -8_400_000],
      ['realisationsvinster', -1_900_000],
      ['realisationsvinsterUndantag', 0],
      ['realisationsforlusterUndantag', 0],
      ['orealiseradeForluster', 600_000],
      ['aterforingOrealiseradeForluster', 0],
      ['tillResultatutjamningsreserv', 0],
      ['franResultatutjamningsreserv', 0],
    ]);
  });

  it('adds what is drawn from the reserve, so a small loss can still meet the requirement', () => {
    const input = readBalanceRequirementInput({
      aretsResultat: -3_000_000,
      franResultatutjamningsreserv: 5_000_000,
    });
    expect(balanceStatement(input as NonNullable<typeof input>)).toMatchObject({
      balanskravsresultat: 2_000_000,
      needsSpecialAtgardsplan: false,
    });
  });

  it('gives the annual report’s balanskravsresultat from its stored statement, and none from a nämnd’s old field', () => {
    expect(balanceResultOfReport({ balanskravsutredning: stored })).toBe(-9_700_000);
    expect(balanceResultOfReport({ balanskravsresultat: -2_100_000 })).toBeUndefined();
    expect(balanceResultOfReport(null)).toBeUndefined();
  });

  it('reads nothing without a whole-kronor year’s result, and treats a signed adjustment as its size', () => {
    expect(readBalanceRequirementInput({ realisationsvinster: 1 })).toBeUndefined();
    expect(readBalanceRequirementInput(null)).toBeUndefined();
    expect(readBalanceRequirementInput({ aretsResultat: 10, realisationsvinster: -4 })).toEqual({
      result: 10,
      capitalGains: 4,
    });
  });
});
