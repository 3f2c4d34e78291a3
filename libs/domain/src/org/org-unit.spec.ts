import { isDomainError } from '../domain-error';
import {
  ORG_UNIT_KINDS,
  OrgTree,
  OrgUnitKind,
  OrgUnitNode,
  isOrgUnitKind,
  validateOrgUnits,
  validateParentKind,
} from './org-unit';

const unit = (id: string, parentId: string | null, kind: OrgUnitKind): OrgUnitNode => ({
  id,
  parentId,
  kind,
  name: id,
  code: id.toUpperCase(),
});

const sampleUnits: OrgUnitNode[] = [
  unit('kommun', null, 'kommun'),
  unit('kf', 'kommun', 'kf'),
  unit('ks', 'kommun', 'ks'),
  unit('ksf', 'ks', 'forvaltning'),
  unit('ksf-ekonomi', 'ksf', 'omrade'),
  unit('bin', 'kommun', 'namnd'),
  unit('bin-f', 'bin', 'forvaltning'),
  unit('grundskola', 'bin-f', 'omrade'),
  unit('transten', 'grundskola', 'enhet'),
  unit('norrgard', 'grundskola', 'enhet'),
  unit('bin-kansli', 'bin-f', 'enhet'),
  unit('san', 'kommun', 'namnd'),
  unit('san-f', 'san', 'forvaltning'),
  unit('hbab', 'kommun', 'bolag'),
];

describe('OrgTree', () => {
  const tree = new OrgTree(sampleUnits);

  it('navigates parents, children and descendants in input order', () => {
    expect(tree.size).toBe(sampleUnits.length);
    expect(tree.get('transten')?.kind).toBe('enhet');
    expect(tree.get('nope')).toBeUndefined();
    expect(tree.roots().map((u) => u.id)).toEqual(['kommun']);
    expect(tree.children('bin-f').map((u) => u.id)).toEqual(['grundskola', 'bin-kansli']);
    expect(tree.descendants('bin').map((u) => u.id)).toEqual([
      'bin-f',
      'grundskola',
      'transten',
      'norrgard',
      'bin-kansli',
    ]);
    expect(tree.parent('kommun')).toBeUndefined();
  });

  it('lists ancestors nearest first and the chain with self first', () => {
    expect(tree.ancestors('transten').map((u) => u.id)).toEqual(['grundskola', 'bin-f', 'bin', 'kommun']);
    expect(tree.chain('transten').map((u) => u.id)).toEqual([
      'transten',
      'grundskola',
      'bin-f',
      'bin',
      'kommun',
    ]);
    expect(tree.ancestors('kommun')).toEqual([]);
  });

  it('answers ancestor-or-self questions, false for unknown ids', () => {
    expect(tree.isAncestorOrSelf('bin', 'transten')).toBe(true);
    expect(tree.isAncestorOrSelf('transten', 'transten')).toBe(true);
    expect(tree.isAncestorOrSelf('transten', 'bin')).toBe(false);
    expect(tree.isAncestorOrSelf('san', 'transten')).toBe(false);
    expect(tree.isAncestorOrSelf('ghost', 'transten')).toBe(false);
  });

  it('finds the nearest unit of a kind and the owning nämnd', () => {
    expect(tree.nearestOfKind('transten', 'forvaltning')?.id).toBe('bin-f');
    expect(tree.nearestOfKind('bin-f', 'forvaltning')?.id).toBe('bin-f');
    expect(tree.nearestOfKind('transten', ['omrade', 'forvaltning'])?.id).toBe('grundskola');
    expect(tree.nearestOfKind('bin', 'enhet')).toBeUndefined();
    expect(tree.namndOf('transten')?.id).toBe('bin');
    expect(tree.namndOf('ksf-ekonomi')?.id).toBe('ks');
    expect(tree.namndOf('hbab')?.id).toBe('hbab');
    expect(tree.namndOf('kf')).toBeUndefined();
    expect(tree.ksOf('transten')?.id).toBe('ks');
  });

  it('escalates enhet → område → förvaltning → nämnd → KS', () => {
    expect(tree.escalationChain('transten')).toEqual(['grundskola', 'bin-f', 'bin', 'ks']);
    expect(tree.escalationChain('bin-kansli')).toEqual(['bin-f', 'bin', 'ks']);
    expect(tree.escalationChain('bin')).toEqual(['ks']);
    expect(tree.escalationChain('hbab')).toEqual(['ks']);
    // Under KS the chain ends at KS without repeating it.
    expect(tree.escalationChain('ksf-ekonomi')).toEqual(['ksf', 'ks']);
    expect(tree.escalationChain('ks')).toEqual([]);
    expect(tree.escalationChain('kf')).toEqual([]);
  });

  it('throws a coded error for unknown ids and broken structure', () => {
    expect(() => tree.children('ghost')).toThrow(expect.objectContaining({ code: 'org.unit-not-found' }));
    const attempt = (units: OrgUnitNode[]): unknown => {
      try {
        new OrgTree(units);
        return undefined;
      } catch (error) {
        return isDomainError(error) ? error.code : error;
      }
    };
    expect(attempt([unit('a', null, 'kommun'), unit('a', null, 'kommun')])).toBe('org.duplicate-unit');
    expect(attempt([unit('a', 'missing', 'kf')])).toBe('org.unknown-parent');
    expect(attempt([unit('a', 'b', 'namnd'), unit('b', 'a', 'forvaltning')])).toBe('org.cycle');
  });
});

describe('validateParentKind', () => {
  it.each<[OrgUnitKind, OrgUnitKind | null, boolean]>([
    ['kommun', null, true],
    ['kf', 'kommun', true],
    ['ks', 'kommun', true],
    ['namnd', 'kommun', true],
    ['bolag', 'kommun', true],
    ['forvaltning', 'namnd', true],
    ['forvaltning', 'ks', true],
    ['omrade', 'forvaltning', true],
    ['enhet', 'omrade', true],
    ['enhet', 'forvaltning', true],
    ['kommun', 'kommun', false],
    ['namnd', 'ks', false],
    ['forvaltning', 'bolag', false],
    ['forvaltning', 'kf', false],
    ['omrade', 'namnd', false],
    ['enhet', 'namnd', false],
    ['kf', null, false],
  ])('%s under %s → %s', (kind, parentKind, expected) => {
    expect(validateParentKind(kind, parentKind)).toBe(expected);
    expect(OrgTree.validateParentKind(kind, parentKind)).toBe(expected);
  });

  it('recognises every kind', () => {
    expect(ORG_UNIT_KINDS.every(isOrgUnitKind)).toBe(true);
    expect(isOrgUnitKind('kontor')).toBe(false);
  });
});

describe('validateOrgUnits', () => {
  it('accepts a valid organisation', () => {
    expect(validateOrgUnits(sampleUnits)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = validateOrgUnits([
      unit('kommun', null, 'kommun'),
      unit('bin', 'kommun', 'namnd'),
      { ...unit('skola', 'bin', 'enhet'), code: 'BIN' },
      unit('lost', 'nowhere', 'omrade'),
    ]);
    expect(problems).toEqual([
      'code BIN used by both bin and skola',
      'a enhet (skola) may not have parent kind namnd',
      'unit lost has unknown parent nowhere',
    ]);
  });
});
