/**
 * Deadlines under load (prints figures, asserts nothing):
 *  1. 10,000 deadlines due in the same second → time until all have fired, lateness p50/p99,
 *     exactly-once check (every row fired once, one mail row each).
 *  2. Sparse deadlines (one every ~100 ms) → lateness p99 next to plain BullMQ delayed jobs
 *     measured in the same run, as a ratio.
 * Both at the Redis's current `hz` and again at `hz 100` (restored afterwards).
 * Run: `npm run bench -- deadlines` (env BENCH_BURST=10000, BENCH_CONCURRENCY=32).
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@rodtrad/config';
import { createDocumentEngine, DefinitionStore, SYSTEM_ACTOR } from '@rodtrad/engine';
import { bullConnection } from '@rodtrad/jobs';
import { openDatabase } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { DeadlineReconciler } from '../../apps/worker/src/deadlines/deadline-reconciler.service';
import { flushPrefix } from '../support/global-setup';
import { LocalSmtpServer } from '../support/local-smtp';
import { fmt, freshBenchDatabase, machine, percentile } from './bench-support';

const BURST = Number(process.env['BENCH_BURST'] ?? 10_000);
const CONCURRENCY = process.env['BENCH_CONCURRENCY'] ?? '32';
const SPARSE = 150;
const PREFIX = 'rodtrad_bench_deadlines';

async function documents(ds: DataSource, count: number): Promise<string[]> {
  const engine = createDocumentEngine(ds);
  const units: { id: string }[] = await ds.query(
    `SELECT id FROM org_unit WHERE kind = 'enhet' ORDER BY code`,
  );
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) {
    const doc = await engine.create({
      type: 'enhetsplan',
      orgUnitId: units[i % units.length].id,
      year: 2030 + Math.floor(i / units.length),
      actor: SYSTEM_ACTOR,
    });
    ids.push(doc.id);
  }
  await ds.query('DELETE FROM outbox'); // their year-wheel deadlines would only add noise
  return ids;
}

async function insertDeadlines(ds: DataSource, docs: string[], fireAts: Date[], tag: number): Promise<void> {
  for (let i = 0; i < fireAts.length; i += 1000) {
    const chunk = fireAts.slice(i, i + 1000);
    await ds.query(
      `INSERT INTO deadline (id, document_id, state, deadline_key, kind, offset_days, due_at, fire_at, generation, escalate)
       VALUES ${chunk.map(() => "(?, ?, 'draft', 'enhetsplan', 'due', 0, ?, ?, ?, 0)").join(', ')}`,
      chunk.flatMap((at, k) => [randomUUID(), docs[(i + k) % docs.length], at, at, tag * 1_000_000 + i + k]),
    );
  }
}

async function lateness(
  ds: DataSource,
  tag: number,
): Promise<{ late: number[]; fired: number; spanMs: number }> {
  const rows: { late: string; span: string }[] = await ds.query(
    `SELECT TIMESTAMPDIFF(MICROSECOND, fire_at, fired_at) / 1000 AS late FROM deadline
      WHERE generation DIV 1000000 = ? AND status = 'fired'`,
    [tag],
  );
  const [{ span }] = await ds.query(
    `SELECT TIMESTAMPDIFF(MICROSECOND, MIN(fire_at), MAX(fired_at)) / 1000 AS span FROM deadline WHERE generation DIV 1000000 = ?`,
    [tag],
  );
  return { late: rows.map((r) => Number(r.late)), fired: rows.length, spanMs: Number(span) };
}

async function waitFired(ds: DataSource, tag: number, n: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ c }] = await ds.query(
      `SELECT COUNT(*) AS c FROM deadline WHERE generation DIV 1000000 = ? AND status = 'fired'`,
      [tag],
    );
    if (Number(c) >= n || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function plainBullmqLateness(redisUrl: string, at: Date[]): Promise<number[]> {
  const q = new Queue('bench-plain', { connection: bullConnection(redisUrl, 'producer'), prefix: PREFIX });
  const late: number[] = [];
  const w = new Worker(
    'bench-plain',
    async (job) => {
      late.push(Date.now() - (job.timestamp + (job.opts.delay ?? 0)));
    },
    { connection: bullConnection(redisUrl, 'worker'), prefix: PREFIX, concurrency: 8 },
  );
  await q.addBulk(
    at.map((t) => ({
      name: 'p',
      data: {},
      opts: { delay: t.getTime() - Date.now(), removeOnComplete: true },
    })),
  );
  const until = Date.now() + 60_000;
  while (late.length < at.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  return late;
}

async function round(
  label: string,
  ds: DataSource,
  docs: string[],
  redisUrl: string,
  tagBase: number,
): Promise<void> {
  // 1. The burst: every deadline at the same moment, far enough ahead for the jobs to be in place.
  const burstAt = new Date(Date.now() + 15_000 + BURST * 1.5);
  await insertDeadlines(ds, docs, Array(BURST).fill(burstAt), tagBase + 1);
  const t0 = Date.now();
  await app.app.get(DeadlineReconciler).reconcile(); // as at worker start: every pending row gets its job
  const scheduledIn = Date.now() - t0;
  await waitFired(ds, tagBase + 1, BURST, burstAt.getTime() - Date.now() + 120_000);
  const burst = await lateness(ds, tagBase + 1);
  const [{ mails }] = await ds.query(
    `SELECT COUNT(*) AS mails FROM mail_message m JOIN deadline d ON m.dedupe_key LIKE CONCAT('deadline\\_\\_', d.id, '\\_\\_%')
      WHERE d.generation DIV 1000000 = ?`,
    [tagBase + 1],
  );
  console.log(
    `\n[${label}] burst of ${BURST} due in the same millisecond (jobs added by reconciliation in ${scheduledIn} ms)`,
  );
  console.log(
    `  fired: ${burst.fired}/${BURST}, mails written: ${mails} (exactly once: ${burst.fired === BURST && Number(mails) === BURST ? 'yes' : 'NO'})`,
  );
  console.log(`  time until all fired: ${fmt(burst.spanMs / 1000, 2)} s`);
  console.log(
    `  lateness p50 ${fmt(percentile(burst.late, 50), 0)} ms, p99 ${fmt(percentile(burst.late, 99), 0)} ms, max ${fmt(percentile(burst.late, 100), 0)} ms`,
  );

  // 2. Sparse: deadlines and plain delayed jobs at the same moments, one every ~100 ms.
  const start = Date.now() + 3000;
  const at = Array.from(
    { length: SPARSE },
    (_, i) => new Date(start + i * 100 + Math.floor(Math.random() * 50)),
  );
  await insertDeadlines(ds, docs, at, tagBase + 2);
  await app.app.get(DeadlineReconciler).reconcile();
  const plain = await plainBullmqLateness(redisUrl, at);
  await waitFired(ds, tagBase + 2, SPARSE, 30_000);
  const sparse = await lateness(ds, tagBase + 2);
  const p99d = percentile(sparse.late, 99);
  const p99p = percentile(plain, 99);
  console.log(`[${label}] sparse: ${SPARSE} deadlines ~100 ms apart`);
  console.log(`  deadlines lateness p50 ${fmt(percentile(sparse.late, 50), 0)} ms, p99 ${fmt(p99d, 0)} ms`);
  console.log(`  plain BullMQ delayed jobs p50 ${fmt(percentile(plain, 50), 0)} ms, p99 ${fmt(p99p, 0)} ms`);
  console.log(`  ratio p99 deadlines / plain: ${fmt(p99d / Math.max(1, p99p), 2)}×`);
}

let app: Awaited<ReturnType<typeof createWorkerApp>>;

async function main(): Promise<void> {
  const smtp = new LocalSmtpServer();
  await smtp.start();
  const databaseUrl = await freshBenchDatabase('rodtrad_bench_deadlines');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: PREFIX,
    SMTP_URL: smtp.url,
    WORKER_CONCURRENCY: CONCURRENCY,
    DEADLINE_RECONCILE_SECONDS: '3600',
  });
  const ds = await openDatabase({ databaseUrl, migrate: true, poolSize: 4 });
  await seedDemo(ds, 'demo');
  await DefinitionStore.fromCwd(ds).syncShipped();
  const docs = await documents(ds, 500);
  await flushPrefix(config.redisUrl, PREFIX);
  const redis = new Redis(config.redisUrl);
  const [, hz] = (await redis.config('GET', 'hz')) as [string, string];
  console.log(`machine: ${machine()}; WORKER_CONCURRENCY ${CONCURRENCY}; one worker process; Redis hz ${hz}`);
  app = await createWorkerApp(config);
  try {
    await round(`hz ${hz}`, ds, docs, config.redisUrl, 10);
    if (hz !== '100') {
      await redis.config('SET', 'hz', '100');
      try {
        await round('hz 100', ds, docs, config.redisUrl, 20);
      } finally {
        await redis.config('SET', 'hz', hz);
        console.log(`(Redis hz restored to ${hz})`);
      }
    }
  } finally {
    await app.close();
    await redis.quit();
    await ds.destroy();
    await smtp.stop();
    await flushPrefix(config.redisUrl, PREFIX);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
