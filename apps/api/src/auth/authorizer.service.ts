import { Injectable } from '@nestjs/common';
import { hasAnyRole, type RoleKey } from '@rodtrad/domain';
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

  isAdmin(principal: Principal): boolean {
    return principal.roles.some((r) => r.role === 'admin');
  }
}
