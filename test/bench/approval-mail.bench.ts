/**
 * 1,000 approval requests → mails delivered to a local SMTP server: mails per second and the time
 * to the last one. Each request is a real SUBMIT of an enhetsplan through the engine; its
 * requestApproval effect goes through the outbox relay, the effects queue, the approval use case
 * (token, rows, mail row) and the mail queue to SMTP (smtp-server in-process, parsed by mailparser).
 * Only mails the SMTP server received and parsed are counted.
 *
 * The worker runs from the start, so the effects of setting up the documents (their draft
 * deadlines) are handled before the clock starts, as they would be long before anyone submits;
 * BENCH_SETUP_BACKLOG=1 starts it just before the SUBMITs instead (the backlog is then timed too).
 *
 * Beside the figure: when every other effect of the SUBMITs was handled too (deadline bookkeeping
 * yields to approval requests in the effects queue), where the time went (from the rows' own
 * timestamps), the CPU this one process (engine clients, worker and SMTP server) spent per mail,
 * the SMTP stage alone in the same process (the transport straight to the same server: a ceiling,
 * and the share of the CPU that is SMTP, both ends), and the SMTP stage against a server that
 * takes 50 ms per mail (a relay farther away) at MAIL_CONCURRENCY next to the former pool of four.
 *
 *   npm run bench -- approval-mail   (BENCH_APPROVALS=1000; WORKER_CONCURRENCY, MAIL_CONCURRENCY as configured)
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@rodtrad/config';
import { createDocumentEngine, DefinitionStore, type EngineActor } from '@rodtrad/engine';
import { QUEUES } from '@rodtrad/jobs';
import { createTransport, MailMessageRepository, type MailMessageRow } from '@rodtrad/mail';
import { openDatabase, UserRepository } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createWorkerApp, type WorkerApp } from '../../apps/worker/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { WorkerQueues } from '../../apps/worker/src/queues/worker-queues';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { flushPrefix } from '../support/global-setup';
import { LocalSmtpServer } from '../support/local-smtp';
import { drive, fmt, freshBenchDatabase, machine, percentile } from './bench-support';

const N = Number(process.env['BENCH_APPROVALS'] ?? 1000);
const CLIENTS = 16;
const SETUP_BACKLOG = process.env['BENCH_SETUP_BACKLOG'] === '1';
const SUBJECT = 'Godkännande begärs';
const SLOW_SMTP_MS = 50;
const SLOW_MAILS = 400;
const DATA = {
  aktiviteter: [
    { titel: 'Läsfrämjande', namndmalId: 'BIN-1', ansvarig: 'Erik Andersson', klartDatum: '2027-06-01' },
  ],
};

/** Waits until every outbox row is relayed and the effects queue has nothing left to do. */
async function effectsSettled(ds: DataSource, worker: WorkerApp): Promise<void> {
  const effects = worker.app.get(WorkerQueues).get(QUEUES.effects);
  for (;;) {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE relayed_at IS NULL');
    const c = await effects.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Number(n) === 0 && Object.values(c).every((v) => v === 0)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** p50 / p99 of a stage, in ms, from the rows' own timestamps. */
async function stage(ds: DataSource, sql: string): Promise<string> {
  const rows: { ms: string }[] = await ds.query(sql);
  const ms = rows.map((r) => Number(r.ms));
  return `p50 ${fmt(percentile(ms, 50), 0)} ms, p99 ${fmt(percentile(ms, 99), 0)} ms`;
}

/** `count` copies of `mail` through a transport of `connections`, `senders` at once: seconds and CPU. */
async function sendAlone(
  url: string,
  from: string,
  mail: MailMessageRow,
  count: number,
  senders: number,
  connections: number,
  done: () => Promise<unknown>,
): Promise<{ perSecond: number; cpuMs: number }> {
  const transport = createTransport(url, from, { maxConnections: connections });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let n = next++; n < count; n = next++)
        await transport.send({ ...mail, id: `alone-${n}`, subject: `Alone ${n}: ${mail.subject}` });
    }),
  );
  await done();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  transport.close();
  return { perSecond: count / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / count };
}

/** An SMTP server that takes `delayMs` to accept each mail (and does not parse it). */
async function slowSmtp(delayMs: number): Promise<{ url: string; received: () => number; stop: () => void }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          received++;
          callback();
        }, delayMs),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received: () => received,
    stop: () => server.close(),
  };
}

async function main() {
  process.env['DATABASE_URL'] = await freshBenchDatabase('rodtrad_bench_approvals');
  process.env['QUEUE_PREFIX'] = 'rodtrad_bench_approvals';
  const smtp = new LocalSmtpServer();
  await smtp.start();
  process.env['SMTP_URL'] = smtp.url;
  const config = loadConfig();
  await flushPrefix(config.redisUrl, config.queuePrefix);
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, migrate: true, poolSize: 20 });
  await seedDemo(ds, config.demoPassword);
  await DefinitionStore.fromCwd(ds).syncShipped();
  const engine = createDocumentEngine(ds);
  const users = new UserRepository(ds);
  const [{ id: rektorId }] = await ds.query("SELECT id FROM app_user WHERE username = 'transten.rektor'");
  const rektor: EngineActor = { userId: rektorId, roles: await users.rolesOf(rektorId), via: 'user' };
  const [{ id: transten }] = await ds.query("SELECT id FROM org_unit WHERE code = 'TRAN'");

  let worker = SETUP_BACKLOG ? undefined : await createWorkerApp(config);
  const docs: { id: string; version: number }[] = [];
  await drive(CLIENTS, Math.ceil(N / CLIENTS), async (c, i) => {
    const n = c * Math.ceil(N / CLIENTS) + i;
    if (n >= N) return;
    const d = await engine.create({ type: 'enhetsplan', orgUnitId: transten, year: 3000 + n, actor: rektor });
    const { version } = await engine.saveData({
      documentId: d.id,
      data: DATA,
      expectedVersion: 1,
      actor: rektor,
    });
    docs.push({ id: d.id, version });
  });
  if (worker) await effectsSettled(ds, worker);
  else worker = await createWorkerApp(config);

  // Counted as they arrive: scanning every received mail on each arrival would cost N² here.
  let scanned = 0;
  let approvals = 0;
  const approvalMails = () => {
    for (; scanned < smtp.received.length; scanned++)
      if (smtp.received[scanned].subject.startsWith(SUBJECT)) approvals++;
    return approvals;
  };
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const submitted = await drive(CLIENTS, Math.ceil(N / CLIENTS), async (c, i) => {
    const d = docs[c * Math.ceil(N / CLIENTS) + i];
    if (!d) return;
    await engine.transition({
      documentId: d.id,
      event: { type: 'SUBMIT' },
      expectedVersion: d.version,
      actor: rektor,
    });
  });
  await smtp.waitFor(() => approvalMails() >= N || undefined, 300_000);
  const last = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await effectsSettled(ds, worker);
  const allEffects = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  const delivered = approvalMails();
  const distinct = new Set(smtp.received.filter((m) => m.subject.startsWith(SUBJECT)).map((m) => m.subject))
    .size;

  const relay = await stage(
    ds,
    `SELECT TIMESTAMPDIFF(MICROSECOND, created_at, relayed_at) / 1000 AS ms FROM outbox WHERE effect_type = 'requestApproval'`,
  );
  const effect = await stage(
    ds,
    `SELECT TIMESTAMPDIFF(MICROSECOND, o.relayed_at, r.created_at) / 1000 AS ms
       FROM approval_request r JOIN outbox o ON o.dedupe_key = r.dedupe_key`,
  );
  const mail = await stage(
    ds,
    `SELECT TIMESTAMPDIFF(MICROSECOND, created_at, sent_at) / 1000 AS ms FROM mail_message WHERE subject LIKE 'Godk%'`,
  );
  const [{ unsent }] = await ds.query("SELECT COUNT(*) AS unsent FROM mail_message WHERE status <> 'sent'");
  await worker.close();

  // The SMTP stage alone, in this same process: the transport straight to the same server.
  const [{ id: sampleId }] = await ds.query("SELECT id FROM mail_message WHERE subject LIKE 'Godk%' LIMIT 1");
  const sample = (await new MailMessageRepository(ds).get(sampleId)) as MailMessageRow;
  const before = smtp.received.length;
  const alone = await sendAlone(
    smtp.url,
    config.mailFrom,
    sample,
    N,
    config.mailConcurrency,
    config.mailConcurrency,
    () => smtp.waitFor((m) => m.length >= before + N || undefined, 120_000),
  );
  // The same against a server that takes 50 ms per mail: now, and as the pool of four was.
  const slow = await slowSmtp(SLOW_SMTP_MS);
  const slowDone = (target: number) => async () => {
    while (slow.received() < target) await new Promise((r) => setTimeout(r, 10));
  };
  const slowNow = await sendAlone(
    slow.url,
    config.mailFrom,
    sample,
    SLOW_MAILS,
    config.mailConcurrency,
    config.mailConcurrency,
    slowDone(SLOW_MAILS),
  );
  const slowFormer = await sendAlone(
    slow.url,
    config.mailFrom,
    sample,
    SLOW_MAILS,
    config.workerConcurrency,
    4,
    slowDone(2 * SLOW_MAILS),
  );
  slow.stop();

  const perMail = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000 / N;
  console.log(
    `machine: ${machine()}; shared with other work, figures are noisy\n` +
      `WORKER_CONCURRENCY ${config.workerConcurrency}, MAIL_CONCURRENCY ${config.mailConcurrency}; ` +
      (SETUP_BACKLOG
        ? 'worker started after the setup (its effects timed too)'
        : 'setup effects handled before the clock'),
  );
  console.log(`${N} SUBMITs (engine, ${CLIENTS} clients): ${fmt(submitted.seconds, 2)} s`);
  console.log(
    `approval mails delivered: ${delivered} (${distinct} distinct documents; duplicates ${delivered - distinct}; rows not sent ${unsent})`,
  );
  console.log(`time from first SUBMIT to last mail: ${fmt(last, 2)} s`);
  console.log(`throughput: ${fmt(N / last, 0)} mails/s end to end (aim ≥ 100)`);
  console.log(`every effect of the SUBMITs handled (deadline bookkeeping too): ${fmt(allEffects, 2)} s`);
  console.log(`stage relay (outbox row → relayed): ${relay}`);
  console.log(`stage effects queue + approval use case (relayed → request row): ${effect}`);
  console.log(`stage mail queue + SMTP (mail row → sent): ${mail}`);
  console.log(
    `CPU of this process until the last mail (engine clients + worker + SMTP server): ${fmt(perMail(cpu), 2)} ms per mail`,
  );
  console.log(
    `SMTP stage alone (transport → same server, ${config.mailConcurrency} at once): ${fmt(alone.perSecond, 0)} mails/s, ` +
      `${fmt(alone.cpuMs, 2)} ms CPU per mail, both ends (${fmt((100 * alone.cpuMs) / perMail(cpu), 0)} % of the end-to-end CPU); ` +
      `end to end runs at ${fmt((100 * (N / last)) / alone.perSecond, 0)} % of it`,
  );
  console.log(
    `SMTP server taking ${SLOW_SMTP_MS} ms per mail: ${fmt(slowNow.perSecond, 0)} mails/s at MAIL_CONCURRENCY ${config.mailConcurrency} ` +
      `vs ${fmt(slowFormer.perSecond, 0)} mails/s as before (${config.workerConcurrency} at once over 4 connections): ` +
      `${fmt(slowNow.perSecond / slowFormer.perSecond, 1)}×`,
  );

  await ds.destroy();
  await smtp.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
