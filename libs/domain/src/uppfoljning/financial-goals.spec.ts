import { financialGoalLight, followUpFinancialGoals, readFinancialGoals } from './financial-goals';

const result2 = {
  mal: 'Resultatet ska uppgå till minst 2 % av skatter och generella statsbidrag',
  indikator: 'Årets resultat i procent av skatter och generella statsbidrag',
  enhet: '%',
  riktning: 'minst' as const,
  startvarde: 1.4,
  malvarde: 2,
};
const debt = {
  mal: 'Låneskulden per invånare ska inte öka',
  indikator: 'Låneskuld per invånare',
  enhet: 'kr',
  riktning: 'hogst' as const,
  startvarde: 41_200,
  malvarde: 41_200,
};

describe('traffic lights of KF’s financial goals', () => {
  it('is green when the outcome reaches the target, the target itself included (minst, högst)', () => {
    expect(financialGoalLight(result2, 2)).toBe('green');
    expect(financialGoalLight(result2, 2.6)).toBe('green');
    expect(financialGoalLight(debt, 41_200)).toBe('green');
    expect(financialGoalLight(debt, 39_800)).toBe('green');
  });

  it('is yellow when the target is missed but the outcome is better than the start value', () => {
    expect(financialGoalLight(result2, 1.7)).toBe('yellow');
  });

  it('is red when the outcome is no better than the start value, or there is none to compare with', () => {
    expect(financialGoalLight(result2, 1.4)).toBe('red');
    expect(financialGoalLight(result2, -0.6)).toBe('red');
    expect(financialGoalLight(debt, 43_900)).toBe('red');
    expect(financialGoalLight({ ...result2, startvarde: null }, 1.9)).toBe('red');
  });

  it('is grey without an outcome', () => {
    expect(financialGoalLight(result2, null)).toBe('grey');
    expect(financialGoalLight(result2, undefined)).toBe('grey');
  });

  it('follows up each goal by its indicator, in the goals’ order, with Swedish words', () => {
    const followed = followUpFinancialGoals(
      [result2, debt],
      [
        { indikator: 'Låneskuld per invånare', utfall: 43_900 },
        { indikator: result2.indikator, utfall: -0.6 },
      ],
    );
    expect(followed.map((g) => [g.indikator, g.utfall, g.light, g.bedomning])).toEqual([
      [result2.indikator, -0.6, 'red', 'Ej uppnått'],
      ['Låneskuld per invånare', 43_900, 'red', 'Ej uppnått'],
    ]);
    expect(followUpFinancialGoals([result2], [])[0]).toMatchObject({ utfall: null, light: 'grey' });
  });

  it('reads goals as the budget form stores them and leaves out malformed ones', () => {
    expect(readFinancialGoals([result2, { mal: 'utan målvärde', indikator: 'x' }, null, 'x'])).toEqual([
      result2,
    ]);
    expect(readFinancialGoals({})).toEqual([]);
  });
});
