import { demoOrgUnits, OrgTree } from '@rodtrad/domain';
import {
  adoptedFrameOf,
  gpfFrameOf,
  isUpstreamAdopted,
  isWithinFrame,
  upstreamCandidates,
} from './cross-document-rules';

const GPF = {
  ramar: [
    { namnd: 'BIN', ram: 548_000_000 },
    { namnd: 'SAN', ram: 452_000_000 },
  ],
};
const tree = new OrgTree(demoOrgUnits());

describe('Mål och budget stays within the nämnd’s frame in the adopted GPF', () => {
  it('accepts a net cost at or below the frame', () => {
    expect(isWithinFrame(GPF, 'BIN', { budget: { netto: 548_000_000 } })).toBe(true);
    expect(isWithinFrame(GPF, 'BIN', { budget: { netto: 500_000_000 } })).toBe(true);
  });

  it('refuses a net cost above the frame', () => {
    expect(isWithinFrame(GPF, 'BIN', { budget: { netto: 548_000_001 } })).toBe(false);
  });

  it('refuses when the GPF has no frame for the nämnd, or the budget has no net cost', () => {
    expect(gpfFrameOf(GPF, 'DSN')).toBeUndefined();
    expect(isWithinFrame(GPF, 'DSN', { budget: { netto: 1 } })).toBe(false);
    expect(isWithinFrame(GPF, 'BIN', {})).toBe(false);
    expect(isWithinFrame(null, 'BIN', { budget: { netto: 1 } })).toBe(false);
  });
});

describe('KF’s adopted Budget och flerårsplan wins over the GPF frame', () => {
  const BUDGET = { ramar: [{ namnd: 'BIN', ram: 551_500_000 }] };

  it('takes the budget’s frame when it has one for the nämnd', () => {
    expect(adoptedFrameOf(BUDGET, GPF, 'BIN')).toEqual({
      frame: 551_500_000,
      source: 'budget-och-flerarsplan',
    });
    expect(isWithinFrame(BUDGET, 'BIN', { budget: { netto: 550_000_000 } })).toBe(true);
  });

  it('falls back to the GPF frame until KF has adopted a frame for the nämnd', () => {
    expect(adoptedFrameOf(BUDGET, GPF, 'SAN')).toEqual({ frame: 452_000_000, source: 'gpf' });
    expect(adoptedFrameOf(null, GPF, 'BIN')).toEqual({ frame: 548_000_000, source: 'gpf' });
    expect(adoptedFrameOf(null, null, 'BIN')).toBeUndefined();
  });
});

describe('a downstream document builds on its upstream one', () => {
  it('looks up the red thread, nearest first', () => {
    expect(upstreamCandidates('enhetsplan', 'transten', tree).slice(0, 2)).toEqual([
      { type: 'verksamhetsplan', orgUnitId: 'grundskola' },
      { type: 'forvaltningsplan', orgUnitId: 'bin-f' },
    ]);
    expect(upstreamCandidates('forvaltningsplan', 'bin-f', tree)[0]).toEqual({
      type: 'mal-och-budget',
      orgUnitId: 'bin',
    });
    expect(upstreamCandidates('gpf', 'ks', tree)).toEqual([]);
  });

  it('lets an enhet directly under a förvaltning build on the förvaltningsplan', () => {
    expect(upstreamCandidates('enhetsplan', 'elevhalsa', tree)[0]).toEqual({
      type: 'forvaltningsplan',
      orgUnitId: 'bin-f',
    });
  });

  it('may be adopted only when the upstream document is adopted', () => {
    expect(isUpstreamAdopted({ final: true })).toBe(true);
    expect(isUpstreamAdopted({ final: false })).toBe(false);
    expect(isUpstreamAdopted(null)).toBe(false);
  });
});
