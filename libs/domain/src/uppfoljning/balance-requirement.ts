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

/**
 * The balanskravsutredning as the municipality's annual report stores it
 * (`balanskravsutredning` in forms/arsredovisning): whole kronor, every adjustment a positive
 * amount whose row says whether it is added or removed.
 */
export const BALANCE_STATEMENT_FIELDS = [
  { field: 'aretsResultat', input: 'result', sign: 1, label: 'Årets resultat enligt resultaträkningen' },
  {
    field: 'realisationsvinster',
    input: 'capitalGains',
    sign: -1,
    label: 'Reducering av samtliga realisationsvinster',
  },
  {
    field: 'realisationsvinsterUndantag',
    input: 'exemptCapitalGains',
    sign: 1,
    label: 'Vissa realisationsvinster enligt undantagsmöjlighet',
  },
  {
    field: 'realisationsforlusterUndantag',
    input: 'exemptCapitalLosses',
    sign: 1,
    label: 'Vissa realisationsförluster enligt undantagsmöjlighet',
  },
  {
    field: 'orealiseradeForluster',
    input: 'unrealisedLosses',
    sign: 1,
    label: 'Orealiserade förluster i värdepapper',
  },
  {
    field: 'aterforingOrealiseradeForluster',
    input: 'reversedUnrealisedLosses',
    sign: -1,
    label: 'Återföring av orealiserade förluster i värdepapper',
  },
  {
    field: 'tillResultatutjamningsreserv',
    input: 'toReserve',
    sign: -1,
    label: 'Medel till resultatutjämningsreserv',
  },
  {
    field: 'franResultatutjamningsreserv',
    input: 'fromReserve',
    sign: 1,
    label: 'Medel från resultatutjämningsreserv',
  },
] as const satisfies readonly {
  field: string;
  input: keyof BalanceRequirementInput;
  sign: 1 | -1;
  label: string;
}[];

export interface BalanceStatementRow {
  field: (typeof BALANCE_STATEMENT_FIELDS)[number]['field'];
  label: string;
  /** The row's effect on the result in kronor: negative for a deduction. */
  amount: number;
}

export interface BalanceStatement {
  rows: BalanceStatementRow[];
  /** Årets resultat efter balanskravsjusteringar = balanskravsresultat. */
  balanskravsresultat: number;
  needsSpecialAtgardsplan: boolean;
}

/**
 * Reads the stored statement into the computation's input; undefined without a whole-kronor
 * year's result. A missing or malformed adjustment counts as 0.
 */
export function readBalanceRequirementInput(statement: unknown): BalanceRequirementInput | undefined {
  const s = (statement && typeof statement === 'object' ? statement : {}) as Record<string, unknown>;
  if (!Number.isSafeInteger(s['aretsResultat'])) return undefined;
  const input: BalanceRequirementInput = { result: s['aretsResultat'] as number };
  for (const f of BALANCE_STATEMENT_FIELDS) {
    if (f.input === 'result') continue;
    const v = s[f.field];
    if (Number.isSafeInteger(v)) input[f.input] = Math.abs(v as number);
  }
  return input;
}

/** The small table of the annual report: each row's effect, then the balanskravsresultat. */
export function balanceStatement(input: BalanceRequirementInput): BalanceStatement {
  const rows = BALANCE_STATEMENT_FIELDS.map((f) => ({
    field: f.field,
    label: f.label,
    // The year's result keeps its sign; an adjustment is its size, added or removed. `|| 0`: a
    // row with nothing to deduct reads 0, not -0.
    amount: f.input === 'result' ? input.result : f.sign * Math.abs(input[f.input] ?? 0) || 0,
  }));
  const balanskravsresultat = balanceRequirementResult(input);
  return { rows, balanskravsresultat, needsSpecialAtgardsplan: needsSpecialAtgardsplan(balanskravsresultat) };
}

/**
 * The balanskravsresultat of the municipality's annual report (årsredovisning), computed from its
 * `balanskravsutredning`; undefined when the statement has no year's result yet. Nämnder no
 * longer report one: a stored verksamhetsberättelse's old `balanskravsresultat` is kept readable
 * but read by nothing (docs/financial-control.md).
 */
export function balanceResultOfReport(data: unknown): number | undefined {
  const statement = (data as { balanskravsutredning?: unknown } | null)?.balanskravsutredning;
  const input = readBalanceRequirementInput(statement);
  return input ? balanceRequirementResult(input) : undefined;
}
