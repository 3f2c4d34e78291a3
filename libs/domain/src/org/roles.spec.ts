import { BILDNING_CHAIN, orgTreeOf } from './org-tree-of';
import {
  chefsAbove,
  ROLES,
  ROLE_KEYS,
  RoleAssignment,
  canHoldRole,
  hasAnyRole,
  hasRole,
  isRoleKey,
  roleApplies,
} from './roles';

const tree = orgTreeOf(
  ...BILDNING_CHAIN,
  ['kf', 'kommun', 'kf'],
  ['ks', 'kommun', 'ks'],
  ['ksf', 'ks', 'forvaltning'],
  ['forskola', 'bin-f', 'omrade'],
  ['san', 'kommun', 'namnd'],
  ['san-f', 'san', 'forvaltning'],
  ['hbab', 'kommun', 'bolag'],
);

describe('ROLES catalog', () => {
  it('has a Swedish label, kinds and scope for every key', () => {
    expect(ROLE_KEYS).toHaveLength(12);
    for (const key of ROLE_KEYS) {
      expect(ROLES[key].key).toBe(key);
      expect(ROLES[key].label).not.toBe('');
      expect(ROLES[key].unitKinds.length).toBeGreaterThan(0);
    }
    expect(ROLES.admin).toMatchObject({ label: 'Administratör', scope: 'global', unitKinds: ['kommun'] });
    expect(ROLES.handlaggare.label).toBe('Handläggare');
  });

  it('recognises role keys, including inherited object keys as invalid', () => {
    expect(isRoleKey('ks.ordforande')).toBe(true);
    expect(isRoleKey('toString')).toBe(false);
    expect(isRoleKey('rektor')).toBe(false);
    expect(isRoleKey(42)).toBe(false);
  });

  it('validates which unit kinds may hold a role', () => {
    expect(canHoldRole('namnd.ordforande', 'namnd')).toBe(true);
    expect(canHoldRole('namnd.ordforande', 'bolag')).toBe(true);
    expect(canHoldRole('namnd.ordforande', 'ks')).toBe(true); // KS is the nämnd of its own förvaltning
    expect(canHoldRole('namnd.ordforande', 'kf')).toBe(false);
    expect(canHoldRole('forvaltningschef', 'omrade')).toBe(false);
    expect(canHoldRole('admin', 'kommun')).toBe(true);
    expect(canHoldRole('handlaggare', 'enhet')).toBe(true);
    expect(canHoldRole('handlaggare', 'kf')).toBe(true);
  });
});

describe('roleApplies', () => {
  const at = (role: RoleAssignment['role'], orgUnitId: string): RoleAssignment => ({ role, orgUnitId });

  it('lets global roles act everywhere', () => {
    expect(roleApplies(at('ks.ordforande', 'ks'), 'transten', tree)).toBe(true);
    expect(roleApplies(at('registrator', 'kommun'), 'hbab', tree)).toBe(true);
  });

  it('limits subtree roles to their unit and below', () => {
    const chair = at('namnd.ordforande', 'bin');
    expect(roleApplies(chair, 'bin', tree)).toBe(true);
    expect(roleApplies(chair, 'transten', tree)).toBe(true);
    expect(roleApplies(chair, 'san', tree)).toBe(false);
    expect(roleApplies(chair, 'kommun', tree)).toBe(false);
    const rektor = at('enhetschef', 'transten');
    expect(roleApplies(rektor, 'transten', tree)).toBe(true);
    expect(roleApplies(rektor, 'grundskola', tree)).toBe(false);
  });

  it('lets a förvaltning role reach the nämnd it serves, but not sibling nämnder', () => {
    const chief = at('forvaltningschef', 'bin-f');
    expect(roleApplies(chief, 'bin', tree)).toBe(true);
    expect(roleApplies(chief, 'forskola', tree)).toBe(true);
    expect(roleApplies(chief, 'san', tree)).toBe(false);
    expect(roleApplies(chief, 'kommun', tree)).toBe(false);
    expect(roleApplies(at('handlaggare', 'ksf'), 'ks', tree)).toBe(true);
    // Only förvaltning roles climb; an område role does not reach its förvaltning.
    expect(roleApplies(at('omradeschef', 'grundskola'), 'bin-f', tree)).toBe(false);
  });

  it('answers false for unknown units', () => {
    expect(roleApplies(at('enhetschef', 'ghost'), 'transten', tree)).toBe(false);
    expect(roleApplies(at('enhetschef', 'transten'), 'ghost', tree)).toBe(false);
  });
});

describe('hasRole / hasAnyRole', () => {
  const assignments: RoleAssignment[] = [
    { role: 'omradeschef', orgUnitId: 'grundskola' },
    { role: 'handlaggare', orgUnitId: 'san-f' },
  ];

  it('checks a single role at a target', () => {
    expect(hasRole(assignments, 'omradeschef', 'transten', tree)).toBe(true);
    expect(hasRole(assignments, 'omradeschef', 'forskola', tree)).toBe(false);
    expect(hasRole(assignments, 'enhetschef', 'transten', tree)).toBe(false);
  });

  it('checks any of several roles at a target', () => {
    expect(hasAnyRole(assignments, ['enhetschef', 'omradeschef'], 'transten', tree)).toBe(true);
    expect(hasAnyRole(assignments, ['handlaggare'], 'san', tree)).toBe(true);
    expect(hasAnyRole(assignments, ['handlaggare'], 'bin', tree)).toBe(false);
    expect(hasAnyRole(assignments, [], 'transten', tree)).toBe(false);
  });
});

describe('chefsAbove', () => {
  it('names the förvaltningschef where no områdeschef is, and nobody above the top', () => {
    expect(chefsAbove(['omradeschef'])).toEqual(['forvaltningschef']);
    expect(chefsAbove(['omradeschef', 'forvaltningschef'])).toEqual(['forvaltningschef']);
    expect(chefsAbove(['forvaltningschef', 'ks.ordforande'])).toEqual([]);
  });
});
