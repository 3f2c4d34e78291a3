import { DomainError } from '../domain-error';
import { daysBetween } from '../arshjul/due-instant';

export type GoalDirection = 'increase' | 'decrease';
export type GoalColour = 'green' | 'yellow' | 'red';

export interface GoalFulfilmentInput {
  /** Ingångsvärde: the indicator's value at `startDate`. */
  startValue: number;
  /** Målnivå: the value to reach by `endDate` (end of the mandate period). */
  targetValue: number;
  /** 'YYYY-MM-DD' */
  startDate: string;
  endDate: string;
  latestValue: number;
  /** When `latestValue` was measured, 'YYYY-MM-DD'. */
  at: string;
  /** Inferred from start vs target when absent; a goal to hold a level counts as 'increase'. */
  direction?: GoalDirection;
  /** Share of the planned progress a result may fall short of the line and still be yellow. */
  yellowBand?: number;
}

export interface GoalFulfilment {
  /** Where the straight line from start value to target level stands on `at`. */
  expected: number;
  /** Progress made ÷ progress planned by `at` (1 = exactly on the line); may be < 0 or > 1. */
  ratio: number;
  colour: GoalColour;
  direction: GoalDirection;
}

export const DEFAULT_YELLOW_BAND = 0.1;
export const DEFAULT_MAX_GOALS = 8;

/**
 * Is the indicator "on its way according to plan" (§5.4.2.1)? The plan is the straight line from
 * the start value to the target level over the mandate period. Green: at or beyond the line.
 * Yellow: behind it by at most `yellowBand` of the progress planned so far. Red: further behind.
 * Before the start date nothing is planned yet, so anything not worse than the start is green.
 */
export function goalFulfilment(input: GoalFulfilmentInput): GoalFulfilment {
  const { startValue, targetValue, latestValue } = input;
  const band = input.yellowBand ?? DEFAULT_YELLOW_BAND;
  if (![startValue, targetValue, latestValue].every(Number.isFinite)) {
    throw new DomainError('uppfoljning.invalid-indicator', 'indicator values must be finite numbers');
  }
  if (!(band >= 0 && band <= 1)) {
    throw new DomainError('uppfoljning.invalid-indicator', `yellowBand must be in [0, 1], got ${band}`);
  }
  const span = daysBetween(input.startDate, input.endDate);
  if (span <= 0) throw new DomainError('uppfoljning.invalid-indicator', 'endDate must be after startDate');

  const direction = input.direction ?? (targetValue < startValue ? 'decrease' : 'increase');
  const sign = direction === 'increase' ? 1 : -1;
  if (sign * (targetValue - startValue) < 0) {
    throw new DomainError(
      'uppfoljning.direction-mismatch',
      `a goal to ${direction} cannot go from ${startValue} to ${targetValue}`,
    );
  }

  const elapsed = Math.min(1, Math.max(0, daysBetween(input.startDate, input.at) / span));
  const expected = startValue + (targetValue - startValue) * elapsed;
  const planned = sign * (expected - startValue);
  const achieved = sign * (latestValue - startValue);
  // Float noise must not turn an exact hit on the line into yellow.
  const epsilon = 1e-9 * Math.max(1, Math.abs(startValue), Math.abs(targetValue));
  const shortfall = planned - achieved;

  const ratio = planned > epsilon ? achieved / planned : achieved >= -epsilon ? 1 : 0;
  const colour: GoalColour =
    shortfall <= epsilon ? 'green' : shortfall <= band * planned + epsilon ? 'yellow' : 'red';
  return { expected, ratio, colour, direction };
}

/** Goals should be "living and reasonable in number" (§5); true when a nämnd has more than `max`. */
export function tooManyGoals(count: number, max: number = DEFAULT_MAX_GOALS): boolean {
  return count > max;
}
