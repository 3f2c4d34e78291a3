import type { RoleAssignment, RoleKey } from './roles';

/** An administrator's rule: members of the provider's group `group` hold `role` at the unit. */
export interface GroupRoleMapping {
  group: string;
  role: RoleKey;
  orgUnitId: string;
}

/**
 * The groups a provider's claim lists: an array of strings (Entra ID, Keycloak, oidc-provider) or
 * one string with groups separated by commas or spaces (some ADFS claim rules). Anything else: none.
 */
export function groupsFromClaim(claim: unknown): string[] {
  const list = Array.isArray(claim)
    ? claim.filter((g): g is string => typeof g === 'string')
    : typeof claim === 'string'
      ? claim.split(/[,\s]+/)
      : [];
  return [...new Set(list.map((g) => g.trim()).filter(Boolean))];
}

/**
 * The roles the user's groups give, each once, in a stable order. Group names are compared
 * exactly as the provider writes them, but without regard to case (ADFS and Entra ID display
 * names differ in case between tenants and claim rules; object ids are lower-case anyway).
 */
export function rolesFromGroups(
  groups: readonly string[],
  mappings: readonly GroupRoleMapping[],
): RoleAssignment[] {
  const member = new Set(groups.map((g) => g.toLowerCase()));
  const roles = new Map<string, RoleAssignment>();
  for (const m of mappings)
    if (member.has(m.group.toLowerCase()))
      roles.set(`${m.role}|${m.orgUnitId}`, { role: m.role, orgUnitId: m.orgUnitId });
  return [...roles.values()].sort(
    (a, b) => a.role.localeCompare(b.role) || a.orgUnitId.localeCompare(b.orgUnitId),
  );
}

/** The user's groups that no mapping names (shown to the administrator, never guessed at). */
export function unmappedGroups(groups: readonly string[], mappings: readonly GroupRoleMapping[]): string[] {
  const mapped = new Set(mappings.map((m) => m.group.toLowerCase()));
  return groups.filter((g) => !mapped.has(g.toLowerCase()));
}
