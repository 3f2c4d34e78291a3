import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@rodtrad/config';
import type { CurrentUser, LoginRequest } from '@rodtrad/contracts';
import { OrgUnitRepository, SessionRepository, UserRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../common/problem/problem';
import { APP_CONFIG } from '../infrastructure/tokens';
import { decoyHash, passwordHasher } from './password-hasher';
import { RateLimiter } from './rate-limiter';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(
    req: LoginRequest,
    ip: string,
  ): Promise<{ token: string; expiresAt: Date; user: CurrentUser }> {
    const username = req.username.trim().toLowerCase();
    // Counted per username+IP (guessing one account) and per IP (spraying many).
    const buckets = [`login:${username}:${ip}`, `login-ip:${ip}`];
    const limits = [this.config.loginRateLimit, this.config.loginRateLimit * 10];
    for (const [i, b] of buckets.entries()) {
      const wait = await this.limiter.isBlocked(b, limits[i]);
      if (wait) throw ApiProblem.tooManyRequests(wait);
    }
    const creds = await this.users.findCredentials(username);
    const ok = creds?.active
      ? await passwordHasher.verify(creds.passwordHash, req.password)
      : await passwordHasher.verify(await decoyHash(), req.password + '\0');
    if (!creds || !ok || !creds.active) {
      for (const [i, b] of buckets.entries())
        await this.limiter.hit(b, limits[i] + 1, LOGIN_WINDOW_SECONDS).catch(() => undefined);
      throw new ApiProblem(
        401,
        'invalid-credentials',
        'Inloggningen misslyckades',
        'Fel användarnamn eller lösenord.',
        [{ pointer: '/password', message: 'Fel användarnamn eller lösenord.' }],
      );
    }
    await this.limiter.reset(buckets[0]);
    const { token, expiresAt } = await this.sessions.create(creds.id, this.config.sessionTtlHours * 3600_000);
    return { token, expiresAt, user: await this.currentUser(creds.id) };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.sessions.delete(token);
    await this.sessionCache.forgetSession(token);
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
      roles: user.roles.map((r) => ({ ...r, orgUnitName: units.get(r.orgUnitId) ?? '' })),
    };
  }
}
