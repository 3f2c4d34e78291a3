import { RISK_LEVEL_LABELS, riskLevel, riskValue } from './risk';

describe('riskValue', () => {
  it('multiplies likelihood by consequence', () => {
    expect(riskValue(1, 1)).toBe(1);
    expect(riskValue(3, 4)).toBe(12);
    expect(riskValue(5, 5, { min: 1, max: 5 })).toBe(25);
  });

  it('rejects values off the scale', () => {
    const outOfRange = expect.objectContaining({ code: 'uppfoljning.risk-out-of-range' });
    expect(() => riskValue(0, 2)).toThrow(outOfRange);
    expect(() => riskValue(2, 5)).toThrow(outOfRange);
    expect(() => riskValue(2.5, 2)).toThrow(outOfRange);
  });
});

describe('riskLevel', () => {
  it('grades the 4 × 4 matrix low, medium, high', () => {
    expect([1, 4, 6, 8, 9, 16].map((value) => riskLevel(value))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
    expect(riskLevel(10, { mediumFrom: 6, highFrom: 15 })).toBe('medium');
    expect(RISK_LEVEL_LABELS[riskLevel(riskValue(3, 3))]).toBe('Hög');
  });
});
