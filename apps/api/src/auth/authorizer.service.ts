import { Injectable } from '@nestjs/common';
import { hasAnyRole, ROLE_KEYS, type RoleKey } from '@rodtrad/domain';
import { ApiProblem } from '../common/problem/problem';
import { OrgTreeService } from './org-tree.service';
import type { Principal } from './principal';

/** Authorization by role and organisation scope, decided in one place. */
@Injectable()
export class Authorizer {
  constructor(private readonly orgTree: OrgTreeService) {}

  async may(principal: Principal, roles: readonly RoleKey[], orgUnitId: string): Promise<boolean> {
    const tree = await this.orgTree.tree();
    if (!tree.get(orgUnitId)) return false;
    return hasAnyRole(principal.roles, [...roles], orgUnitId, tree);
  }

  async require(principal: Principal, roles: readonly RoleKey[], orgUnitId: string): Promise<void> {
    if (!(await this.may(principal, roles, orgUnitId))) {
      throw ApiProblem.forbidden('Din roll ger inte behörighet för den här organisationsenheten.');
    }
  }

  /** Any role of the caller reaches the unit: they may read what belongs to it. */
  async requireReach(
    principal: Principal,
    orgUnitId: string,
    detail = 'Resursen tillhör en enhet utanför dina roller.',
  ): Promise<void> {
    if (!(await this.may(principal, ROLE_KEYS, orgUnitId))) throw ApiProblem.forbidden(detail);
  }

  /**
   * Whether the caller may read what belongs to the unit: their roles reach it, or it stands above a
   * unit their roles reach (the documents up the red thread: an enhetschef reads the område's,
   * förvaltning's and nämnd's plans that the enhetsplan builds on).
   */
  async mayRead(principal: Principal, orgUnitId: string): Promise<boolean> {
    if (await this.may(principal, ROLE_KEYS, orgUnitId)) return true;
    const tree = await this.orgTree.tree();
    return principal.roles.some((r) => tree.isAncestorOrSelf(orgUnitId, r.orgUnitId));
  }

  /** Units the caller's roles reach; undefined when that is every unit (a global role). */
  async reachableUnits(principal: Principal): Promise<string[] | undefined> {
    const tree = await this.orgTree.tree();
    const all = tree.all().map((u) => u.id);
    const reachable = all.filter((id) => hasAnyRole(principal.roles, ROLE_KEYS, id, tree));
    return reachable.length === all.length ? undefined : reachable;
  }

  isAdmin(principal: Principal): boolean {
    return principal.roles.some((r) => r.role === 'admin');
  }
}
