import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RoleKey } from '@rodtrad/domain';
import { PUBLIC_EXTENSION } from '../openapi/complete-document';
import type { Principal } from './principal';

export const IS_PUBLIC = 'rodtrad:public';
export const REQUIRED_ROLES = 'rodtrad:roles';

/**
 * The route needs no session (sign-in, health, approval links); its OpenAPI operation says so with
 * `security: []` (apps/api/src/openapi/complete-document.ts reads the extension).
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/** The caller must hold one of these roles somewhere; scope is checked by the use case. */
export const RequireRole = (...roles: RoleKey[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return req.principal as Principal;
});
