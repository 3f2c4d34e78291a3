import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { createDocumentEngine, SYSTEM_ACTOR } from '@rodtrad/engine';
import { openDatabase, OutboxRepository } from '@rodtrad/persistence';
import {
  draftDeadlineEffect,
  eventually,
  flushQueuePrefix,
  isolatedStack,
  LocalSmtpServer,
  startTestWorker,
} from '@rodtrad/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The built worker as its own process (the production entry point). */
function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', './tools/scripts/register-paths.cjs', 'dist/server/apps/worker/src/main.js'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Rödtråd worker running')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${out}`)));
  });
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/**
 * `count` due moments of one document's draft step, all at `dueAt` (a generation each). The
 * waits for the worker to write them are generous: in the full tier two suites run at once beside
 * this file's own build, and on two cores writing 200 rows has taken over 20 s.
 */
async function manyDeadlines(
  ds: DataSource,
  unitCode: string,
  year: number,
  count: number,
  dueAt: Date,
): Promise<string> {
  const [unit] = await ds.query('SELECT id FROM org_unit WHERE code = ?', [unitCode]);
  // Only these deadlines: not the year wheel's own for the step, which fires at once once past.
  const doc = await createDocumentEngine(ds, { dueAt: async () => null }).create({
    type: 'enhetsplan',
    orgUnitId: unit.id,
    year,
    actor: SYSTEM_ACTOR,
  });
  const outbox = new OutboxRepository(ds);
  for (let i = 0; i < count; i += 250)
    await outbox.add(
      Array.from({ length: Math.min(250, count - i) }, (_, k) =>
        draftDeadlineEffect(doc.id, dueAt, `test__${doc.id}__${i + k}`),
      ),
      ds.manager,
    );
  return doc.id;
}

const counts = async (ds: DataSource, documentId: string, dueAt: Date) => {
  const rows: { status: string; n: string }[] = await ds.query(
    `SELECT status, COUNT(*) AS n FROM deadline WHERE document_id = ? AND due_at = ? GROUP BY status`,
    [documentId, dueAt],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
};

describe('deadlines survive crashes, lost Redis data and competing workers, firing exactly once', () => {
  const smtp = new LocalSmtpServer();
  let env: Record<string, string>;
  let ds: DataSource;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    env = await isolatedStack('resilience');
    await smtp.start();
    env = { ...env, SMTP_URL: smtp.url, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '8' };
    ds = await openDatabase({ databaseUrl: env['DATABASE_URL'], migrate: false, poolSize: 4 });
  }, 240_000);
  afterAll(async () => {
    for (const c of children) await stop(c, 'SIGKILL');
    await ds?.destroy();
    await smtp.stop();
  });

  const mailsFor = (title: string) => smtp.received.filter((m) => m.subject === `Försenat: ${title}`);

  it('SIGKILL with 200 pending deadlines, restart after their moment: each fires once, late', async () => {
    const first = await spawnWorker(env);
    children.push(first);
    // Far enough ahead that all 200 are written and pending before it, even on two busy cores.
    const dueAt = new Date(Date.now() + 20_000);
    const documentId = await manyDeadlines(ds, 'TRAN', 2027, 200, dueAt);
    await eventually(
      async () => (await counts(ds, documentId, dueAt))['pending'] === 200,
      60_000,
      '200 pending rows',
    );
    await stop(first, 'SIGKILL');
    // Down while the moment passes.
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - Date.now()) + 1000));
    expect(await counts(ds, documentId, dueAt)).toEqual({ pending: 200 });
    const second = await spawnWorker(env);
    children.push(second);
    await eventually(
      async () => (await counts(ds, documentId, dueAt))['fired'] === 200,
      30_000,
      '200 firings',
    );
    const [{ title }] = await ds.query('SELECT title FROM document WHERE id = ?', [documentId]);
    await smtp.waitFor((all) => all.filter((m) => m.subject === `Försenat: ${title}`).length >= 200, 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    const mails = mailsFor(title);
    expect(mails).toHaveLength(200);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(200);
    expect(mails.every((m) => m.to.join() === 'transten.rektor@hallsberg.example')).toBe(true);
    await stop(second);
  }, 120_000);

  it("after the queue prefix's Redis keys are deleted, reconciliation restores every pending deadline", async () => {
    const worker = await startTestWorker({ ...env, DEADLINE_RECONCILE_SECONDS: '2' });
    try {
      const dueAt = new Date(Date.now() + 20_000);
      const documentId = await manyDeadlines(ds, 'EKA', 2027, 200, dueAt);
      await eventually(
        async () => (await counts(ds, documentId, dueAt))['pending'] === 200,
        60_000,
        '200 pending rows',
      );
      const redis = new Redis(worker.config.redisUrl);
      await eventually(
        async () => (await redis.zcard(`${worker.namespace.prefix}:deadlines:delayed`)) >= 200,
        30_000,
        'delayed jobs',
      );
      await redis.quit();
      await flushQueuePrefix(worker.config.redisUrl, env['QUEUE_PREFIX']); // never FLUSHALL: others share this Redis
      await eventually(
        async () => (await counts(ds, documentId, dueAt))['fired'] === 200,
        30_000,
        '200 firings after the flush',
      );
      const [{ title }] = await ds.query('SELECT title FROM document WHERE id = ?', [documentId]);
      await smtp.waitFor(
        (all) => all.filter((m) => m.subject === `Försenat: ${title}`).length >= 200,
        30_000,
      );
      await new Promise((r) => setTimeout(r, 3000));
      expect(mailsFor(title)).toHaveLength(200);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('deadlines fire in batches with whatever else is due, but never before their own moment', async () => {
    const worker = await startTestWorker(env);
    try {
      const dueAt = new Date(Date.now() + 8000);
      // Well after the burst: its 300 firings are done long before, even on two busy cores.
      const laterAt = new Date(dueAt.getTime() + 15_000);
      const burst = await manyDeadlines(ds, 'TRAN', 2029, 300, dueAt);
      const later = await manyDeadlines(ds, 'TRAN', 2030, 1, laterAt);
      await eventually(async () => (await counts(ds, burst, dueAt))['fired'] === 300, 30_000, '300 firings');
      // The burst's batches swept the table for due rows: the later one was not due, so it waits.
      expect(await counts(ds, later, laterAt)).toEqual({ pending: 1 });
      await eventually(
        async () => (await counts(ds, later, laterAt))['fired'] === 1,
        30_000,
        'the later one',
      );
      const [{ early }] = await ds.query(
        'SELECT COUNT(*) AS early FROM deadline WHERE document_id IN (?, ?) AND fired_at < fire_at',
        [burst, later],
      );
      expect(Number(early)).toBe(0);
      const fired = await ds.query(
        "SELECT COUNT(*) AS n FROM mail_message WHERE dedupe_key LIKE 'deadline\\_\\_%' AND subject = (SELECT CONCAT('Försenat: ', title) FROM document WHERE id = ?)",
        [burst],
      );
      expect(Number(fired[0].n)).toBe(300);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('two worker processes, 500 deadlines due together: 500 firings, no duplicates', async () => {
    const a = await spawnWorker(env);
    const b = await spawnWorker(env);
    children.push(a, b);
    const dueAt = new Date(Date.now() + 6000);
    const documentId = await manyDeadlines(ds, 'OSTA', 2027, 500, dueAt);
    await eventually(
      async () => (await counts(ds, documentId, dueAt))['fired'] === 500,
      40_000,
      '500 firings',
    );
    const [{ title }] = await ds.query('SELECT title FROM document WHERE id = ?', [documentId]);
    await smtp.waitFor((all) => all.filter((m) => m.subject === `Försenat: ${title}`).length >= 500, 40_000);
    await new Promise((r) => setTimeout(r, 2000));
    const mails = mailsFor(title);
    expect(mails).toHaveLength(500);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(500);
    const [{ n }] = await ds.query(
      `SELECT COUNT(*) AS n FROM mail_message WHERE dedupe_key LIKE 'deadline\\_\\_%' AND status = 'sent' AND subject = ?`,
      [`Försenat: ${title}`],
    );
    expect(Number(n)).toBe(500);
    await Promise.all([stop(a), stop(b)]);
  }, 120_000);
});
