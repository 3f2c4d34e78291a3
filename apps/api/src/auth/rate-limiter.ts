import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@rodtrad/config';
import { APP_CONFIG, REDIS } from '../infrastructure/tokens';
import { ApiProblem } from '../common/problem/problem';

/**
 * Fixed-window counters in Redis, shared by every API process. Used for sign-in
 * attempts and for the approval-link endpoints.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one hit; throws 429 once `limit` hits fell within `windowSeconds`. */
  async hit(bucket: string, limit: number, windowSeconds: number): Promise<void> {
    const key = `${this.config.queuePrefix}:rl:${bucket}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [
      [null, number],
      [null, number],
    ];
    if (ttl < 0) await this.redis.expire(key, windowSeconds);
    if (count > limit) throw ApiProblem.tooManyRequests(ttl > 0 ? ttl : windowSeconds);
  }

  async isBlocked(bucket: string, limit: number): Promise<number> {
    const key = `${this.config.queuePrefix}:rl:${bucket}`;
    const count = Number((await this.redis.get(key)) ?? 0);
    return count >= limit ? Math.max(await this.redis.ttl(key), 1) : 0;
  }

  async reset(bucket: string): Promise<void> {
    await this.redis.del(`${this.config.queuePrefix}:rl:${bucket}`);
  }
}
