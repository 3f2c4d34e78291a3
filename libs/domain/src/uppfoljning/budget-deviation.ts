import { DomainError } from '../domain-error';

/**
 * Economic status of a nämnd for a period, in whole kronor, signed as in the nämnd's result
 * statement the way Swedish municipal reports show it: net costs are negative (budget −548 000 000,
 * prognos −555 000 000). A positive deviation is then a surplus, a negative one a deficit.
 */
export interface EkonomiStatus {
  budget: number;
  prognos: number;
  /** Outcome so far; not used for the deviation, which is about the full-year forecast. */
  utfall?: number;
}

/** Default limit of a significant deviation: 1 % of the frame. The source leaves it open (§5.4.2). */
export const DEFAULT_DEVIATION_SHARE = 0.01;

function assertKronor(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('uppfoljning.not-whole-kronor', `${name} must be whole kronor, got ${value}`, {
      [name]: value,
    });
  }
}

/** prognos − budget, in kronor; negative means the nämnd is heading for a deficit. */
export function budgetDeviation({ budget, prognos }: Pick<EkonomiStatus, 'budget' | 'prognos'>): number {
  assertKronor('budget', budget);
  assertKronor('prognos', prognos);
  return prognos - budget;
}

export interface DeviationThresholdConfig {
  /** The nämnd's ekonomiska ram in kronor; its sign does not matter. */
  frame: number;
  /** Absolute limit in kronor. */
  kronor?: number;
  /** Limit as a share of the frame, 0 < share ≤ 1 (0.01 = 1 %). */
  shareOfFrame?: number;
}

/**
 * The deficit, in kronor, from which a deviation is significant and must be reported to KS
 * immediately. Rule: with neither limit configured, 1 % of the frame; with one, that one; with
 * both, the deviation escalates as soon as it reaches either limit, so the smaller one applies.
 */
export function deviationThreshold({ frame, kronor, shareOfFrame }: DeviationThresholdConfig): number {
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
  const share = shareOfFrame ?? (kronor === undefined ? DEFAULT_DEVIATION_SHARE : undefined);
  const limits: number[] = [];
  if (kronor !== undefined) limits.push(kronor);
  if (share !== undefined) limits.push(Math.round(Math.abs(frame) * share));
  return Math.min(...limits);
}

/** A deficit (negative deviation) whose size has reached the threshold; surpluses never escalate. */
export function isSignificantBudgetDeviation(
  ekonomi: Pick<EkonomiStatus, 'budget' | 'prognos'>,
  threshold: number,
): boolean {
  const deviation = budgetDeviation(ekonomi);
  return deviation < 0 && Math.abs(deviation) >= threshold;
}
