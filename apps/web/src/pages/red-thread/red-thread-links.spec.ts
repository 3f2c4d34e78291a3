import type { RedThread, RedThreadGoal } from '../../api/types';
import { redThreadLinks } from './red-thread-links';

const ref = (documentId: string, orgUnitName: string) => ({
  documentId,
  orgUnitId: 'u',
  orgUnitName,
  documentState: 'draft',
});
const goal = (id: string, documentId: string): RedThreadGoal => ({
  id,
  titel: `Mål ${id}`,
  namnd: { id: 'bin', name: 'Bildningsnämnden' },
  documentId,
  indikatorer: [],
  strategier: [{ strategi: 's', ...ref('fp', 'Bildningsförvaltningen') }],
  bidrag: [{ bidrag: 'b', ...ref('vp', 'Skolområde 1') }],
  aktiviteter: [
    { titel: 'a', ...ref('ep1', 'Transtenskolan') },
    { titel: 'b', ...ref('ep2', 'Långängskolan') },
  ],
});
const thread: RedThread = {
  year: 2027,
  vision: 'Det öppna Hallsberg',
  strategicAreas: [{ name: 'Livslångt lärande', namndmal: [goal('1', 'mob'), goal('2', 'mob')] }],
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
