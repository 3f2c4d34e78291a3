import { GoalFulfilmentInput, goalFulfilment, tooManyGoals } from './goal-fulfilment';

// A mandate period 2027–2030 (1461 days); halfway is 2029-01-01 (731 days in).
const base: Omit<GoalFulfilmentInput, 'latestValue' | 'at'> = {
  startValue: 60,
  targetValue: 80,
  startDate: '2027-01-01',
  endDate: '2031-01-01',
};

describe('goalFulfilment', () => {
  it('is green on or above the straight line', () => {
    const halfway = goalFulfilment({ ...base, latestValue: 70.01, at: '2029-01-01' });
    expect(halfway.expected).toBeCloseTo(70.007, 2);
    expect(halfway.colour).toBe('green');
    expect(goalFulfilment({ ...base, latestValue: 75, at: '2029-01-01' }).ratio).toBeCloseTo(1.5, 2);
    expect(goalFulfilment({ ...base, latestValue: 80, at: '2031-01-01' })).toMatchObject({
      expected: 80,
      ratio: 1,
      colour: 'green',
      direction: 'increase',
    });
  });

  it('is yellow within 10 % of the planned progress below the line, red beyond', () => {
    // At the end, planned progress is 20; yellow down to 78, red below.
    expect(goalFulfilment({ ...base, latestValue: 78, at: '2031-01-01' }).colour).toBe('yellow');
    expect(goalFulfilment({ ...base, latestValue: 77.9, at: '2031-01-01' }).colour).toBe('red');
    expect(goalFulfilment({ ...base, latestValue: 70, at: '2031-01-01' }).ratio).toBeCloseTo(0.5);
    expect(goalFulfilment({ ...base, latestValue: 77.9, at: '2031-01-01', yellowBand: 0.2 }).colour).toBe(
      'yellow',
    );
  });

  it('infers a decreasing goal and measures progress downwards', () => {
    const decreasing = { ...base, startValue: 40, targetValue: 20 };
    expect(goalFulfilment({ ...decreasing, latestValue: 20, at: '2031-01-01' })).toMatchObject({
      direction: 'decrease',
      colour: 'green',
    });
    expect(goalFulfilment({ ...decreasing, latestValue: 25, at: '2031-01-01' }).colour).toBe('red');
    expect(goalFulfilment({ ...decreasing, latestValue: 21.5, at: '2031-01-01' }).colour).toBe('yellow');
  });

  it('clamps the line before the start and after the end of the period', () => {
    expect(goalFulfilment({ ...base, latestValue: 60, at: '2026-06-01' })).toMatchObject({
      expected: 60,
      ratio: 1,
      colour: 'green',
    });
    expect(goalFulfilment({ ...base, latestValue: 59, at: '2027-01-01' }).colour).toBe('red');
    expect(goalFulfilment({ ...base, latestValue: 80, at: '2032-06-01' }).expected).toBe(80);
  });

  it('treats holding a level as an increase goal', () => {
    const hold = { ...base, startValue: 95, targetValue: 95 };
    expect(goalFulfilment({ ...hold, latestValue: 95, at: '2029-01-01' }).colour).toBe('green');
    expect(goalFulfilment({ ...hold, latestValue: 94, at: '2029-01-01' }).colour).toBe('red');
  });

  it('rejects contradictory or malformed input', () => {
    expect(() =>
      goalFulfilment({ ...base, direction: 'decrease', latestValue: 70, at: '2029-01-01' }),
    ).toThrow(expect.objectContaining({ code: 'uppfoljning.direction-mismatch' }));
    expect(() =>
      goalFulfilment({ ...base, endDate: '2027-01-01', latestValue: 70, at: '2029-01-01' }),
    ).toThrow(expect.objectContaining({ code: 'uppfoljning.invalid-indicator' }));
    expect(() => goalFulfilment({ ...base, latestValue: Number.NaN, at: '2029-01-01' })).toThrow(
      expect.objectContaining({ code: 'uppfoljning.invalid-indicator' }),
    );
  });
});

describe('tooManyGoals', () => {
  it('warns above eight goals by default', () => {
    expect(tooManyGoals(8)).toBe(false);
    expect(tooManyGoals(9)).toBe(true);
    expect(tooManyGoals(5, 4)).toBe(true);
  });
});
