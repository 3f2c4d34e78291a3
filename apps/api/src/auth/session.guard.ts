import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RoleAssignment, RoleKey } from '@rodtrad/domain';
import { ApiProblem } from '../common/problem/problem';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { SessionCache } from './session-cache';

export const SESSION_COOKIE = 'rodtrad_session';

export function sessionToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || undefined;
}

/**
 * Global guard: every route needs a session unless marked @Public(); @RequireRole()
 * asks for a role held anywhere (scope is then checked by the use case with the Authorizer).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Request>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const token = sessionToken(req);
    if (token) {
      const session = await this.sessions.find(token);
      if (session) {
        req.principal = {
          userId: session.userId,
          username: session.username,
          name: session.name,
          email: session.email,
          roles: session.roles as RoleAssignment[],
          authTime: session.authTime ? new Date(session.authTime) : null,
        };
      }
    }
    if (isPublic) return true;
    if (!req.principal) throw ApiProblem.unauthenticated();
    const roles = this.reflector.getAllAndOverride<RoleKey[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !req.principal.roles.some((r) => roles.includes(r.role))) {
      throw ApiProblem.forbidden();
    }
    return true;
  }
}
