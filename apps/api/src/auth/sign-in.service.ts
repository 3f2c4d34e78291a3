import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@rodtrad/config';
import type { CurrentUser, LoginRequest } from '@rodtrad/contracts';
import { OrgUnitRepository, SessionRepository, UserRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../common/problem/problem';
import { APP_CONFIG } from '../infrastructure/tokens';
import { decoyHash, passwordHasher } from './password-hasher';
import { RateLimiter } from './rate-limiter';
import { OidcClient } from './oidc/oidc-client';
import { SessionCache } from './session-cache';

const LOGIN_WINDOW_SECONDS = 15 * 60;

/** Sign-in, sign-out and "who am I". */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly units: OrgUnitRepository,
    private readonly limiter: RateLimiter,
    private readonly sessionCache: SessionCache,
    private readonly oidc: OidcClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(
    req: LoginRequest,
    ip: string,
  ): Promise<{ token: string; expiresAt: Date; user: CurrentUser }> {
    const username = req.username.trim().toLowerCase();
    // LOCAL_LOGIN=false: passwords are off for everyone but the break-glass administrator, before
    // any password is looked at (the answer is the same for every other username).
    if (!this.config.localLogin && username !== this.config.breakGlassUsername)
      throw new ApiProblem(
        403,
        'local-login-disabled',
        'Inloggning med lösenord är avstängd',
        `Logga in med ${this.config.oidcDisplayName} i stället.`,
      );
    // Failures are counted per username (guessing one account, from any address) and per address
    // (spraying many accounts), each counted and checked in one step so parallel guesses cannot
    // slip past. A spent username refuses before the password is looked at; a spent address only
    // refuses wrong passwords, so one user's failures never lock out another behind the same address.
    const perUser = {
      name: 'login-user',
      points: this.config.loginRateLimit,
      windowSeconds: LOGIN_WINDOW_SECONDS,
    };
    const perAddress = { ...perUser, name: 'login-address', points: this.config.loginRateLimit * 10 };
    const byUser = await this.limiter.attempt(perUser, username);
    if (!byUser.allowed) throw ApiProblem.tooManyRequests(byUser.retryAfter);
    const byAddress = await this.limiter.attempt(perAddress, ip);
    const creds = await this.users.findCredentials(username);
    const ok = creds?.active
      ? await passwordHasher.verify(creds.passwordHash, req.password)
      : await passwordHasher.verify(await decoyHash(), req.password + '\0');
    if (!creds || !ok || !creds.active) {
      // The failure that spends a last point locks out, growing with each lock-out in a row; it
      // was checked all the same, so it is answered as a wrong password.
      const userBlock = byUser.last ? await this.limiter.lockOut(perUser, username) : 0;
      if (byAddress.last) await this.limiter.lockOut(perAddress, ip);
      if (!byAddress.allowed) throw ApiProblem.tooManyRequests(Math.max(byAddress.retryAfter, userBlock));
      throw new ApiProblem(
        401,
        'invalid-credentials',
        'Inloggningen misslyckades',
        'Fel användarnamn eller lösenord.',
        [{ pointer: '/password', message: 'Fel användarnamn eller lösenord.' }],
      );
    }
    await this.limiter.forget(perUser, username);
    await this.limiter.refund(perAddress, ip);
    const { token, expiresAt } = await this.sessions.create(creds.id, this.config.sessionTtlHours * 3600_000);
    return { token, expiresAt, user: await this.currentUser(creds.id) };
  }

  /**
   * Ends the session; for one signed in through the provider, returns the provider's end-session
   * URL (RP-initiated logout) for the browser to go on to, or null.
   */
  async signOut(token: string | undefined): Promise<string | null> {
    if (!token) return null;
    const idToken = this.oidc.enabled ? await this.sessions.idTokenOf(token) : null;
    await this.sessions.delete(token);
    await this.sessionCache.forgetSession(token);
    return idToken ? this.oidc.endSessionUrl(idToken) : null;
  }

  async currentUser(userId: string): Promise<CurrentUser> {
    const user = await this.users.get(userId);
    if (!user) throw ApiProblem.unauthenticated();
    const units = new Map((await this.units.all()).map((u) => [u.id, u.name]));
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      email: user.email,
      roles: [
        ...user.roles.map((r) => ({
          ...r,
          orgUnitName: units.get(r.orgUnitId) ?? '',
          source: 'manual' as const,
        })),
        ...user.groupRoles.map((r) => ({
          ...r,
          orgUnitName: units.get(r.orgUnitId) ?? '',
          source: 'group' as const,
        })),
      ],
    };
  }
}
