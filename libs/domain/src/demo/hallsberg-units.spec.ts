import { OrgTree, validateOrgUnits, validateParentKind } from '../org/org-unit';
import { DEMO_UNITS, demoOrgUnits } from './hallsberg-units';

describe('DEMO_UNITS', () => {
  const tree = new OrgTree(demoOrgUnits());

  it('forms a valid organisation tree under Hallsbergs kommun', () => {
    expect(validateOrgUnits(demoOrgUnits())).toEqual([]);
    expect(tree.roots().map((unit) => unit.name)).toEqual(['Hallsbergs kommun']);
    for (const unit of DEMO_UNITS) {
      const parentKind = unit.parentKey === null ? null : tree.require(unit.parentKey).kind;
      expect([unit.key, validateParentKind(unit.kind, parentKind)]).toEqual([unit.key, true]);
    }
  });

  it('lists every parent before its children, so seeding can insert in order', () => {
    const seen = new Set<string>();
    for (const unit of DEMO_UNITS) {
      if (unit.parentKey !== null) expect([unit.key, seen.has(unit.parentKey)]).toEqual([unit.key, true]);
      seen.add(unit.key);
    }
  });

  it('has unique keys and short unique letter codes', () => {
    const keys = DEMO_UNITS.map((unit) => unit.key);
    expect(new Set(keys).size).toBe(keys.length);
    const codes = DEMO_UNITS.map((unit) => unit.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-ZÅÄÖ]{2,5}$/);
  });

  it('has the nämnder, förvaltningar and company of the brief', () => {
    const code = (key: string): string => tree.require(key).code;
    expect(['kommun', 'kf', 'ks', 'ksf', 'bin', 'san', 'dsn', 'myn', 'val', 'hbab'].map(code)).toEqual([
      'HBG',
      'KF',
      'KS',
      'KSF',
      'BIN',
      'SAN',
      'DSN',
      'MYN',
      'VAL',
      'HBAB',
    ]);
    expect(tree.children('myn')).toEqual([]);
    expect(tree.children('val')).toEqual([]);
    expect(tree.get('hbab')?.kind).toBe('bolag');
  });

  it('gives every förvaltning 2–4 områden, each with several enheter', () => {
    for (const forvaltning of tree.all().filter((unit) => unit.kind === 'forvaltning')) {
      const omraden = tree.children(forvaltning.id).filter((unit) => unit.kind === 'omrade');
      expect(omraden.length).toBeGreaterThanOrEqual(2);
      expect(omraden.length).toBeLessThanOrEqual(4);
      for (const omrade of omraden) expect(tree.children(omrade.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(tree.escalationChain('transten')).toEqual(['grundskola', 'bin-f', 'bin', 'ks']);
  });
});
