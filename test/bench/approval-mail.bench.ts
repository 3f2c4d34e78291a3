/**
 * 1,000 approval requests → mails delivered to a local SMTP server: mails per second and the time
 * to the last one. Each request is a real SUBMIT of an enhetsplan through the engine; its
 * requestApproval effect goes through the outbox relay, the effects queue, the approval use case
 * (token, rows, mail row) and the mail queue to SMTP (smtp-server in-process, parsed by mailparser).
 *
 *   npm run bench -- approval-mail        (BENCH_APPROVALS=1000, WORKER_CONCURRENCY as configured)
 */
import { loadConfig } from '@rodtrad/config';
import { createDocumentEngine, DefinitionStore, type EngineActor } from '@rodtrad/engine';
import { openDatabase, UserRepository } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { flushPrefix } from '../support/global-setup';
import { LocalSmtpServer } from '../support/local-smtp';
import { drive, fmt, freshBenchDatabase, machine } from './bench-support';

const N = Number(process.env['BENCH_APPROVALS'] ?? 1000);
const CLIENTS = 16;
const DATA = {
  aktiviteter: [
    { titel: 'Läsfrämjande', namndmalId: 'BIN-1', ansvarig: 'Erik Andersson', klartDatum: '2027-06-01' },
  ],
};

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

  const worker = await createWorkerApp(config);
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
  const approvalMails = () => smtp.received.filter((m) => m.subject.startsWith('Godkännande begärs')).length;
  await smtp.waitFor(() => approvalMails() >= N || undefined, 300_000);
  const last = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  const delivered = approvalMails();
  const distinct = new Set(
    smtp.received.filter((m) => m.subject.startsWith('Godkännande begärs')).map((m) => m.subject),
  ).size;

  console.log(`machine: ${machine()}; WORKER_CONCURRENCY ${config.workerConcurrency}`);
  console.log(`${N} SUBMITs (engine, ${CLIENTS} clients): ${fmt(submitted.seconds, 2)} s`);
  console.log(
    `approval mails delivered: ${delivered} (${distinct} distinct documents; duplicates ${delivered - distinct})`,
  );
  console.log(`time from first SUBMIT to last mail: ${fmt(last, 2)} s`);
  console.log(`throughput: ${fmt(N / last, 0)} mails/s end to end (aim ≥ 100)`);

  await worker.close();
  await ds.destroy();
  await smtp.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
