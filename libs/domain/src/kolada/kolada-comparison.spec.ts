import { koladaLinksOf, readKoladaLink } from './kolada-link';
import { comparisonMembers, koladaSeries, median } from './kolada-comparison';
import type { KoladaValue } from './kolada-response';

const v = (
  municipalityId: string,
  year: number,
  value: number | null,
  gender: 'T' | 'K' | 'M' = 'T',
): KoladaValue => ({
  kpi: 'N15428',
  municipalityId,
  year,
  gender,
  value,
  status: '',
  count: 1,
});

describe('the comparison group’s median', () => {
  it('is the middle value, the mean of the middle two for an even count, null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 5])).toBe(5);
  });

  it('compares with the group’s members and the picked municipalities, the municipality itself left out', () => {
    const link = { kpi: 'N15428', jamforelsegrupp: 'G1', jamforelsekommuner: ['1880', '1862'] };
    const groups = new Map([['G1', ['1861', '1862', '1863']]]);
    expect(comparisonMembers(link, '1861', groups)).toEqual(['1862', '1863', '1880']);
    expect(comparisonMembers({ ...link, jamforelsegrupp: 'G404' }, '1861', groups)).toEqual(['1880', '1862']);
  });

  it('gives per year the municipality’s value with its gender split beside the median of the others', () => {
    const link = { kpi: 'N15428', jamforelsegrupp: null, jamforelsekommuner: [] };
    const series = koladaSeries(
      link,
      '1861',
      ['1862', '1863', '1880'],
      [
        v('1861', 2080, 80.9),
        v('1861', 2080, 84.2, 'K'),
        v('1861', 2080, 77.9, 'M'),
        v('1862', 2080, 70),
        v('1863', 2080, 90),
        v('1880', 2080, 75),
        v('1880', 2080, 99, 'K'),
        v('1862', 2081, 71),
        v('1863', 2081, null),
        v('1999', 2081, 10),
      ],
    );
    expect(series).toEqual([
      { year: 2080, value: 80.9, women: 84.2, men: 77.9, median: 75, medianOf: 3 },
      { year: 2081, value: null, women: null, men: null, median: 71, medianOf: 1 },
    ]);
  });
});

describe('an indicator’s Kolada link', () => {
  it('is read from the form, keeping only well-formed ids', () => {
    expect(
      readKoladaLink({
        kpi: ' N15428 ',
        jamforelsegrupp: 'G124026',
        jamforelsekommuner: ['1862', 'x', '1862'],
      }),
    ).toEqual({ kpi: 'N15428', jamforelsegrupp: 'G124026', jamforelsekommuner: ['1862'] });
    expect(readKoladaLink({ kpi: 'abc' })).toBeNull();
    expect(readKoladaLink(undefined)).toBeNull();
  });

  it('is found on nämndmål indicators and on financial goals', () => {
    const mob = { namndmal: [{ indikatorer: [{ namn: 'a', kolada: { kpi: 'N15428' } }, { namn: 'b' }] }] };
    expect(koladaLinksOf('mal-och-budget', mob).map((l) => l.kpi)).toEqual(['N15428']);
    const bfp = {
      finansiellaMal: [{ kolada: { kpi: 'N03101' } }],
      malGodEkonomiskHushallning: [{ kolada: { kpi: 'N03102' } }],
    };
    expect(koladaLinksOf('budget-och-flerarsplan', bfp).map((l) => l.kpi)).toEqual(['N03101', 'N03102']);
  });
});
