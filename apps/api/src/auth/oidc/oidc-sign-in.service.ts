import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { groupsFromClaim, rolesFromGroups, unmappedGroups, type RoleAssignment } from '@rodtrad/domain';
import { ReassignApprovals } from '@rodtrad/engine';
import {
  AdminAuditRepository,
  OidcGroupMappingRepository,
  SessionRepository,
  UserRepository,
} from '@rodtrad/persistence';
import { APP_CONFIG, DATA_SOURCE } from '../../infrastructure/tokens';
import { SessionCache } from '../session-cache';
import type { OidcIdentity } from './oidc-client';
import { OidcFailure } from './oidc-failure';

/**
 * Who signed in through the provider, and what they may do:
 * 1. the user the provider's (issuer, sub) is linked to; else, the first time, the one unlinked
 *    user whose OIDC_MATCH_CLAIM (e-mail or username) matches, now linked; else a new user with no
 *    roles of their own (OIDC_JIT_PROVISIONING), or refused;
 * 2. their roles from groups recomputed from OIDC_GROUPS_CLAIM and the administrator's mapping,
 *    beside the roles given by hand; a role taken away ends at once in every API process, and
 *    their pending approvals that needed it are asked of whoever holds it now;
 * 3. a session that remembers the provider's session id, auth_time and ID token.
 */
@Injectable()
export class OidcSignInService {
  private readonly log = new Logger(OidcSignInService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly mappings: OidcGroupMappingRepository,
    private readonly audit: AdminAuditRepository,
    private readonly sessionCache: SessionCache,
    private readonly reassign: ReassignApprovals,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(identity: OidcIdentity): Promise<{ token: string; expiresAt: Date; userId: string }> {
    const userId = await this.userFor(identity);
    const groups = groupsFromClaim(identity.claims[this.config.oidcGroupsClaim]);
    const { roles, removed } = await this.recomputeGroupRoles(userId, groups);
    if (removed) {
      // The roles the groups no longer give end now: cached sessions are read again everywhere,
      // and the approvals that needed them go to whoever holds the role now.
      await this.sessionCache.forgetUser(userId);
      await this.reassign.forUser(userId, null);
    }
    if (!roles.length) {
      const unmapped = unmappedGroups(groups, await this.mappings.list());
      this.log.warn(
        `User ${userId} signed in at the provider but holds no role: groups ${groups.join(', ') || '(none)'}; unmapped ${unmapped.join(', ') || '(none)'}`,
      );
      throw new OidcFailure('no-roles', `groups: ${groups.join(', ')}`);
    }
    const { token, expiresAt } = await this.sessions.create(
      userId,
      this.config.sessionTtlHours * 3600_000,
      new Date(),
      { authTime: identity.authTime ?? new Date(), sid: identity.sid, idToken: identity.idToken },
    );
    return { token, expiresAt, userId };
  }

  private async userFor(identity: OidcIdentity): Promise<string> {
    const known = await this.users.findByOidcSubject(identity.issuer, identity.subject);
    if (known) {
      if (!known.active) throw new OidcFailure('not-allowed', `user ${known.id} is deactivated`);
      return known.id;
    }
    const match = this.matchValue(identity.claims);
    if (match) {
      const existing = await this.users.findUnlinkedBy(match.column, match.value);
      if (existing) {
        if (!existing.active) throw new OidcFailure('not-allowed', `user ${existing.id} is deactivated`);
        if (!(await this.users.linkOidcSubject(existing.id, identity.issuer, identity.subject)))
          throw new OidcFailure('not-allowed', `user ${existing.id} is linked to another provider account`);
        await this.audit.append({
          actorUserId: null,
          action: 'user.oidc-linked',
          entityType: 'app_user',
          entityId: existing.id,
          details: { issuer: identity.issuer, subject: identity.subject, matchedBy: match.column },
        });
        return existing.id;
      }
    }
    if (!this.config.oidcJitProvisioning)
      throw new OidcFailure('not-allowed', `no Rödtråd user for sub ${identity.subject}, and JIT is off`);
    return this.createUser(identity);
  }

  private matchValue(
    claims: Record<string, unknown>,
  ): { column: 'email' | 'username'; value: string } | null {
    const claim = this.config.oidcMatchClaim;
    if (claim === 'none') return null;
    const value = claims[claim];
    if (typeof value !== 'string' || !value.trim()) return null;
    // An unverified e-mail address must not take over an account (email_verified false).
    if (claim === 'email' && claims['email_verified'] === false) return null;
    return { column: claim === 'email' ? 'email' : 'username', value: value.trim() };
  }

  /** A new user, known by the provider's sub, with no password and no roles of their own. */
  private async createUser(identity: OidcIdentity): Promise<string> {
    const c = identity.claims;
    const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string).trim() : '');
    const email = str('email');
    const name =
      str('name') ||
      [str('given_name'), str('family_name')].filter(Boolean).join(' ') ||
      email ||
      identity.subject;
    const base =
      (str('preferred_username') || email || `oidc-${identity.subject}`)
        .toLowerCase()
        .split('@')[0]
        .replace(/[^a-z0-9._-]/g, '')
        .slice(0, 60) || 'oidc';
    let username = base.length >= 2 ? base : `${base}-x`;
    for (let i = 2; await this.users.usernameTaken(username); i++) username = `${base}-${i}`;
    const id = randomUUID();
    await this.ds.transaction(async (m) => {
      await this.users.save(
        { id, username, name: name.slice(0, 200), email: email.slice(0, 254), passwordHash: null },
        [],
        m,
      );
      await m.query('UPDATE app_user SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?', [
        identity.issuer,
        identity.subject,
        id,
      ]);
      await this.audit.append(
        {
          actorUserId: null,
          action: 'user.created-at-sign-in',
          entityType: 'app_user',
          entityId: id,
          details: { username, name, email, issuer: identity.issuer, subject: identity.subject },
        },
        m,
      );
    });
    return id;
  }

  /** Replaces the user's roles from groups; returns every role they now hold, and whether any went. */
  private async recomputeGroupRoles(
    userId: string,
    groups: string[],
  ): Promise<{ roles: RoleAssignment[]; removed: boolean }> {
    return this.ds.transaction(async (m) => {
      const wanted = rolesFromGroups(groups, await this.mappings.list(m));
      const change = await this.users.replaceGroupRoles(userId, wanted, m);
      if (change.added.length || change.removed.length)
        await this.audit.append(
          {
            actorUserId: null,
            action: 'user.group-roles',
            entityType: 'app_user',
            entityId: userId,
            details: { groups, added: change.added, removed: change.removed },
          },
          m,
        );
      return { roles: await this.users.rolesOf(userId, undefined, m), removed: change.removed.length > 0 };
    });
  }
}
