import { rolledUpColour, rollUpGoalFulfilment, type RollUpGoal } from './goal-rollup';

const goal = (id: string, area: string, ...colours: ('green' | 'yellow' | 'red' | null)[]): RollUpGoal => ({
  namndId: 'n1',
  namnd: 'Bildningsnämnden',
  id,
  titel: `Mål ${id}`,
  strategisktOmrade: area,
  indikatorer: colours.map((colour, i) => ({ namn: `i${i}`, colour })),
});

describe('the municipality’s goal fulfilment per strategic area', () => {
  it('is green at three in four green indicators, red above one in four red, yellow between', () => {
    expect(rolledUpColour({ green: 3, yellow: 1, red: 0, saknas: 0 })).toBe('green');
    expect(rolledUpColour({ green: 3, yellow: 0, red: 1, saknas: 5 })).toBe('green');
    expect(rolledUpColour({ green: 2, yellow: 2, red: 0, saknas: 0 })).toBe('yellow');
    expect(rolledUpColour({ green: 1, yellow: 2, red: 1, saknas: 0 })).toBe('yellow');
    expect(rolledUpColour({ green: 2, yellow: 0, red: 2, saknas: 0 })).toBe('red');
    expect(rolledUpColour({ green: 0, yellow: 0, red: 0, saknas: 2 })).toBeNull();
  });

  it('rolls every nämnd’s goals up to their area, in the period’s order, with the rest as Övriga mål', () => {
    const rows = rollUpGoalFulfilment(
      ['Utbildning', 'Livsmiljö', 'Näringsliv'],
      [
        goal('BIN-1', 'Utbildning', 'green', 'green'),
        { ...goal('SBN-1', 'Utbildning', 'red', null), namndId: 'n2', namnd: 'Samhällsbyggnadsnämnden' },
        goal('BIN-2', 'Livsmiljö', 'green', 'green', 'yellow', 'green'),
        goal('X-1', 'Okänt område', 'red'),
      ],
    );
    expect(rows.map((r) => [r.omrade, r.strategic, r.colour, r.indikatorer])).toEqual([
      ['Utbildning', true, 'red', { green: 2, yellow: 0, red: 1, saknas: 1 }],
      ['Livsmiljö', true, 'green', { green: 3, yellow: 1, red: 0, saknas: 0 }],
      ['Näringsliv', true, null, { green: 0, yellow: 0, red: 0, saknas: 0 }],
      ['Övriga mål', false, 'red', { green: 0, yellow: 0, red: 1, saknas: 0 }],
    ]);
    expect(rows[0].namndmal.map((g) => [g.namnd, g.id, g.colour])).toEqual([
      ['Bildningsnämnden', 'BIN-1', 'green'],
      ['Samhällsbyggnadsnämnden', 'SBN-1', 'red'],
    ]);
    expect(rows[0].bedomning).toBe('Inte uppfyllt');
    expect(rows[1].bedomning).toBe('Uppfyllt i hög grad');
    expect(rows[2].bedomning).toMatch(/Kan inte bedömas/);
  });
});
