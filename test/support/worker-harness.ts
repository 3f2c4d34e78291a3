import { describeDatabaseUrl, loadConfig, type AppConfig } from '@rodtrad/config';
import { DefinitionStore } from '@rodtrad/engine';
import { dropDatabase, openDatabase } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createWorkerApp, type WorkerApp } from '../../apps/worker/src/bootstrap';
import { flushPrefix } from './global-setup';
import { fitName } from './names';

/** Deletes every Redis key of a queue prefix (never FLUSHALL: other installations share Redis). */
export const flushQueuePrefix = flushPrefix;

/**
 * A database and a queue prefix of this test file's own (migrated, demo seeded, Redis keys of the
 * prefix deleted), so workers started here never meet another file's deadlines or jobs.
 * Returns the environment overrides to start the API and workers on it.
 */
export async function isolatedStack(name: string): Promise<Record<string, string>> {
  const base = loadConfig();
  const u = new URL(base.databaseUrl);
  u.pathname = `/${fitName(`${describeDatabaseUrl(base.databaseUrl).database}_${name}`, 64)}`;
  const databaseUrl = u.toString();
  await recreateDatabase(databaseUrl);
  const queuePrefix = fitName(`${base.queuePrefix}_${name}`, 40);
  await flushPrefix(base.redisUrl, queuePrefix);
  return { DATABASE_URL: databaseUrl, QUEUE_PREFIX: queuePrefix };
}

/**
 * Drops the database and creates it anew: migrated (so with a new installation id), the demo
 * municipality seeded and the shipped workflows published.
 */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await dropDatabase(databaseUrl);
  const ds = await openDatabase({ databaseUrl, migrate: true, poolSize: 2 });
  await seedDemo(ds, loadConfig().demoPassword);
  await DefinitionStore.fromCwd(ds).syncShipped();
  await ds.destroy();
}

/** The worker in-process, on the given environment overrides. */
export async function startTestWorker(
  overrides: Record<string, string>,
): Promise<WorkerApp & { config: AppConfig }> {
  const config = loadConfig({ ...process.env, ...overrides });
  return { ...(await createWorkerApp(config)), config };
}

/** Polls `check` until it returns a truthy value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
