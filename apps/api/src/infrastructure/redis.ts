import Redis from 'ioredis';
import { ServiceUnavailableAtStartError, errorCause } from '@rodtrad/persistence';

/** Connects and pings once; an unreachable Redis is an operator message, not a hang. */
export async function connectRedis(redisUrl: string, options: { lazy?: boolean } = {}): Promise<Redis> {
  const where = redisUrl.replace(/\/\/[^@]*@/, '//***@');
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: options.lazy ? null : 3,
    connectTimeout: 5000,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  client.on('error', () => undefined); // surfaced through commands and /api/health
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new ServiceUnavailableAtStartError('Redis', where, errorCause(e));
  }
  return client;
}
