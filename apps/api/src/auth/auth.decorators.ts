import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { RoleKey } from '@rodtrad/domain';
import type { Principal } from './principal';

export const IS_PUBLIC = 'rodtrad:public';
export const REQUIRED_ROLES = 'rodtrad:roles';

/** The route needs no session (sign-in, health, approval links). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller must hold one of these roles somewhere; scope is checked by the use case. */
export const RequireRole = (...roles: RoleKey[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return req.principal as Principal;
});
