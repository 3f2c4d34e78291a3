/**
 * Benchmark: the PDF of every document of a demo year (#20). Opens the year of the demo
 * municipality (every document for every unit), gives each document its type's fixture data, then
 * renders each one as tagged PDF through DocumentPublisher, one after another, as the worker's
 * archive job does. Prints the time per PDF, the total, the bytes and the memory (RSS and heap).
 * Not a test: it prints figures.
 *
 *   npm run bench -- document-pdfs
 *
 * Env: BENCH_YEAR (default 2027). Uses its own database `rodtrad_bench_pdf` and Redis prefix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@rodtrad/config';
import { DefinitionStore, DocumentPublisher } from '@rodtrad/engine';
import { dropDatabase, DocumentRepository, openDatabase } from '@rodtrad/persistence';
// The bench runs the real API in-process, as the test harness does; apps have no import alias.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApiApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { fmt, machine, percentile } from './bench-support';

const SERVER = process.env['BENCH_DATABASE_SERVER'] ?? 'mysql://root@127.0.0.1:3306';
const YEAR = Number(process.env['BENCH_YEAR'] ?? 2027);
const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: `${SERVER}/rodtrad_bench_pdf`,
  REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'rodtrad_bench_pdf',
  DEMO_PASSWORD: 'demo',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
  LOGIN_RATE_LIMIT: '100',
};
const mib = (n: number) => fmt(n / 2 ** 20, 1);

async function main(): Promise<void> {
  await dropDatabase(env.DATABASE_URL);
  const seedDs = await openDatabase({ databaseUrl: env.DATABASE_URL, migrate: true, poolSize: 4 });
  await seedDemo(seedDs, 'demo');
  await DefinitionStore.fromCwd(seedDs).syncShipped();
  await seedDs.destroy();
  const api = await createApiApp(loadConfig(env), { migrate: false });
  await api.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'registrator', password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const opened = await fetch(`${url}/api/years/${YEAR}/open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: url },
  });
  console.log(`open ${YEAR}: ${opened.status} ${await opened.text()}`);

  const ds = api.dataSource;
  const types: { type: string }[] = await ds.query('SELECT DISTINCT type FROM document WHERE year = ?', [
    YEAR,
  ]);
  for (const { type } of types) {
    const fixture = join('test/fixtures/documents', `${type}.json`);
    if (existsSync(fixture))
      await ds.query('UPDATE document SET data = ? WHERE year = ? AND type = ?', [
        readFileSync(fixture, 'utf8'),
        YEAR,
        type,
      ]);
  }
  const ids: { id: string }[] = await ds.query('SELECT id FROM document WHERE year = ? ORDER BY type, id', [
    YEAR,
  ]);
  const publisher = api.app.get(DocumentPublisher);
  const documents = new DocumentRepository(ds);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let peakHeap = 0;
  let bytes = 0;
  const ms: number[] = [];
  const started = performance.now();
  for (const { id } of ids) {
    const t0 = performance.now();
    const doc = await documents.get(id);
    if (!doc) continue;
    bytes += (await publisher.render(doc)).length;
    ms.push(performance.now() - t0);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`machine: ${machine()}`);
  console.log(`documents of ${YEAR}: ${ids.length} (${types.length} types)`);
  console.log(
    `rendered ${ms.length} PDFs in ${fmt(seconds, 1)} s: ${fmt(ms.length / seconds, 1)} PDF/s, p50 ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms, max ${fmt(percentile(ms, 100))} ms`,
  );
  console.log(
    `bytes: ${mib(bytes)} MiB in all, ${fmt(bytes / Math.max(ms.length, 1) / 1024, 1)} KiB per PDF`,
  );
  console.log(
    `memory: RSS ${mib(rssBefore)} MiB before, peak ${mib(peakRss)} MiB; peak heap used ${mib(peakHeap)} MiB`,
  );
  await api.app.close();
  await dropDatabase(env.DATABASE_URL);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
