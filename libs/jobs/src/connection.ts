import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';

/**
 * BullMQ's connection settings from REDIS_URL. Workers need
 * maxRetriesPerRequest: null (blocking commands); producers fail fast instead of queueing
 * commands while Redis is away.
 */
export function bullConnection(redisUrl: string, role: 'worker' | 'producer'): ConnectionOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableOfflineQueue: role === 'worker',
  };
}

/** Retries with exponential backoff (jitter added by the worker's backoff strategy); failures are kept. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
