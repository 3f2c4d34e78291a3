import type { RedThreadGoalView, RedThreadView } from '@rodtrad/contracts';
import { redThreadLinks } from './red-thread-links';

const ref = (documentId: string, orgUnitName: string) => ({
  documentId,
  orgUnitId: 'u',
  orgUnitName,
  documentState: 'draft',
});
const goal = (id: string, documentId: string): RedThreadGoalView => ({
  id,
  titel: `Mål ${id}`,
  strategisktOmrade: 'Livslångt lärande',
  beskrivning: null,
  namnd: { id: 'bin', name: 'Bildningsnämnden', code: 'BIN' },
  documentId,
  documentState: 'adopted',
  indikatorer: [],
  strategier: [{ strategi: 's', hur: null, ...ref('fp', 'Bildningsförvaltningen') }],
  bidrag: [{ bidrag: 'b', ...ref('vp', 'Skolområde 1') }],
  aktiviteter: [
    { titel: 'a', ansvarig: null, klartDatum: null, status: null, ...ref('ep1', 'Transtenskolan') },
    { titel: 'b', ansvarig: null, klartDatum: null, status: null, ...ref('ep2', 'Långängskolan') },
  ],
});
const thread: RedThreadView = {
  year: 2027,
  mandatePeriod: { startYear: 2027, endYear: 2030 },
  vision: 'Det öppna Hallsberg',
  coreValues: [],
  strategicAreas: [
    {
      id: 'lar',
      name: 'Livslångt lärande',
      description: '',
      namndmal: [goal('1', 'mob'), goal('2', 'mob')],
    },
  ],
  otherGoals: [],
  warnings: [],
};

describe('redThreadLinks', () => {
  it('links an enhetsplan up to its verksamhetsplan, förvaltningsplan and Mål och budget', () => {
    const links = redThreadLinks(thread, 'ep1');
    expect(links.up.map((l) => l.type)).toEqual(['mal-och-budget', 'forvaltningsplan', 'verksamhetsplan']);
    expect(links.down).toEqual([]);
    expect(links.goals).toEqual(['Mål 1', 'Mål 2']);
  });

  it('links a Mål och budget down to every document that builds on it, once each', () => {
    const links = redThreadLinks(thread, 'mob');
    expect(links.up).toEqual([]);
    expect(links.down.map((l) => l.documentId)).toEqual(['fp', 'vp', 'ep1', 'ep2']);
  });

  it('finds nothing for a document off the thread', () => {
    expect(redThreadLinks(thread, 'other')).toEqual({ goals: [], up: [], down: [] });
  });
});
