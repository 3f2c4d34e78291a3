import { isDomainError } from '../domain-error';
import { readKoladaDataPage, readKoladaFile, readKoladaGroups, readKoladaKpis } from './kolada-response';

// The shapes of Kolada's v2 answers (api.kolada.se/v2), as recorded in test/fixtures/kolada/.
const page = {
  count: 1,
  values: [
    {
      kpi: 'N15428',
      municipality: '1861',
      period: 2081,
      values: [
        { count: 1, gender: 'K', status: '', value: 84.2 },
        { count: 1, gender: 'M', status: '', value: 77.9 },
        { count: 1, gender: 'T', status: '', value: 80.9 },
      ],
    },
  ],
  next_page: 'http://api.kolada.se/v2/data/kpi/N15428/municipality/1861/year/2081?page=2&per_page=1',
};

describe('reading Kolada responses', () => {
  it('reads a data page: one value per gender, the year from period, and the next page', () => {
    const read = readKoladaDataPage(page);
    expect(read.nextPage).toBe(page.next_page);
    expect(read.values).toEqual([
      { kpi: 'N15428', municipalityId: '1861', year: 2081, gender: 'K', value: 84.2, status: '', count: 1 },
      { kpi: 'N15428', municipalityId: '1861', year: 2081, gender: 'M', value: 77.9, status: '', count: 1 },
      { kpi: 'N15428', municipalityId: '1861', year: 2081, gender: 'T', value: 80.9, status: '', count: 1 },
    ]);
  });

  it('reads an empty year (count 0) as no values and no next page', () => {
    expect(readKoladaDataPage({ count: 0, values: [] })).toEqual({ values: [], nextPage: null });
  });

  it('keeps a row without a figure as null with its status, and reads period given as text', () => {
    const read = readKoladaDataPage({
      count: 1,
      values: [
        {
          kpi: 'N00945',
          municipality: '1861',
          period: '2080',
          values: [{ gender: 'T', status: 'Missing', value: null }],
        },
      ],
    });
    expect(read.values).toEqual([
      {
        kpi: 'N00945',
        municipalityId: '1861',
        year: 2080,
        gender: 'T',
        value: null,
        status: 'Missing',
        count: 1,
      },
    ]);
  });

  it.each([
    ['no values list', { count: 0 }],
    ['a row without kpi', { values: [{ municipality: '1861', period: 2080, values: [] }] }],
    [
      'a year that is no year',
      { values: [{ kpi: 'N00945', municipality: '1861', period: 'x', values: [] }] },
    ],
    [
      'an unknown gender',
      {
        values: [{ kpi: 'N00945', municipality: '1861', period: 2080, values: [{ gender: 'X', value: 1 }] }],
      },
    ],
    [
      'a value that is text',
      {
        values: [
          { kpi: 'N00945', municipality: '1861', period: 2080, values: [{ gender: 'T', value: '1' }] },
        ],
      },
    ],
    ['an array', []],
  ])('refuses %s, naming what is wrong', (_, body) => {
    let caught: unknown;
    try {
      readKoladaDataPage(body);
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught, 'kolada.malformed')).toBe(true);
  });

  it('reads municipality groups with their members, and KPIs with title and unit', () => {
    expect(
      readKoladaGroups({
        count: 1,
        values: [
          { id: 'G124026', title: 'Liknande kommuner', members: [{ id: '1862', title: 'Degerfors' }] },
        ],
      }),
    ).toEqual([{ id: 'G124026', title: 'Liknande kommuner', members: [{ id: '1862', title: 'Degerfors' }] }]);
    expect(readKoladaKpis({ count: 1, values: [{ id: 'N15428', title: 'Behöriga', unit: '' }] })).toEqual([
      { id: 'N15428', title: 'Behöriga', unit: null },
    ]);
  });

  it('reads a saved file holding data and group responses together', () => {
    const file = readKoladaFile([
      page,
      { count: 1, values: [{ id: 'G1', title: 'Grupp', members: [{ id: '1880', title: 'Örebro' }] }] },
    ]);
    expect(file.values).toHaveLength(3);
    expect(file.groups).toEqual([{ id: 'G1', title: 'Grupp', members: [{ id: '1880', title: 'Örebro' }] }]);
    const withKpis = readKoladaFile({ count: 1, values: [{ id: 'N15428', title: 'Behöriga', unit: '%' }] });
    expect(withKpis).toEqual({
      values: [],
      groups: [],
      kpis: [{ id: 'N15428', title: 'Behöriga', unit: '%' }],
    });
  });
});
