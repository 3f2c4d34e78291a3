import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { AppConfig } from '@rodtrad/config';
import { APP_CONFIG, REDIS } from '../../infrastructure/tokens';

/** One sign-in under way: what the callback must find again, kept server-side. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  maxAge?: number;
}

/** A sign-in must come back from the provider within this time. */
export const PENDING_LOGIN_SECONDS = 600;

/**
 * The sign-ins under way, in Redis (any API process may receive the callback), each under a
 * random id that only the browser's httpOnly cookie knows, and usable once: the state and nonce
 * thus belong to this browser, and a callback replayed or sent to another browser finds nothing.
 */
@Injectable()
export class OidcLoginStore {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:oidc:login:`;
  }

  async put(login: PendingLogin): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.redis.set(this.prefix + id, JSON.stringify(login), 'EX', PENDING_LOGIN_SECONDS);
    return id;
  }

  /** The sign-in under `id`, removed as it is read (null when unknown, used or expired). */
  async take(id: string | undefined): Promise<PendingLogin | null> {
    if (!id || !/^[A-Za-z0-9_-]{32}$/.test(id)) return null;
    const raw = await this.redis.getdel(this.prefix + id);
    return raw ? (JSON.parse(raw) as PendingLogin) : null;
  }

  /** True the first time a logout token's jti is seen (a replay is ignored). */
  async firstUse(jti: string): Promise<boolean> {
    const key = `${this.prefix.replace(/login:$/, 'logout-jti:')}${jti.slice(0, 200)}`;
    return (await this.redis.set(key, '1', 'EX', 600, 'NX')) === 'OK';
  }
}
