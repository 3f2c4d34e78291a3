import { OrgTree, demoOrgUnits } from '@rodtrad/domain';
import { buildRedThread, type RedThreadDocument } from './red-thread';

const tree = new OrgTree(demoOrgUnits());
const period = { startYear: 2027, endYear: 2030, vision: 'Det öppna Hallsberg', coreValues: [] };
const areas = [
  { id: 'a1', name: 'Livslångt lärande', description: '' },
  { id: 'a2', name: 'God service', description: '' },
];
const goal = (id: string, area = 'Livslångt lärande') => ({
  id,
  titel: `Mål ${id}`,
  strategisktOmrade: area,
  indikatorer: [{ namn: 'Andel', ingangsvarde: 80, malniva: 90, matdatum: '2030-12-31' }],
});
const doc = (
  id: string,
  type: string,
  orgUnitId: string,
  data: Record<string, unknown>,
): RedThreadDocument => ({
  id,
  type,
  orgUnitId,
  state: 'draft',
  period: null,
  data,
});

/** What every thread below is built over: the year 2027, the tree, the mandate period and its areas. */
const BASE = { year: 2027, tree, mandatePeriod: period, strategicAreas: areas };

describe('the red thread', () => {
  it('hangs nämndmål under their strategic area and links strategies and activities of the same nämnd only', () => {
    const thread = buildRedThread({
      ...BASE,
      documents: [
        doc('mob-bin', 'mal-och-budget', 'bin', { namndmal: [goal('1')] }),
        doc('mob-san', 'mal-och-budget', 'san', { namndmal: [goal('1', 'God service')] }),
        doc('fp-bin', 'forvaltningsplan', 'bin-f', {
          strategier: [{ namndmalId: '1', strategi: 'Läslyft' }],
        }),
        doc('fp-san', 'forvaltningsplan', 'san-f', {
          strategier: [{ namndmalId: '1', strategi: 'Hemtjänst' }],
        }),
        doc('ep', 'enhetsplan', 'transten', { aktiviteter: [{ namndmalId: '1', titel: 'Lästid' }] }),
      ],
    });
    const [learning, service] = thread.strategicAreas;
    expect(learning.namndmal.map((g) => g.documentId)).toEqual(['mob-bin']);
    expect(learning.namndmal[0].strategier.map((s) => s.documentId)).toEqual(['fp-bin']);
    expect(learning.namndmal[0].aktiviteter.map((a) => a.documentId)).toEqual(['ep']);
    expect(service.namndmal[0].strategier.map((s) => s.strategi)).toEqual(['Hemtjänst']);
    expect(service.namndmal[0].aktiviteter).toEqual([]);
  });

  it('colours an indicator by its latest result against the straight line over the mandate period', () => {
    const thread = buildRedThread({
      ...BASE,
      documents: [
        doc('mob', 'mal-och-budget', 'bin', { namndmal: [goal('1')] }),
        doc('t1', 'tertialrapport', 'bin', {
          maluppfyllelse: [{ namndmalId: '1', indikator: 'Andel', utfall: 85 }],
        }),
        doc('d1', 'delarsrapport', 'bin', {
          maluppfyllelse: [{ namndmalId: '1', indikator: 'Andel', utfall: 79 }],
        }),
      ],
    });
    const indicator = thread.strategicAreas[0].namndmal[0].indikatorer[0];
    // the interim report (31 July) is later than the tertial report and is below the start value
    expect(indicator.latest).toMatchObject({ utfall: 79, documentId: 'd1', at: '2027-07-31' });
    expect(indicator.colour).toBe('red');
  });

  it('has no colour for an indicator without results', () => {
    const thread = buildRedThread({
      ...BASE,
      documents: [doc('mob', 'mal-och-budget', 'bin', { namndmal: [goal('1')] })],
    });
    expect(thread.strategicAreas[0].namndmal[0].indikatorer[0]).toMatchObject({ latest: null, colour: null });
  });

  it('warns about too many goals for one nämnd, and keeps goals outside the areas visible', () => {
    const thread = buildRedThread({
      ...BASE,
      maxGoals: 2,
      documents: [
        doc('mob', 'mal-och-budget', 'bin', { namndmal: [goal('1'), goal('2'), goal('3', 'Okänt område')] }),
      ],
    });
    expect(thread.warnings).toEqual([
      expect.objectContaining({ code: 'tooManyGoals', namndId: 'bin', count: 3, max: 2 }),
    ]);
    expect(thread.otherGoals.map((g) => g.id)).toEqual(['3']);
  });

  it('narrows to one nämnd', () => {
    const thread = buildRedThread({
      year: 2027,
      tree,
      namndId: 'san',
      mandatePeriod: period,
      strategicAreas: areas,
      documents: [
        doc('mob-bin', 'mal-och-budget', 'bin', { namndmal: [goal('1')] }),
        doc('mob-san', 'mal-och-budget', 'san', { namndmal: [goal('1')] }),
      ],
    });
    expect(thread.strategicAreas[0].namndmal.map((g) => g.documentId)).toEqual(['mob-san']);
  });
});
