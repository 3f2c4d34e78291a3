import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { describeDatabaseUrl, loadConfig } from '@rodtrad/config';
import { createDocumentEngine, SYSTEM_ACTOR } from '@rodtrad/engine';
import { bullConnection, QUEUES } from '@rodtrad/jobs';
import { MailMessageRepository } from '@rodtrad/mail';
import { dropDatabase, ensureDatabase, openDatabase, ReminderDigestRepository } from '@rodtrad/persistence';
import {
  eventually,
  flushQueuePrefix,
  isolatedStack,
  LocalSmtpServer,
  startTestWorker,
  type TestWorker,
} from '@rodtrad/testing';
import { deadlineJobId, digestJobId } from '../deadlines/deadline-jobs';

const PENDING_DEADLINES = 2_000;
const PASSED_DEADLINES = 50;
const PENDING_MAILS = 200;

/**
 * The restore drill of docs/operations.md ("Backups"), on the real services: an installation with
 * work pending (deadlines ahead, deadlines that pass while it is down, open reminder digests,
 * mails not yet sent) is dumped with `mariadb-dump --single-transaction`, restored into a fresh
 * database, and a worker is started on it with a Redis prefix nobody has used, as on a new
 * machine where Redis is empty. Nothing of Redis is restored: the worker's reconciliation must
 * put every pending deadline, digest and mail back on its queue from the database alone.
 */
describe('restore drill: a dump restored into a fresh database and an empty Redis (real MariaDB, Redis and SMTP)', () => {
  const smtp = new LocalSmtpServer();
  const dir = mkdtempSync(join(tmpdir(), 'rodtrad-drill-'));
  const dump = join(dir, 'rodtrad.sql');
  let source: Record<string, string>;
  let ds: DataSource;
  let restored: DataSource | undefined;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    await smtp.start();
    source = await isolatedStack('drill');
    ds = await openDatabase({ databaseUrl: source['DATABASE_URL'], migrate: false, poolSize: 4 });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await restored?.destroy();
    if (ds?.isInitialized) await ds.destroy();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const clientArgs = (databaseUrl: string) => {
    const d = describeDatabaseUrl(databaseUrl);
    return ['-h', d.host, '-P', String(d.port), '-u', d.user, ...(d.password ? [`-p${d.password}`] : [])];
  };

  it('puts every pending deadline, digest and mail back on its queue, and each happens once', async () => {
    // --- the installation before the backup -----------------------------------------------------
    const engine = createDocumentEngine(ds, { dueAt: async () => null });
    const units: { id: string }[] = await ds.query(
      "SELECT id FROM org_unit WHERE kind = 'enhet' ORDER BY code",
    );
    const docs: string[] = [];
    for (let i = 0; i < 40; i++) {
      const d = await engine.create({
        type: 'enhetsplan',
        orgUnitId: units[i % units.length].id,
        year: 2090 + Math.floor(i / units.length),
        actor: SYSTEM_ACTOR,
      });
      docs.push(d.id);
    }
    await ds.query('DELETE FROM outbox WHERE document_id IN (?)', [docs]);
    // Deadlines far ahead (each must wait as a delayed job), and some that pass while the
    // installation is down (each must fire, late and once, with its one overdue mail).
    const ahead = new Date('2090-03-01T07:00:00Z');
    const passing = new Date(Date.now() + 2_000);
    const insertDeadlines = async (count: number, fireAt: Date, base: number): Promise<string[]> => {
      const ids = Array.from({ length: count }, () => randomUUID());
      for (let i = 0; i < count; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await ds.query(
          `INSERT INTO deadline (id, document_id, state, deadline_key, kind, offset_days, due_at, fire_at, generation, escalate)
           VALUES ${chunk.map(() => "(?, ?, 'draft', 'enhetsplan', 'due', 0, ?, ?, ?, 0)").join(', ')}`,
          chunk.flatMap((id, k) => [id, docs[(i + k) % docs.length], fireAt, fireAt, base + i + k]),
        );
      }
      return ids;
    };
    const aheadIds = await insertDeadlines(PENDING_DEADLINES, ahead, 1_000_000);
    const passingIds = await insertDeadlines(PASSED_DEADLINES, passing, 2_000_000);
    // Reminder digests still open for three people (their day's reminders, written by firings).
    const digests = new ReminderDigestRepository(ds);
    const people: { id: string }[] = await ds.query(
      "SELECT id FROM app_user WHERE email IS NOT NULL AND username IN ('transten.rektor', 'grundskola.chef', 'bin.fvc')",
    );
    const reminders = await insertDeadlines(people.length, ahead, 3_000_000);
    const digestIds: string[] = [];
    for (const [k, person] of people.entries())
      digestIds.push(
        (await ds.transaction((m) => digests.addItems(person.id, '2090-02-15', [reminders[k]], m))).digestId,
      );
    // Mails written but not sent when the backup was taken.
    const mails = new MailMessageRepository(ds);
    const mailIds: string[] = [];
    for (let i = 0; i < PENDING_MAILS; i++)
      mailIds.push(
        (
          await mails.add({
            to: ['registrator@hallsberg.example'],
            subject: `Påminnelse ${i + 1}`,
            text: 'Ett dokument väntar på dig.',
            html: '<p>Ett dokument väntar på dig.</p>',
            dedupeKey: `drill__${i}`,
          })
        ).id,
      );
    // Written well before the backup: older than the reconciliation's grace for mails and digests.
    await ds.query(
      "UPDATE mail_message SET created_at = NOW(3) - INTERVAL 1 HOUR WHERE dedupe_key LIKE 'drill\\_\\_%'",
    );
    await ds.query('UPDATE reminder_digest SET created_at = NOW(3) - INTERVAL 1 HOUR WHERE id IN (?)', [
      digestIds,
    ]);
    expect(digestIds).toHaveLength(3);

    // --- the backup, and the restore into a fresh database -----------------------------------------
    const sourceDb = describeDatabaseUrl(source['DATABASE_URL']).database;
    const t0 = performance.now();
    execFileSync('mariadb-dump', [
      ...clientArgs(source['DATABASE_URL']),
      '--single-transaction',
      '--triggers',
      '--routines',
      `--result-file=${dump}`,
      sourceDb,
    ]);
    const dumpSeconds = (performance.now() - t0) / 1000;
    const restoredUrl = source['DATABASE_URL'].replace(/\/[^/]+$/, `/${sourceDb.slice(0, 52)}_restored`);
    await dropDatabase(restoredUrl);
    await ensureDatabase(restoredUrl);
    const t1 = performance.now();
    execFileSync('mariadb', [...clientArgs(restoredUrl), describeDatabaseUrl(restoredUrl).database], {
      input: readFileSync(dump),
    });
    const restoreSeconds = (performance.now() - t1) / 1000;
    const [{ rows, mib }] = await ds.query(
      `SELECT SUM(table_rows) AS \`rows\`, SUM(data_length + index_length) / 1048576 AS mib
         FROM information_schema.tables WHERE table_schema = ?`,
      [sourceDb],
    );
    process.stderr.write(
      `  [drill] ${(statSync(dump).size / 1048576).toFixed(1)} MiB dump of ${Number(mib).toFixed(1)} MiB ` +
        `(about ${Number(rows)} rows): mariadb-dump ${dumpSeconds.toFixed(2)} s, restore ${restoreSeconds.toFixed(2)} s\n`,
    );
    // The old installation is gone with its machine: its database is never touched again.
    await ds.destroy();

    // --- a worker on the restored copy, with a Redis prefix of its own that nothing has used ----------
    const prefix = `${source['QUEUE_PREFIX'].slice(0, 30)}_restored`;
    await flushQueuePrefix(loadConfig().redisUrl, prefix);
    await new Promise((r) => setTimeout(r, Math.max(0, passing.getTime() - Date.now()))); // the outage
    worker = await startTestWorker({ DATABASE_URL: restoredUrl, QUEUE_PREFIX: prefix, SMTP_URL: smtp.url });
    const copy = await openDatabase({ databaseUrl: restoredUrl, migrate: false, poolSize: 2 });
    restored = copy;
    expect(worker.namespace.prefix.startsWith(`${prefix}:`)).toBe(true);

    const connection = bullConnection(worker.config.redisUrl, 'producer');
    const queue = (name: string) => new Queue(name, { connection, prefix: worker?.namespace.prefix });
    const deadlinesQueue = queue(QUEUES.deadlines);
    const mailQueue = queue(QUEUES.mail);
    try {
      // Every deadline ahead waits as its delayed job, due at its moment.
      const delayed = await deadlinesQueue.getJobs(['delayed'], 0, -1);
      const waiting = new Map(delayed.map((j) => [j.id, j.timestamp + (j.opts.delay ?? 0)]));
      const missing = [...aheadIds, ...reminders].filter((id) => !waiting.has(deadlineJobId(id)));
      expect(missing).toEqual([]);
      expect(Math.abs((waiting.get(deadlineJobId(aheadIds[0])) as number) - ahead.getTime())).toBeLessThan(
        60_000,
      );

      // What passed during the outage fires at once, late and once, each with its one overdue mail.
      await eventually(
        async () => {
          const [{ pending }] = await copy.query(
            "SELECT COUNT(*) AS pending FROM deadline WHERE id IN (?) AND status <> 'fired'",
            [passingIds],
          );
          return Number(pending) === 0;
        },
        60_000,
        'the deadlines that passed during the outage to fire',
      );
      const overdue: { id: string; n: number }[] = await copy.query(
        `SELECT d.id, (SELECT COUNT(*) FROM mail_message m WHERE m.dedupe_key LIKE CONCAT('deadline\\_\\_', d.id, '\\_\\_%')) AS n
           FROM deadline d WHERE d.id IN (?)`,
        [passingIds],
      );
      expect(overdue.filter((r) => Number(r.n) !== 1)).toEqual([]);

      // Every open digest and every pending mail had its job again, and went out once.
      for (const id of digestIds) expect(await deadlinesQueue.getJob(digestJobId(id))).toBeDefined();
      for (const id of mailIds) expect(await mailQueue.getJob(id)).toBeDefined();
      await eventually(
        async () => {
          const [{ open }] = await copy.query(
            "SELECT COUNT(*) AS open FROM reminder_digest WHERE id IN (?) AND status = 'open'",
            [digestIds],
          );
          const [{ unsent }] = await copy.query(
            "SELECT COUNT(*) AS unsent FROM mail_message WHERE status <> 'sent'",
          );
          return Number(open) === 0 && Number(unsent) === 0;
        },
        60_000,
        'every digest and mail to be sent',
      );
      const received = smtp.received.map((m) => /^<([^@>]+)@/.exec(m.messageId ?? '')?.[1]);
      for (const id of mailIds) expect(received.filter((r) => r === id)).toHaveLength(1);
      // Three digests (one per person) and PASSED_DEADLINES overdue notices besides the pending mails.
      const [{ sent }] = await copy.query("SELECT COUNT(*) AS sent FROM mail_message WHERE status = 'sent'");
      expect(Number(sent)).toBe(PENDING_MAILS + PASSED_DEADLINES + digestIds.length);
      expect(new Set(received).size).toBe(Number(sent));
    } finally {
      await deadlinesQueue.close();
      await mailQueue.close();
    }
  }, 300_000);
});
