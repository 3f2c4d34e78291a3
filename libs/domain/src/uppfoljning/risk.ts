import { DomainError } from '../domain-error';

export interface RiskScale {
  min: number;
  max: number;
}

export type RiskLevel = 'low' | 'medium' | 'high';

export const DEFAULT_RISK_SCALE: RiskScale = { min: 1, max: 4 };

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = {
  low: 'Låg',
  medium: 'Medel',
  high: 'Hög',
};

/**
 * Where a risk value turns medium and high. The defaults fit the common 4 × 4 matrix of Swedish
 * internal control plans: 1–4 low, 5–8 medium, 9–16 high.
 */
export interface RiskLevelThresholds {
  mediumFrom: number;
  highFrom: number;
}

export const DEFAULT_RISK_LEVEL_THRESHOLDS: RiskLevelThresholds = { mediumFrom: 5, highFrom: 9 };

/** Riskvärde = sannolikhet × konsekvens, each a whole step on the scale. */
export function riskValue(
  likelihood: number,
  consequence: number,
  scale: RiskScale = DEFAULT_RISK_SCALE,
): number {
  for (const [name, value] of [
    ['likelihood', likelihood],
    ['consequence', consequence],
  ] as const) {
    if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
      throw new DomainError(
        'uppfoljning.risk-out-of-range',
        `${name} must be a whole number from ${scale.min} to ${scale.max}, got ${value}`,
        { [name]: value },
      );
    }
  }
  return likelihood * consequence;
}

export function riskLevel(
  value: number,
  thresholds: RiskLevelThresholds = DEFAULT_RISK_LEVEL_THRESHOLDS,
): RiskLevel {
  if (value >= thresholds.highFrom) return 'high';
  if (value >= thresholds.mediumFrom) return 'medium';
  return 'low';
}
