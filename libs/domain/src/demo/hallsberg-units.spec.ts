import { OrgTree, validateOrgUnits, validateParentKind } from '../org/org-unit';
import { ownershipProblems, ownershipText } from '../org/ownership';
import { DEMO_OWNERSHIP, DEMO_UNIT_MOVES, DEMO_UNITS, demoOrgUnits } from './hallsberg-units';

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

  it('runs upper-secondary and adult education in a kommunalförbund shared with the neighbours, and owns Hallsbergs Bostads AB wholly', () => {
    expect(tree.get('sydnarke')).toMatchObject({
      kind: 'kommunalforbund',
      name: 'Sydnärkes utbildningsförbund',
    });
    expect(tree.chain('alleskolan').map((u) => u.id)).toEqual([
      'alleskolan',
      'gymnasium',
      'sydnarke',
      'kommun',
    ]);
    expect(tree.isInOwnedBody('vuxenutbildning')).toBe(true);
    expect(tree.isInOwnedBody('transten')).toBe(false);
    expect(tree.escalationChain('alleskolan')).toEqual(['gymnasium', 'sydnarke', 'ks']);
    expect(ownershipText('bolag', DEMO_OWNERSHIP['hbab'])).toBe('Helägt bolag (100 %)');
    expect(DEMO_OWNERSHIP['sydnarke'].memberMunicipalities).toEqual([
      'Askersund',
      'Hallsberg',
      'Kumla',
      'Laxå',
    ]);
    for (const [key, o] of Object.entries(DEMO_OWNERSHIP))
      expect([key, ownershipProblems(tree.require(key).kind, o)]).toEqual([key, []]);
    for (const move of DEMO_UNIT_MOVES)
      expect(DEMO_UNITS.find((u) => u.key === move.key)?.parentKey).toBe(move.toParentKey);
  });
});
