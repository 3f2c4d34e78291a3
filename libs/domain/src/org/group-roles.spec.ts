import { groupsFromClaim, rolesFromGroups, unmappedGroups, type GroupRoleMapping } from './group-roles';

const mappings: GroupRoleMapping[] = [
  { group: 'GRP-Rektor-Tran', role: 'enhetschef', orgUnitId: 'tran' },
  { group: 'GRP-Rektor-Tran', role: 'handlaggare', orgUnitId: 'tran' },
  { group: 'GRP-BIN-Ekonomer', role: 'handlaggare', orgUnitId: 'bin' },
  { group: 'GRP-Rektorer', role: 'handlaggare', orgUnitId: 'tran' },
];

describe('roles from the provider’s groups', () => {
  it('reads a list, or one string of groups, and nothing else', () => {
    expect(groupsFromClaim(['a', 'b', 'a', ' ', 7])).toEqual(['a', 'b']);
    expect(groupsFromClaim('a, b c')).toEqual(['a', 'b', 'c']);
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim({ a: 1 })).toEqual([]);
  });

  it('gives each mapped role once, case aside, and no role for an unknown group', () => {
    expect(rolesFromGroups(['grp-rektor-tran', 'GRP-Rektorer', 'GRP-Okänd'], mappings)).toEqual([
      { role: 'enhetschef', orgUnitId: 'tran' },
      { role: 'handlaggare', orgUnitId: 'tran' },
    ]);
    expect(rolesFromGroups(['GRP-Okänd'], mappings)).toEqual([]);
    expect(rolesFromGroups([], mappings)).toEqual([]);
  });

  it('names the groups that no mapping knows', () => {
    expect(unmappedGroups(['GRP-Rektor-Tran', 'GRP-Okänd'], mappings)).toEqual(['GRP-Okänd']);
  });
});
