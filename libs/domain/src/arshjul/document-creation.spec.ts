import { documentCreationProblem, documentTitle } from './document-creation';

const namnd = { name: 'Bildningsnämnden', kind: 'namnd' as const };
const enhet = { name: 'Sköllersta skola', kind: 'enhet' as const };

describe('documentCreationProblem', () => {
  it('accepts a type the unit may own, with the period its type needs', () => {
    expect(
      documentCreationProblem({ type: 'mal-och-budget', unit: namnd, year: 2027, period: null }),
    ).toBeNull();
    expect(
      documentCreationProblem({ type: 'manadsrapport', unit: namnd, year: 2027, period: '2027-02' }),
    ).toBeNull();
    expect(documentCreationProblem({ type: 'atgardsplan', unit: namnd, year: 2027, period: '2' })).toBeNull();
  });

  it('names the first field that is wrong: type, unit, ownership, period', () => {
    expect(documentCreationProblem({ type: 'roman', unit: namnd, year: 2027, period: null })).toEqual({
      detail: 'Dokumenttypen roman finns inte.',
      pointer: '/type',
      message: 'Okänd dokumenttyp.',
    });
    expect(documentCreationProblem({ type: 'gpf', unit: undefined, year: 2027, period: null })?.pointer).toBe(
      '/orgUnitId',
    );
    expect(documentCreationProblem({ type: 'gpf', unit: enhet, year: 2027, period: null })).toEqual({
      detail: 'Gemensamma planeringsförutsättningar kan inte ägas av Sköllersta skola.',
      pointer: '/orgUnitId',
      message: 'Enheten kan inte äga den här dokumenttypen.',
    });
    expect(
      documentCreationProblem({ type: 'manadsrapport', unit: namnd, year: 2027, period: null })?.pointer,
    ).toBe('/period');
    expect(
      documentCreationProblem({ type: 'mal-och-budget', unit: namnd, year: 2027, period: '2' })?.pointer,
    ).toBe('/period');
  });
});

describe('documentTitle', () => {
  it('says type, year or report period, and owner', () => {
    expect(documentTitle('mal-och-budget', 2027, null, 'Bildningsnämnden')).toBe(
      'Mål och budget 2027 – Bildningsnämnden',
    );
    expect(documentTitle('manadsrapport', 2027, '2027-02', 'Bildningsnämnden')).toBe(
      'Månadsrapport februari 2027 – Bildningsnämnden',
    );
    expect(documentTitle('atgardsplan', 2027, '2', 'Bildningsnämnden')).toBe(
      'Åtgärdsplan 2027 nr 2 – Bildningsnämnden',
    );
  });
});
