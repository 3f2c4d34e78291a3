import {
  investmentTotals,
  isSignificantInvestmentDeviation,
  overrunProjects,
  readInvesteringar,
} from './investment-deviation';

const projects = [
  { projekt: 'Ny förskola Östansjö', budget: 28_000_000, utfall: 9_400_000, prognos: 31_500_000 },
  { projekt: 'Ventilation Transtenskolan', budget: 6_500_000, utfall: 2_100_000, prognos: 6_200_000 },
  { projekt: 'Digitala lärverktyg', budget: 1_500_000, utfall: 700_000, prognos: 1_500_000 },
];

describe('investments', () => {
  it('sums the projects and takes budget − prognos of the total', () => {
    expect(investmentTotals(projects)).toEqual({
      budget: 36_000_000,
      utfall: 12_200_000,
      prognos: 39_200_000,
      avvikelse: -3_200_000,
    });
    expect(investmentTotals([])).toEqual({ budget: 0, utfall: 0, prognos: 0, avvikelse: 0 });
  });

  it('names the projects over budget, the largest overrun first', () => {
    expect(overrunProjects(projects).map((p) => [p.projekt, p.avvikelse])).toEqual([
      ['Ny förskola Östansjö', -3_500_000],
    ]);
  });

  it('an overrun of the total of at least the threshold is significant; a smaller one or a surplus is not', () => {
    expect(isSignificantInvestmentDeviation(projects, 1_800_000)).toBe(true);
    expect(isSignificantInvestmentDeviation(projects, 3_200_000)).toBe(true);
    expect(isSignificantInvestmentDeviation(projects, 3_200_001)).toBe(false);
    expect(isSignificantInvestmentDeviation([{ ...projects[1] }], 1)).toBe(false);
    expect(isSignificantInvestmentDeviation([], 0)).toBe(false);
  });

  it('reads only rows with whole-kronor figures', () => {
    expect(
      readInvesteringar([projects[0], { projekt: 'x', budget: 1.5, utfall: 0, prognos: 0 }, null]),
    ).toEqual([projects[0]]);
    expect(readInvesteringar('Text från det gamla formuläret')).toEqual([]);
  });

  it('refuses figures that are not whole kronor', () => {
    expect(() => investmentTotals([{ projekt: 'x', budget: 0.5, utfall: 0, prognos: 0 }])).toThrow(
      expect.objectContaining({ code: 'uppfoljning.not-whole-kronor' }),
    );
  });
});
