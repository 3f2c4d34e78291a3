/**
 * Balanskravsutredning: from the year's result to the balance-requirement result, in kronor, as
 * laid out in municipal annual reports (lag om kommunal bokföring och redovisning 4 kap. 3 a §).
 * Every adjustment is optional and given as a positive amount.
 */
export interface BalanceRequirementInput {
  /** Årets resultat enligt resultaträkningen. */
  result: number;
  /** Samtliga realisationsvinster (removed). */
  capitalGains?: number;
  /** Realisationsvinster enligt undantagsmöjlighet (added back). */
  exemptCapitalGains?: number;
  /** Realisationsförluster enligt undantagsmöjlighet (added back). */
  exemptCapitalLosses?: number;
  /** Orealiserade förluster i värdepapper (added back). */
  unrealisedLosses?: number;
  /** Återföring av orealiserade förluster i värdepapper (removed). */
  reversedUnrealisedLosses?: number;
  /** Reservering till resultatutjämningsreserv (removed). */
  toReserve?: number;
  /** Disponering från resultatutjämningsreserv (added). */
  fromReserve?: number;
}

export function balanceRequirementResult(input: BalanceRequirementInput): number {
  return (
    input.result -
    (input.capitalGains ?? 0) +
    (input.exemptCapitalGains ?? 0) +
    (input.exemptCapitalLosses ?? 0) +
    (input.unrealisedLosses ?? 0) -
    (input.reversedUnrealisedLosses ?? 0) -
    (input.toReserve ?? 0) +
    (input.fromReserve ?? 0)
  );
}

/**
 * A negative result must be restored within the three following years, and KF adopts a special
 * åtgärdsplan for how (kommunallagen 2017:725, 11 kap. 12–13 §§; the source cites the older
 * 8 kap. 5 a §).
 */
export function needsSpecialAtgardsplan(balanceResult: number): boolean {
  return balanceResult < 0;
}

/** Last year in which a deficit from `year` may be restored. */
export function balanceRecoveryDeadlineYear(year: number): number {
  return year + 3;
}

export interface BalanceRequirementAssessment {
  year: number;
  result: number;
  needsSpecialAtgardsplan: boolean;
  /** Set only when the result is negative. */
  recoveryDeadlineYear: number | null;
}

export function assessBalanceRequirement(
  year: number,
  input: BalanceRequirementInput,
): BalanceRequirementAssessment {
  const result = balanceRequirementResult(input);
  const negative = needsSpecialAtgardsplan(result);
  return {
    year,
    result,
    needsSpecialAtgardsplan: negative,
    recoveryDeadlineYear: negative ? balanceRecoveryDeadlineYear(year) : null,
  };
}
