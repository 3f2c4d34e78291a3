import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@rodtrad/config';
import { hashToken, SessionRepository, type SessionUserRow } from '@rodtrad/persistence';
import { APP_CONFIG, REDIS } from '../infrastructure/tokens';

/** Sessions remembered per process, at most this many (the oldest make room). */
const CAPACITY = 10_000;

type Forget = { tokenHash: string } | { userId: string };

/**
 * Every request asks who its session belongs to. The answer (user and roles) is remembered for
 * SESSION_CACHE_SECONDS, which saves the request a round trip to MariaDB.
 *
 * A change that must take effect at once is announced: signing out forgets the session, and a
 * change of a user's roles, password or activity forgets every session of the user, in this
 * process at once and in every other API process through Redis pub/sub (a channel under
 * QUEUE_PREFIX), normally within milliseconds. A change made outside the API (the command line,
 * the database by hand) is seen within SESSION_CACHE_SECONDS. A session's own expiry is always
 * honoured. 0 turns the cache off.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(SessionCache.name);
  private readonly entries = new Map<string, { session: SessionUserRow; until: number }>();
  private readonly ttlMs: number;
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.sessionCacheSeconds * 1000;
    this.channel = `${config.queuePrefix}:sessions:forget`;
  }

  async onModuleInit(): Promise<void> {
    if (this.ttlMs <= 0) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.forgetHere(JSON.parse(message) as Forget);
      } catch (e) {
        this.log.warn(`Ignored a malformed session message: ${String(e)}`);
      }
    });
    // The connection and the subscription are Redis's to restore after an outage (ioredis
    // resubscribes); while it is down, other processes' sign-outs are seen within the TTL.
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  /** The session's user and roles, or null when the token is unknown, expired or its user inactive. */
  async find(token: string): Promise<SessionUserRow | null> {
    if (this.ttlMs <= 0) return this.sessions.find(token);
    const key = hashToken(token);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now && hit.session.expiresAt.getTime() > now) return hit.session;
    const session = await this.sessions.find(token);
    this.entries.delete(key);
    if (session) {
      this.entries.set(key, { session, until: now + this.ttlMs });
      if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    }
    return session;
  }

  /** Signing out: the session ends everywhere. */
  async forgetSession(token: string): Promise<void> {
    await this.announce({ tokenHash: hashToken(token) });
  }

  /** The user's roles, password or activity changed: every session of theirs is read again. */
  async forgetUser(userId: string): Promise<void> {
    await this.announce({ userId });
  }

  private async announce(forget: Forget): Promise<void> {
    this.forgetHere(forget);
    if (this.ttlMs <= 0) return;
    await this.redis.publish(this.channel, JSON.stringify(forget)).catch((e: unknown) => {
      this.log.warn(`Other API processes will see this within the cache time: ${String(e)}`);
    });
  }

  private forgetHere(forget: Forget): void {
    if ('tokenHash' in forget) {
      this.entries.delete(forget.tokenHash);
      return;
    }
    for (const [key, { session }] of this.entries)
      if (session.userId === forget.userId) this.entries.delete(key);
  }
}
