import { OrgTree, type OrgUnitKind } from './org-unit';

/**
 * An organisation tree from `[id, parentId, kind]` rows, each unit named by its id and coded by
 * its id in capitals: the small trees that specs of access, roles and choices build.
 */
export function orgTreeOf(...rows: [id: string, parentId: string | null, kind: OrgUnitKind][]): OrgTree {
  return new OrgTree(
    rows.map(([id, parentId, kind]) => ({ id, parentId, kind, name: id, code: id.toUpperCase() })),
  );
}

/**
 * The chain the specs walk most: the kommun, Bildningsnämnden, its förvaltning, the grundskola
 * område and Transtenskolan (`orgTreeOf(...BILDNING_CHAIN, ...more)`).
 */
export const BILDNING_CHAIN: [id: string, parentId: string | null, kind: OrgUnitKind][] = [
  ['kommun', null, 'kommun'],
  ['bin', 'kommun', 'namnd'],
  ['bin-f', 'bin', 'forvaltning'],
  ['grundskola', 'bin-f', 'omrade'],
  ['transten', 'grundskola', 'enhet'],
];
