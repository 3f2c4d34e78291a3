import { DomainError } from '../domain-error';

/**
 * A nämnd's economic status in a report (`ekonomi`), in whole kronor of NET COST, the way a
 * nämnd's budget is written in Swedish municipal budgets: a cost is positive, a net income
 * negative (a nämnd of 550 Mkr: arsbudget 550 000 000). These names are the contract for imports
 * from the financial system.
 */
export interface Ekonomi {
  /** The budget for the whole year (the frame KF adopted; changed only by a budget decision). */
  arsbudget: number;
  /** The budget for the year to date. */
  periodbudget: number;
  /** The outcome for the year to date. */
  utfall: number;
  /** The forecast for the whole year. */
  prognos: number;
}

/** Default limit of a significant deviation: 1 % of the frame. The source leaves it open (§5.4.2). */
export const DEFAULT_DEVIATION_SHARE = 0.01;

/** What a deviation in net cost means: below zero a deficit, above a surplus. */
export type DeviationMeaning = 'underskott' | 'överskott' | 'ingen avvikelse';

export function assertKronor(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('uppfoljning.not-whole-kronor', `${name} must be whole kronor, got ${value}`, {
      [name]: value,
    });
  }
}

/**
 * arsbudget − prognos, in kronor: the full-year budget against the full-year forecast. Negative
 * means the forecast costs more than the budget (an overrun, a deficit); positive a surplus.
 */
export function budgetDeviation({ arsbudget, prognos }: Pick<Ekonomi, 'arsbudget' | 'prognos'>): number {
  assertKronor('arsbudget', arsbudget);
  assertKronor('prognos', prognos);
  return arsbudget - prognos;
}

/**
 * arsbudget − utfall, in kronor: the year-end report's deviation (verksamhetsberättelse). The year
 * is over, so its outcome takes the forecast's place; negative is a deficit, as in budgetDeviation.
 */
export function yearEndDeviation({ arsbudget, utfall }: Pick<Ekonomi, 'arsbudget' | 'utfall'>): number {
  return budgetDeviation({ arsbudget, prognos: utfall });
}

/** periodbudget − utfall, in kronor: the year to date; negative means more was spent than budgeted. */
export function periodDeviation({ periodbudget, utfall }: Pick<Ekonomi, 'periodbudget' | 'utfall'>): number {
  assertKronor('periodbudget', periodbudget);
  assertKronor('utfall', utfall);
  return periodbudget - utfall;
}

/** The word shown next to a deviation of net cost. */
export function deviationMeaning(deviation: number): DeviationMeaning {
  return deviation < 0 ? 'underskott' : deviation > 0 ? 'överskott' : 'ingen avvikelse';
}

export interface DeviationThresholdConfig {
  /** The nämnd's ekonomiska ram in kronor; its sign does not matter. */
  frame: number;
  /** Absolute limit in kronor. */
  kronor?: number;
  /** Limit as a share of the frame, 0 < share ≤ 1 (0.01 = 1 %). */
  shareOfFrame?: number;
  /** The share used when neither limit is configured (DEFAULT_DEVIATION_SHARE). */
  defaultShare?: number;
}

/**
 * The deficit, in kronor, from which a deviation is significant and must be reported to KS
 * immediately. Rule: with neither limit configured, the default share of the frame (1 %); with
 * one, that one; with both, the deviation escalates as soon as it reaches either limit, so the
 * smaller one applies.
 */
export function deviationThreshold({
  frame,
  kronor,
  shareOfFrame,
  defaultShare = DEFAULT_DEVIATION_SHARE,
}: DeviationThresholdConfig): number {
  assertKronor('frame', frame);
  if (kronor !== undefined) {
    assertKronor('kronor', kronor);
    if (kronor <= 0)
      throw new DomainError('uppfoljning.invalid-threshold', `kronor must be positive, got ${kronor}`);
  }
  if (shareOfFrame !== undefined && !(shareOfFrame > 0 && shareOfFrame <= 1)) {
    throw new DomainError(
      'uppfoljning.invalid-threshold',
      `shareOfFrame must be in (0, 1], got ${shareOfFrame}`,
    );
  }
  const share = shareOfFrame ?? (kronor === undefined ? defaultShare : undefined);
  const limits: number[] = [];
  if (kronor !== undefined) limits.push(kronor);
  if (share !== undefined) limits.push(Math.round(Math.abs(frame) * share));
  return Math.min(...limits);
}

/**
 * A deficit whose size is at least the threshold ("minst", ≥): deviation < 0 and
 * |deviation| ≥ threshold. Surpluses never escalate.
 */
export function isSignificantDeficit(deviation: number, threshold: number): boolean {
  return deviation < 0 && -deviation >= threshold;
}

/** A full-year forecast overrun of at least the threshold. */
export function isSignificantBudgetDeviation(
  ekonomi: Pick<Ekonomi, 'arsbudget' | 'prognos'>,
  threshold: number,
): boolean {
  return isSignificantDeficit(budgetDeviation(ekonomi), threshold);
}

/** An `ekonomi` object as stored, when all four figures are whole kronor; else null. */
export function readEkonomi(value: unknown): Ekonomi | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const keys = ['arsbudget', 'periodbudget', 'utfall', 'prognos'] as const;
  if (!keys.every((k) => Number.isSafeInteger(v[k]))) return null;
  return {
    arsbudget: Number(v['arsbudget']),
    periodbudget: Number(v['periodbudget']),
    utfall: Number(v['utfall']),
    prognos: Number(v['prognos']),
  };
}
