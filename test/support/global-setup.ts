import './test-env';
import './register-aliases';
import Redis from 'ioredis';
import { loadConfig } from '@rodtrad/config';
import { DefinitionStore } from '@rodtrad/engine';
import { dropDatabase, openDatabase } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';

/**
 * Once per jest run: a fresh database for this tier (dropped and re-created, then
 * migrated, seeded with the demo municipality, the shipped workflows published) and a clean queue
 * prefix in Redis.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  await dropDatabase(config.databaseUrl);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, migrate: true, poolSize: 2 });
  await seedDemo(ds, config.demoPassword);
  // Before any suite starts: the shipped workflows, which every API and engine would sync anyway.
  await DefinitionStore.fromCwd(ds).syncShipped();
  await ds.destroy();
  await flushPrefix(config.redisUrl, config.queuePrefix);
}

export async function flushPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
