import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JsonWebKey } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { AdminAuditRepository, SessionRepository, UserRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../../common/problem/problem';
import { APP_CONFIG, DATA_SOURCE } from '../../infrastructure/tokens';
import { SessionCache } from '../session-cache';
import { LogoutTokenError, verifyLogoutToken, type LogoutClaims } from './logout-token';
import { OidcClient } from './oidc-client';
import { OidcLoginStore } from './oidc-login-store';

/** The provider's keys are fetched again at most this often when a token names a key we lack. */
const KEYS_REFRESH_MS = 60_000;

/**
 * The provider tells us a session ended (OpenID Connect Back-Channel Logout): the token is
 * verified (logout-token.ts) against the provider's published keys, then the sessions it names
 * are deleted from the database, and every API process drops them from its session cache at once
 * (SessionCache announces it over Redis).
 */
@Injectable()
export class BackchannelLogout {
  private readonly log = new Logger(BackchannelLogout.name);
  private keys: { at: number; keys: JsonWebKey[] } | null = null;

  constructor(
    private readonly oidc: OidcClient,
    private readonly store: OidcLoginStore,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionCache: SessionCache,
    private readonly audit: AdminAuditRepository,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async logout(token: string): Promise<void> {
    const configuration = await this.oidc.discovered().catch(() => {
      throw new ApiProblem(503, 'provider-unavailable', 'Identitetsleverantören svarar inte', 'Försök igen.');
    });
    const issuer = configuration.serverMetadata().issuer;
    const verify = (keys: JsonWebKey[]): { claims: LogoutClaims } | { error: LogoutTokenError } => {
      try {
        return {
          claims: verifyLogoutToken(token, { issuer, clientId: this.config.oidcClientId as string, keys }),
        };
      } catch (e) {
        if (e instanceof LogoutTokenError) return { error: e };
        throw e;
      }
    };
    let result = verify(await this.providerKeys(false));
    // A key rotated since we last looked: fetch the keys again (rate-limited) and try once more.
    if ('error' in result && /signing key/.test(result.error.message))
      result = verify(await this.providerKeys(true));
    if ('error' in result) {
      this.log.warn(`Refused a logout token: ${result.error.message}`);
      throw new ApiProblem(400, 'invalid-logout-token', 'Ogiltig utloggningstoken', result.error.message);
    }
    const { claims } = result;
    if (!(await this.store.firstUse(claims.jti))) return;
    const userIds = await this.usersOf(issuer, claims.sub, claims.sid);
    for (const userId of userIds) {
      const ended = await this.sessions.deleteOidcSessions({ userId, sid: claims.sid });
      await this.sessionCache.forgetUser(userId);
      await this.audit.append({
        actorUserId: null,
        action: 'session.backchannel-logout',
        entityType: 'app_user',
        entityId: userId,
        details: { sid: claims.sid, sessionsEnded: ended },
      });
    }
  }

  /** The users the token names: by sub, or (sid alone) whoever holds a session of that sid. */
  private async usersOf(issuer: string, sub: string | null, sid: string | null): Promise<string[]> {
    if (sub) {
      const user = await this.users.findByOidcSubject(issuer, sub);
      return user ? [user.id] : [];
    }
    const rows: { userId: string }[] = await this.ds.query(
      "SELECT DISTINCT user_id AS userId FROM session WHERE oidc_sid = ? AND auth_method = 'oidc'",
      [sid],
    );
    return rows.map((r) => r.userId);
  }

  private async providerKeys(refresh: boolean): Promise<JsonWebKey[]> {
    if (this.keys && (!refresh || Date.now() - this.keys.at < KEYS_REFRESH_MS)) return this.keys.keys;
    const configuration = await this.oidc.discovered();
    const uri = configuration.serverMetadata().jwks_uri;
    if (!uri) throw new LogoutTokenError('the provider publishes no keys (jwks_uri)');
    const res = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { keys?: JsonWebKey[] };
    this.keys = { at: Date.now(), keys: Array.isArray(body.keys) ? body.keys : [] };
    return this.keys.keys;
  }
}
