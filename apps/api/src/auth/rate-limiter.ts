import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '@rodtrad/config';
import { APP_CONFIG, REDIS } from '../infrastructure/tokens';
import { ApiProblem } from '../common/problem/problem';

/** A fixed window: at most `points` attempts per key within `windowSeconds`. */
export interface WindowSpec {
  /** Names the bucket's keys: `QUEUE_PREFIX:rl:<name>:<key>`. */
  name: string;
  points: number;
  windowSeconds: number;
}

/** One attempt that was counted; `allowed` is false when it came after the window's last point. */
export interface Attempt {
  allowed: boolean;
  /** Whole seconds until the key may try again (the window's or the block's end). */
  retryAfter: number;
  /** This attempt took the window's last point: failing it locks the key out. */
  last: boolean;
}

const LOCKOUT_MEMORY_SECONDS = 24 * 3600;
/**
 * A lock-out never lasts over an hour: anyone who knows a username can spend its attempts, and a
 * longer block would let them keep its owner out for a working day.
 */
const MAX_BLOCK_SECONDS = 3600;

/**
 * Counters in Redis shared by every API process, kept by rate-limiter-flexible: each attempt is
 * counted and its count returned by one Lua script, so parallel requests can never all pass a
 * check made before their increments landed.
 */
@Injectable()
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one hit for `key`; throws 429 (Retry-After) once the window's points are spent. */
  async hit(spec: WindowSpec, key: string): Promise<void> {
    const attempt = await this.attempt(spec, key);
    if (!attempt.allowed) throw ApiProblem.tooManyRequests(attempt.retryAfter);
  }

  /** Counts one attempt for `key` and says whether it may go ahead. */
  async attempt(spec: WindowSpec, key: string): Promise<Attempt> {
    const res = await settle(this.limiter(spec).consume(key));
    return {
      allowed: res.consumedPoints <= spec.points,
      retryAfter: seconds(res.msBeforeNext),
      last: res.consumedPoints === spec.points,
    };
  }

  /**
   * After an attempt that took the last point failed: blocks `key` for the window, doubled for each
   * earlier lock-out of the key within a day (capped at an hour), so that guessing slows down the
   * longer it goes on. Returns the block's length in seconds.
   */
  async lockOut(spec: WindowSpec, key: string): Promise<number> {
    const lockouts = this.limiter({
      name: `${spec.name}-lockouts`,
      points: Number.MAX_SAFE_INTEGER,
      windowSeconds: LOCKOUT_MEMORY_SECONDS,
    });
    const count = (await lockouts.penalty(key)).consumedPoints;
    const blockSeconds = Math.min(spec.windowSeconds * 2 ** Math.min(count - 1, 20), MAX_BLOCK_SECONDS);
    await this.limiter(spec).block(key, blockSeconds);
    return blockSeconds;
  }

  /** Gives back the point an attempt took (it turned out not to be a failure). */
  async refund(spec: WindowSpec, key: string): Promise<void> {
    await this.limiter(spec).reward(key);
  }

  /** Forgets the key's attempts and lock-outs: its run of failures has ended. */
  async forget(spec: WindowSpec, key: string): Promise<void> {
    await this.limiter(spec).delete(key);
    await this.limiter({ name: `${spec.name}-lockouts`, points: 1, windowSeconds: 1 }).delete(key);
  }

  private limiter(spec: WindowSpec): RateLimiterRedis {
    const id = `${spec.name}\0${spec.points}\0${spec.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.queuePrefix}:rl:${spec.name}`,
        points: spec.points,
        duration: spec.windowSeconds,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

/** consume() rejects with the result when the points are spent, and with an Error when Redis fails. */
async function settle(consumed: Promise<RateLimiterRes>): Promise<RateLimiterRes> {
  try {
    return await consumed;
  } catch (e) {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  }
}

function seconds(ms: number): number {
  return Math.max(Math.ceil(ms / 1000), 1);
}
