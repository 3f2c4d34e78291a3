import { ORG_UNIT_KINDS, OrgTree, OrgUnitKind } from './org-unit';

export type RoleKey =
  | 'admin'
  | 'registrator'
  | 'kf.ordforande'
  | 'kf.sekreterare'
  | 'ks.ordforande'
  | 'ks.sekreterare'
  | 'namnd.ordforande'
  | 'namnd.sekreterare'
  | 'forvaltningschef'
  | 'omradeschef'
  | 'enhetschef'
  | 'handlaggare';

/**
 * `global`: the role acts municipality-wide wherever it is held (the KS chair oversees every nämnd).
 * `subtree`: the role acts on its unit and everything below it.
 */
export type RoleScope = 'global' | 'subtree';

export interface RoleDefinition {
  key: RoleKey;
  /** Swedish UI label. */
  label: string;
  /** Kinds of unit the role may be assigned on. */
  unitKinds: readonly OrgUnitKind[];
  scope: RoleScope;
}

export interface RoleAssignment {
  role: RoleKey;
  orgUnitId: string;
}

export const ROLES: Readonly<Record<RoleKey, RoleDefinition>> = {
  admin: { key: 'admin', label: 'Administratör', unitKinds: ['kommun'], scope: 'global' },
  registrator: { key: 'registrator', label: 'Registrator', unitKinds: ['kommun'], scope: 'global' },
  'kf.ordforande': {
    key: 'kf.ordforande',
    label: 'Kommunfullmäktiges ordförande',
    unitKinds: ['kf'],
    scope: 'global',
  },
  'kf.sekreterare': {
    key: 'kf.sekreterare',
    label: 'Kommunfullmäktiges sekreterare',
    unitKinds: ['kf'],
    scope: 'global',
  },
  'ks.ordforande': {
    key: 'ks.ordforande',
    label: 'Kommunstyrelsens ordförande',
    unitKinds: ['ks'],
    scope: 'global',
  },
  'ks.sekreterare': {
    key: 'ks.sekreterare',
    label: 'Kommunstyrelsens sekreterare',
    unitKinds: ['ks'],
    scope: 'global',
  },
  'namnd.ordforande': {
    key: 'namnd.ordforande',
    label: 'Nämndens ordförande',
    // KS is also the nämnd of its own förvaltning: its chair decides KS's own documents in that role.
    unitKinds: ['namnd', 'bolag', 'kommunalforbund', 'ks'],
    scope: 'subtree',
  },
  'namnd.sekreterare': {
    key: 'namnd.sekreterare',
    label: 'Nämndsekreterare',
    unitKinds: ['namnd', 'bolag', 'kommunalforbund', 'ks'],
    scope: 'subtree',
  },
  forvaltningschef: {
    key: 'forvaltningschef',
    label: 'Förvaltningschef',
    unitKinds: ['forvaltning'],
    scope: 'subtree',
  },
  omradeschef: { key: 'omradeschef', label: 'Områdeschef', unitKinds: ['omrade'], scope: 'subtree' },
  enhetschef: { key: 'enhetschef', label: 'Enhetschef', unitKinds: ['enhet'], scope: 'subtree' },
  handlaggare: { key: 'handlaggare', label: 'Handläggare', unitKinds: ORG_UNIT_KINDS, scope: 'subtree' },
};

export const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROLES, value);
}

/** Whether an assignment of `role` on a unit of `unitKind` makes sense; validates admin input. */
export function canHoldRole(role: RoleKey, unitKind: OrgUnitKind): boolean {
  return ROLES[role].unitKinds.includes(unitKind);
}

/**
 * Whether an assignment gives its holder the role at `targetUnitId`.
 *
 * A förvaltning serves its nämnd (or KS): the förvaltningschef and the förvaltning's officials
 * prepare the nämnd's own documents (Mål och budget, reports, §6.1), so a role held on a förvaltning
 * also reaches the parent nämnd/KS unit itself — but not that nämnd's other units or sibling nämnder.
 * Unknown units give false: an authorisation question about something that does not exist is "no".
 */
export function roleApplies(assignment: RoleAssignment, targetUnitId: string, tree: OrgTree): boolean {
  const definition = ROLES[assignment.role];
  if (!definition) return false;
  if (definition.scope === 'global') return true;
  const holder = tree.get(assignment.orgUnitId);
  if (!holder || !tree.has(targetUnitId)) return false;
  if (tree.isAncestorOrSelf(holder.id, targetUnitId)) return true;
  return holder.kind === 'forvaltning' && holder.parentId === targetUnitId;
}

export function hasRole(
  assignments: readonly RoleAssignment[],
  role: RoleKey,
  targetUnitId: string,
  tree: OrgTree,
): boolean {
  return assignments.some((a) => a.role === role && roleApplies(a, targetUnitId, tree));
}

export function hasAnyRole(
  assignments: readonly RoleAssignment[],
  roles: readonly RoleKey[],
  targetUnitId: string,
  tree: OrgTree,
): boolean {
  return assignments.some((a) => roles.includes(a.role) && roleApplies(a, targetUnitId, tree));
}

/**
 * The chef next above a chef role, who stands in where a unit has no holder of it: an enhet
 * directly under its förvaltning (Central elevhälsa) has no område and so no områdeschef; its
 * nearest chef is the förvaltningschef.
 */
const CHEF_ABOVE: Partial<Record<RoleKey, RoleKey>> = { omradeschef: 'forvaltningschef' };

/**
 * The roles asked when none of `roles` has a holder for the unit: each chef role's chef above
 * (roles without one are dropped); empty when there is nobody further up to ask.
 */
export function chefsAbove(roles: readonly string[]): RoleKey[] {
  return [
    ...new Set(roles.flatMap((r) => (CHEF_ABOVE[r as RoleKey] ? [CHEF_ABOVE[r as RoleKey] as RoleKey] : []))),
  ];
}
