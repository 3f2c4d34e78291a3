import { DomainError } from '../domain-error';

/** The organisation levels of a Swedish municipality (§3 of the source). */
export type OrgUnitKind =
  'kommun' | 'kf' | 'ks' | 'namnd' | 'bolag' | 'kommunalforbund' | 'forvaltning' | 'omrade' | 'enhet';

export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = [
  'kommun',
  'kf',
  'ks',
  'namnd',
  'bolag',
  'kommunalforbund',
  'forvaltning',
  'omrade',
  'enhet',
];

/** Swedish UI label per kind. */
export const ORG_UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, string>> = {
  kommun: 'Kommun',
  kf: 'Kommunfullmäktige',
  ks: 'Kommunstyrelse',
  namnd: 'Nämnd',
  bolag: 'Kommunalt bolag',
  kommunalforbund: 'Kommunalförbund',
  forvaltning: 'Förvaltning',
  omrade: 'Område',
  enhet: 'Enhet',
};

/**
 * The political bodies that own goals, budget and reports for everything below them. KS counts
 * because it is also the nämnd for its own administration (Kommunstyrelseförvaltningen). A
 * company (bolag) and a kommunalförbund answer for their own units too, but as bodies of their own
 * under KS's uppsikt (kommunallagen 6 kap. 1 §), not through the nämnder's plans and reports
 * (OWNED_BODY_KINDS, ownership.ts).
 */
export const NAMND_LIKE_KINDS: readonly OrgUnitKind[] = ['namnd', 'bolag', 'kommunalforbund', 'ks'];

/**
 * Bodies the municipality owns or shares rather than runs: companies (wholly or partly owned) and
 * kommunalförbund. They are steered by owner documents (bolagsordning, ägardirektiv) and report to
 * KS in their own report; the red thread's plans and the nämnder's reports are not theirs.
 */
export const OWNED_BODY_KINDS: readonly OrgUnitKind[] = ['bolag', 'kommunalforbund'];

export interface OrgUnitNode {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
}

/**
 * Which parent kinds each kind may hang under; `null` means "may be a root". A förvaltning may
 * serve KS as well as a nämnd; an enhet may sit directly under a förvaltning when there is no
 * område level in between.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly (OrgUnitKind | null)[]>> = {
  kommun: [null],
  kf: ['kommun'],
  ks: ['kommun'],
  namnd: ['kommun'],
  bolag: ['kommun'],
  kommunalforbund: ['kommun'],
  forvaltning: ['namnd', 'ks'],
  // A kommunalförbund's own schools and units hang directly under it (it has no förvaltning here).
  omrade: ['forvaltning', 'kommunalforbund'],
  enhet: ['omrade', 'forvaltning'],
};

export function isOrgUnitKind(value: unknown): value is OrgUnitKind {
  return typeof value === 'string' && (ORG_UNIT_KINDS as readonly string[]).includes(value);
}

/** True when a unit of `kind` may have a parent of `parentKind` (`null` = no parent). */
export function validateParentKind(kind: OrgUnitKind, parentKind: OrgUnitKind | null): boolean {
  return ALLOWED_PARENT_KINDS[kind].includes(parentKind);
}

/**
 * Everything wrong with a flat list of units, as readable messages (empty when valid). Used by
 * seeding and admin imports, which want all problems at once rather than the first one.
 */
export function validateOrgUnits(units: readonly OrgUnitNode[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, OrgUnitNode>();
  const codes = new Map<string, string>();
  for (const unit of units) {
    if (byId.has(unit.id)) problems.push(`duplicate id ${unit.id}`);
    byId.set(unit.id, unit);
    if (!isOrgUnitKind(unit.kind)) problems.push(`unit ${unit.id} has unknown kind ${String(unit.kind)}`);
    if (!unit.code.trim()) problems.push(`unit ${unit.id} has an empty code`);
    const codeKey = unit.code.toUpperCase();
    const holder = codes.get(codeKey);
    if (holder !== undefined) problems.push(`code ${unit.code} used by both ${holder} and ${unit.id}`);
    codes.set(codeKey, unit.id);
  }
  for (const unit of units) {
    if (!isOrgUnitKind(unit.kind)) continue;
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    if (unit.parentId !== null && !parent) {
      problems.push(`unit ${unit.id} has unknown parent ${unit.parentId}`);
      continue;
    }
    const parentKind = parent ? parent.kind : null;
    if (!validateParentKind(unit.kind, parentKind)) {
      problems.push(`a ${unit.kind} (${unit.id}) may not have parent kind ${parentKind ?? 'none'}`);
    }
  }
  const cycle = findCycle(units, byId);
  if (cycle) problems.push(`cycle through ${cycle}`);
  return problems;
}

function findCycle(
  units: readonly OrgUnitNode[],
  byId: ReadonlyMap<string, OrgUnitNode>,
): string | undefined {
  for (const unit of units) {
    const seen = new Set<string>();
    let current: OrgUnitNode | undefined = unit;
    while (current && current.parentId !== null) {
      if (seen.has(current.id)) return current.id;
      seen.add(current.id);
      current = byId.get(current.parentId);
    }
  }
  return undefined;
}

/**
 * Read-only navigation over the organisation. Built once from the flat list the database returns;
 * structural faults (duplicate ids, unknown parents, cycles) throw because no navigation answer
 * would be trustworthy. Kind rules are not enforced here; use `validateOrgUnits` for those.
 */
export class OrgTree {
  private readonly byId = new Map<string, OrgUnitNode>();
  private readonly childIds = new Map<string, string[]>();
  private readonly rootIds: string[] = [];

  constructor(units: readonly OrgUnitNode[]) {
    for (const unit of units) {
      if (this.byId.has(unit.id)) {
        throw new DomainError('org.duplicate-unit', `duplicate org unit id ${unit.id}`, { id: unit.id });
      }
      this.byId.set(unit.id, { ...unit });
      this.childIds.set(unit.id, []);
    }
    for (const unit of units) {
      if (unit.parentId === null) {
        this.rootIds.push(unit.id);
        continue;
      }
      const siblings = this.childIds.get(unit.parentId);
      if (!siblings) {
        throw new DomainError('org.unknown-parent', `unit ${unit.id} has unknown parent ${unit.parentId}`, {
          id: unit.id,
          parentId: unit.parentId,
        });
      }
      siblings.push(unit.id);
    }
    const cycle = findCycle(units, this.byId);
    if (cycle) throw new DomainError('org.cycle', `org units form a cycle through ${cycle}`, { id: cycle });
  }

  /** Kind rules, as in the static helper; on the class so callers holding a tree find it. */
  static validateParentKind(kind: OrgUnitKind, parentKind: OrgUnitKind | null): boolean {
    return validateParentKind(kind, parentKind);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): OrgUnitNode[] {
    return [...this.byId.values()];
  }

  roots(): OrgUnitNode[] {
    return this.rootIds.map((id) => this.require(id));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): OrgUnitNode | undefined {
    return this.byId.get(id);
  }

  /** Like `get`, but an unknown id is a bug in the caller, so it throws. */
  require(id: string): OrgUnitNode {
    const unit = this.byId.get(id);
    if (!unit) throw new DomainError('org.unit-not-found', `no org unit ${id}`, { id });
    return unit;
  }

  parent(id: string): OrgUnitNode | undefined {
    const { parentId } = this.require(id);
    return parentId === null ? undefined : this.require(parentId);
  }

  children(id: string): OrgUnitNode[] {
    this.require(id);
    return (this.childIds.get(id) ?? []).map((childId) => this.require(childId));
  }

  /** Nearest first, excluding the unit itself. */
  ancestors(id: string): OrgUnitNode[] {
    const result: OrgUnitNode[] = [];
    let current = this.parent(id);
    while (current) {
      result.push(current);
      current = current.parentId === null ? undefined : this.require(current.parentId);
    }
    return result;
  }

  /** The unit itself, then its ancestors nearest first. */
  chain(id: string): OrgUnitNode[] {
    return [this.require(id), ...this.ancestors(id)];
  }

  /** Every unit below `id` (excluding itself), depth first in input order. */
  descendants(id: string): OrgUnitNode[] {
    const result: OrgUnitNode[] = [];
    const walk = (parentId: string): void => {
      for (const child of this.children(parentId)) {
        result.push(child);
        walk(child.id);
      }
    };
    walk(id);
    return result;
  }

  /** True when `ancestorId` is `id` itself or lies above it. Unknown ids give false. */
  isAncestorOrSelf(ancestorId: string, id: string): boolean {
    if (!this.has(ancestorId) || !this.has(id)) return false;
    return this.chain(id).some((unit) => unit.id === ancestorId);
  }

  /** The unit itself or its nearest ancestor of one of the given kinds. */
  nearestOfKind(id: string, kind: OrgUnitKind | readonly OrgUnitKind[]): OrgUnitNode | undefined {
    const kinds: readonly OrgUnitKind[] = typeof kind === 'string' ? [kind] : kind;
    return this.chain(id).find((unit) => kinds.includes(unit.kind));
  }

  /** The nämnd, bolag or KS that owns the unit (itself if it is one); undefined for kommun and KF. */
  namndOf(id: string): OrgUnitNode | undefined {
    return this.nearestOfKind(id, NAMND_LIKE_KINDS);
  }

  /** The KS of the municipality the unit belongs to. */
  ksOf(id: string): OrgUnitNode | undefined {
    const kommun = this.nearestOfKind(id, 'kommun');
    if (!kommun) return undefined;
    return this.children(kommun.id).find((unit) => unit.kind === 'ks');
  }

  /** True when the unit is a company or kommunalförbund, or lies below one. */
  isInOwnedBody(id: string): boolean {
    return this.nearestOfKind(id, OWNED_BODY_KINDS) !== undefined;
  }

  /**
   * Who hears about a problem at `id`, in order: enhet → område → förvaltning → nämnd → KS.
   * Starts at the unit's parent and stops at the owning nämnd/bolag; KS is a sibling of the nämnd
   * under kommun (not its parent), so it is appended explicitly, as KS has oversight of all
   * nämnder and companies (§3.2). KS itself and units outside any nämnd (kommun, KF) get [].
   */
  escalationChain(id: string): string[] {
    const unit = this.require(id);
    if (unit.kind === 'ks' || unit.kind === 'kommun' || unit.kind === 'kf') return [];
    const result: string[] = [];
    if (!NAMND_LIKE_KINDS.includes(unit.kind)) {
      for (const ancestor of this.ancestors(id)) {
        if (ancestor.kind === 'kommun') break;
        result.push(ancestor.id);
        if (NAMND_LIKE_KINDS.includes(ancestor.kind)) break;
      }
    }
    const ks = this.ksOf(id);
    if (ks && result[result.length - 1] !== ks.id) result.push(ks.id);
    return result;
  }
}
