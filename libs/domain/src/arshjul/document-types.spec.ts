import {
  DEADLINE_KEYS,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_KEYS,
  canOwnDocument,
  isDeadlineKey,
  isDocumentTypeKey,
  upstreamChain,
  upstreamOf,
} from './document-types';

describe('DOCUMENT_TYPES', () => {
  it('lists the document types, each under its own key', () => {
    expect(DOCUMENT_TYPE_KEYS).toEqual([
      'gpf',
      'budget-och-flerarsplan',
      'mal-och-budget',
      'forvaltningsplan',
      'verksamhetsplan',
      'enhetsplan',
      'internkontrollplan',
      'atgardsplan',
      'manadsrapport',
      'tertialrapport',
      'delarsrapport',
      'verksamhetsberattelse',
      'delarsrapport-kommunen',
      'arsredovisning',
      'kf-arende',
      'bokslutsdialog',
      'bolagsordning',
      'bolagspolicy',
      'agardirektiv-gemensamma',
      'agardirektiv',
      'bolagsrapport',
      'ks-bolagsbedomning',
    ]);
    for (const key of DOCUMENT_TYPE_KEYS) expect(DOCUMENT_TYPES[key].key).toBe(key);
    // KF's tax-rate decision is a step of Budget och flerårsplan with a line of its own.
    expect(DEADLINE_KEYS).toEqual([...DOCUMENT_TYPE_KEYS, 'skattesats']);
    expect(isDeadlineKey('skattesats')).toBe(true);
    expect(isDeadlineKey('budgetbeslut')).toBe(false);
  });

  it('knows who owns each type', () => {
    expect(canOwnDocument('gpf', 'ks')).toBe(true);
    expect(canOwnDocument('gpf', 'namnd')).toBe(false);
    expect(canOwnDocument('mal-och-budget', 'namnd')).toBe(true);
    expect(canOwnDocument('forvaltningsplan', 'forvaltning')).toBe(true);
    expect(canOwnDocument('verksamhetsplan', 'omrade')).toBe(true);
    expect(canOwnDocument('enhetsplan', 'enhet')).toBe(true);
    expect(canOwnDocument('enhetsplan', 'omrade')).toBe(false);
    // Companies report in their own bolagsrapport, not in the nämnder's reports (#16).
    expect(canOwnDocument('delarsrapport', 'bolag')).toBe(false);
    expect(canOwnDocument('verksamhetsberattelse', 'bolag')).toBe(false);
    expect(canOwnDocument('manadsrapport', 'bolag')).toBe(false);
    expect(canOwnDocument('bolagsrapport', 'bolag')).toBe(true);
    expect(canOwnDocument('bolagsrapport', 'kommunalforbund')).toBe(false);
    expect(canOwnDocument('bolagsordning', 'bolag')).toBe(true);
    expect(canOwnDocument('agardirektiv', 'bolag')).toBe(true);
    expect(canOwnDocument('agardirektiv-gemensamma', 'ks')).toBe(true);
    expect(canOwnDocument('ks-bolagsbedomning', 'ks')).toBe(true);
    for (const type of DOCUMENT_TYPE_KEYS)
      expect([type, canOwnDocument(type, 'kommunalforbund')]).toEqual([type, false]);
    expect(canOwnDocument('atgardsplan', 'kf')).toBe(false); // KF adopts the special plan; the nämnd writes it
    expect(canOwnDocument('atgardsplan', 'bolag')).toBe(true);
  });

  it('recognises keys without accepting inherited properties', () => {
    expect(isDocumentTypeKey('tertialrapport')).toBe(true);
    expect(isDeadlineKey('gpf')).toBe(true);
    expect(isDocumentTypeKey('constructor')).toBe(false);
    expect(isDocumentTypeKey(undefined)).toBe(false);
  });
});

describe('red thread', () => {
  it('follows GPF → Mål och budget → förvaltningsplan → verksamhetsplan → enhetsplan', () => {
    expect(upstreamOf('gpf')).toBeNull();
    expect(upstreamChain('enhetsplan')).toEqual([
      'verksamhetsplan',
      'forvaltningsplan',
      'mal-och-budget',
      'gpf',
    ]);
    expect(upstreamChain('tertialrapport')).toEqual(['mal-och-budget', 'gpf']);
    expect(upstreamOf('atgardsplan')).toBeNull();
    expect(DOCUMENT_TYPES.atgardsplan.triggeredBy).toContain('tertialrapport');
  });

  it('is configurable', () => {
    expect(upstreamChain('enhetsplan', { enhetsplan: 'forvaltningsplan' })).toEqual([
      'forvaltningsplan',
      'mal-och-budget',
      'gpf',
    ]);
    expect(upstreamOf('mal-och-budget', { 'mal-och-budget': null })).toBeNull();
    expect(() => upstreamChain('gpf', { gpf: 'enhetsplan' })).toThrow(
      expect.objectContaining({ code: 'arshjul.upstream-cycle' }),
    );
  });
});
