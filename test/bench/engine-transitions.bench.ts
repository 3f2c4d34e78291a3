/**
 * Transitions per second and latency through the engine service and through HTTP, at 1 and
 * 32 concurrent clients, beside the ceiling: the same writes (guarded update + audit insert +
 * outbox insert in one transaction) done directly on the same MariaDB in the same run.
 *
 *   npm run bench -- engine-transitions
 *
 * Each client owns one enhetsplan and alternates SUBMIT (rektor) and RETURN (områdeschef), so
 * every operation is a real transition with form validation, audit chain and outbox. As in the
 * cycle, Bildningsnämnden's Mål- och budget of the year is adopted before its enhetsplaner are
 * written, and their activities name its goal BIN-1 (which SUBMIT's form check then requires).
 * The plans are made adopted directly in the database: the bench does not walk their workflow.
 *
 * The ceiling sends the very statements the engine sends for such a transition (the same SQL,
 * columns and values, the same outbox rows, a real hash chain), in the same two round trips
 * (`START TRANSACTION; UPDATE … WHERE id = ? AND version = ?`, then `INSERT audit; INSERT
 * outbox; COMMIT`), straight on a mysql2 pool of the same size: what the engine costs on top is
 * reading the document, checking and computing the step, and its libraries. The engine runs twice:
 * as it ships, remembering the documents it wrote (each client's next event then starts from the
 * remembered row, as an event sent after viewing the document does), and with DOCUMENT_CACHE=0
 * semantics ("engine, reading"), where every event reads its row first.
 *
 * The API runs as its own process (as it does in production), so the HTTP clients' work is not
 * done on the server's event loop; the clients use node:http with kept-alive connections. The machine is shared: the three paths take turns, ROUNDS
 * rounds of each at 1 and at 32 clients, so load from neighbours falls on all of them alike;
 * figures are totals over the rounds, and ratios are given with their spread over the rounds.
 *
 * Env: BENCH_CLIENTS (`1,32`: the concurrencies to run), BENCH_ROUNDS (5), BENCH_OPS_SINGLE (1000,
 * per path, over all rounds, at 1 client), BENCH_OPS_32 (150 per client, over all rounds, at more
 * than one client), BENCH_POOL (20, the API's default: connections of the engine and the
 * ceiling), BENCH_API_NODE_ARGS (extra node options for the API process, e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof -r ./tools/scripts/exit-on-sigterm.cjs`; the bench process takes
 * BENCH_NODE_ARGS, see tools/scripts/bench.mjs), BENCH_PATHS (`engine,http`: only these paths; the
 * shares are printed when the raw SQL path runs). Besides rates, it prints the CPU time each path
 * spends per transition (the API process's, read from /proc, for HTTP), which load from other
 * work on the machine disturbs far less than rates.
 */
import { readFileSync } from 'node:fs';
import { createPool, type Pool } from 'mysql2/promise';
import { describeDatabaseUrl, loadConfig } from '@rodtrad/config';
import { createDocumentEngine, DefinitionStore, SYSTEM_ACTOR, type EngineActor } from '@rodtrad/engine';
import {
  DocumentAuditRepository,
  DocumentRepository,
  openDatabase,
  UserRepository,
  type DocumentRow,
} from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code seeds the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { postJson, startApi } from './api-process';
import { drive, fmt, freshBenchDatabase, machine, percentile } from './bench-support';
import { ceilingWriter, type Doc, type Written } from './engine-ceiling';
import { ENHETSPLAN_DATA as DATA } from '../support/enhetsplan-data';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const OPS_SINGLE = Math.ceil(Number(process.env['BENCH_OPS_SINGLE'] ?? 1000) / ROUNDS);
const OPS_PER_CLIENT_32 = Math.ceil(Number(process.env['BENCH_OPS_32'] ?? 150) / ROUNDS);
const POOL = Number(process.env['BENCH_POOL'] ?? 20);
/** Concurrent clients of each run (BENCH_CLIENTS, e.g. `1,8,16,32`): the figures are at 1 and 32. */
const CLIENTS = (process.env['BENCH_CLIENTS'] ?? '1,32').split(',').map(Number);
const SPARE = Math.max(...CLIENTS);

async function main() {
  process.env['DATABASE_URL'] = await freshBenchDatabase('rodtrad_bench_engine');
  process.env['QUEUE_PREFIX'] = 'rodtrad_bench_engine';
  const config = loadConfig();
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: POOL });
  await seedDemo(ds, config.demoPassword);
  await DefinitionStore.fromCwd(ds).syncShipped();
  const engine = createDocumentEngine(ds);
  // The same engine remembering no document: every event reads its row first.
  const reading = createDocumentEngine(ds, { documentCache: 0 });
  const users = new UserRepository(ds);
  const rows = new DocumentRepository(ds);
  const actor = async (username: string): Promise<EngineActor> => {
    const [{ id }] = await ds.query('SELECT id FROM app_user WHERE username = ?', [username]);
    return { userId: id, roles: await users.rolesOf(id), via: 'user' };
  };
  const rektor = await actor('transten.rektor');
  const chef = await actor('grundskola.chef');
  const [{ id: transten }] = await ds.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
  const [{ id: bin }] = await ds.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  let year = 2100;

  async function documents(n: number): Promise<Doc[]> {
    const out: Doc[] = [];
    for (let i = 0; i < n; i++, year++) {
      const plan = await engine.create({ type: 'mal-och-budget', orgUnitId: bin, year, actor: SYSTEM_ACTOR });
      await ds.query("UPDATE document SET final = 1, state = 'adopted', data = ? WHERE id = ?", [
        JSON.stringify({ namndmal: [{ id: 'BIN-1', titel: 'Fler elever når kunskapskraven' }] }),
        plan.id,
      ]);
      const d = await engine.create({ type: 'enhetsplan', orgUnitId: transten, year, actor: rektor });
      const { version } = await engine.saveData({
        documentId: d.id,
        data: DATA,
        expectedVersion: 1,
        actor: rektor,
      });
      const row = (await rows.get(d.id)) as DocumentRow;
      out.push({ id: d.id, version, state: 'draft', auditSeq: row.auditSeq, auditHash: row.auditHash });
    }
    return out;
  }
  const event = (d: Doc) =>
    d.state === 'draft'
      ? { event: { type: 'SUBMIT' }, actor: rektor }
      : { event: { type: 'RETURN', comment: 'Komplettera.' }, actor: chef };

  // --- through the engine service -------------------------------------------------------
  const viaEngine = async (d: Doc) => {
    const { event: e, actor: a } = event(d);
    const r = await engine.transition({ documentId: d.id, event: e, expectedVersion: d.version, actor: a });
    d.version = r.version;
    d.state = d.state === 'draft' ? 'review' : 'draft';
  };

  const viaReadingEngine = async (d: Doc) => {
    const { event: e, actor: a } = event(d);
    const r = await reading.transition({ documentId: d.id, event: e, expectedVersion: d.version, actor: a });
    d.version = r.version;
    d.state = d.state === 'draft' ? 'review' : 'draft';
  };

  // --- through HTTP, the API in a process of its own --------------------------------------
  const api = await startApi(config.databaseUrl);
  const login = async (username: string) =>
    (
      (await (
        await fetch(`${api.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: config.demoPassword }),
        })
      ).json()) as { token: string }
    ).token;
  const tokens = { rektor: await login('transten.rektor'), chef: await login('grundskola.chef') };
  const viaHttp = async (d: Doc) => {
    const submit = d.state === 'draft';
    const res = await postJson(
      `${api.base}/api/documents/${d.id}/events`,
      submit ? tokens.rektor : tokens.chef,
      submit
        ? { type: 'SUBMIT', expectedVersion: d.version }
        : { type: 'RETURN', comment: 'Komplettera.', expectedVersion: d.version },
    );
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
    d.version = (res.body as { version: number }).version;
    d.state = submit ? 'review' : 'draft';
  };

  // --- the ceiling: the engine's statements, straight to MariaDB ------------------------------
  // What a SUBMIT and a RETURN write, taken from a real engine transition of a spare document.
  const written = async (doc: Doc): Promise<Written> => {
    const { event: e, actor: a } = event(doc);
    const r = await engine.transition({
      documentId: doc.id,
      event: e,
      expectedVersion: doc.version,
      actor: a,
    });
    const row = (await rows.get(doc.id)) as DocumentRow;
    doc.version = r.version;
    doc.state = r.state as Doc['state'];
    return {
      snapshot: JSON.stringify(row.snapshot),
      state: row.state,
      final: row.final,
      dueAt: row.dueAt,
      submittedAt: r.effects.some((x) => x.type === 'markSubmitted'),
      event: e.type,
      comment: e.comment ?? null,
      actorUserId: a.userId,
      outbox: r.outboxed.map((x) => ({ effectType: x.type, params: x.params })),
    };
  };
  const [spare] = await documents(1);
  const writes = { draft: await written(spare), review: await written(spare) };
  const db = describeDatabaseUrl(config.databaseUrl);
  const pool: Pool = createPool({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: db.database,
    connectionLimit: POOL,
    multipleStatements: true,
    trace: false,
    timezone: 'Z',
  });
  const raw = ceilingWriter(pool, new DocumentAuditRepository(ds), writes, {
    data: DATA,
    orgUnitId: transten,
  });

  // --- taking turns ----------------------------------------------------------------------------
  const paths: { mode: string; op: (d: Doc) => Promise<void>; docs: Doc[] }[] = [
    { mode: 'engine', op: viaEngine, docs: await documents(SPARE + 1) },
    { mode: 'engine, reading', op: viaReadingEngine, docs: await documents(SPARE + 1) },
    { mode: 'http', op: viaHttp, docs: await documents(SPARE + 1) },
    { mode: 'raw SQL', op: raw, docs: await documents(SPARE + 1) },
  ];
  // BENCH_PATHS (e.g. `http` while profiling the API) leaves the others out.
  const only = process.env['BENCH_PATHS']?.split(',');
  if (only) paths.splice(0, paths.length, ...paths.filter((p) => only.includes(p.mode)));
  for (const p of paths) await drive(1, 20, () => p.op(p.docs[SPARE])); // warm-up
  interface Run {
    latencies: number[];
    seconds: number;
    /** CPU time of this process and of the API's, in ms, over the runs. */
    cpuBench: number;
    cpuApi: number;
    /** Transitions per second of each round. */
    tps: number[];
  }
  const runs = new Map<string, Run>();
  const run = (mode: string, clients: number): Run => {
    const key = `${mode}|${clients}`;
    let r = runs.get(key);
    if (!r) runs.set(key, (r = { latencies: [], seconds: 0, cpuBench: 0, cpuApi: 0, tps: [] }));
    return r;
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const clients of CLIENTS) {
      for (const p of paths) {
        const cpu0 = { bench: process.cpuUsage(), api: processCpuMs(api.child.pid) };
        const r = await drive(clients, clients === 1 ? OPS_SINGLE : OPS_PER_CLIENT_32, (c) =>
          p.op(p.docs[c]),
        );
        const cpuBench = process.cpuUsage(cpu0.bench);
        const total = run(p.mode, clients);
        total.cpuBench += (cpuBench.user + cpuBench.system) / 1000;
        total.cpuApi += processCpuMs(api.child.pid) - cpu0.api;
        total.latencies.push(...r.latencies);
        total.seconds += r.seconds;
        total.tps.push(r.latencies.length / r.seconds);
      }
    }
  }

  const tps = (mode: string, clients: number) =>
    run(mode, clients).latencies.length / run(mode, clients).seconds;
  console.log(`${ROUNDS} rounds, taking turns; pool ${POOL} connections.`);
  for (const clients of CLIENTS)
    for (const { mode } of paths) {
      const r = run(mode, clients);
      console.log(
        `${mode.padEnd(15)} ${String(clients).padStart(2)} clients  ${fmt(tps(mode, clients), 0).padStart(6)} transitions/s   p50 ${fmt(percentile(r.latencies, 50), 2)} ms   p99 ${fmt(percentile(r.latencies, 99), 2)} ms   (${r.latencies.length} ops)`,
      );
    }
  const has = (mode: string) => paths.some((p) => p.mode === mode);
  // CPU per transition, which load from other work on the machine changes far less than rates:
  // the engine's is this process's (its clients' share is small), HTTP's is the API process's.
  const per = (mode: string, clients: number, of: 'cpuBench' | 'cpuApi') =>
    run(mode, clients)[of] / run(mode, clients).latencies.length;
  for (const clients of CLIENTS)
    console.log(
      `${clients} client(s), CPU per transition:` +
        (has('engine') ? ` engine ${fmt(per('engine', clients, 'cpuBench'), 3)} ms (this process)` : '') +
        (has('http')
          ? ` HTTP ${fmt(per('http', clients, 'cpuApi'), 3)} ms in the API process + ${fmt(per('http', clients, 'cpuBench'), 3)} ms in its clients`
          : ''),
    );
  console.log(`\nMachine: ${machine()}; MariaDB on 127.0.0.1 (same machine), shared with other work.`);
  /** `mode`'s rate as a share of `of`'s, over all rounds, with the spread of single rounds. */
  const share = (mode: string, of: string, clients: number) => {
    const base = run(of, clients).tps;
    const perRound = run(mode, clients).tps.map((t, i) => t / base[i]);
    return `${fmt((tps(mode, clients) / tps(of, clients)) * 100, 0)} % (rounds ${fmt(Math.min(...perRound) * 100, 0)}–${fmt(Math.max(...perRound) * 100, 0)} %)`;
  };
  for (const clients of CLIENTS) {
    if (has('raw SQL'))
      console.log(
        `${clients} client(s): engine ${share('engine', 'raw SQL', clients)} of the raw ceiling (reading every row: ${share('engine, reading', 'raw SQL', clients)}), HTTP ${share('http', 'raw SQL', clients)}`,
      );
    if (has('http') && has('engine'))
      console.log(
        `${clients} client(s): HTTP ${share('http', 'engine', clients)} of the engine's rate; HTTP p99 ${fmt(percentile(run('http', clients).latencies, 99), 2)} ms; ` +
          `CPU per transition engine ÷ API process ${fmt((per('engine', clients, 'cpuBench') / per('http', clients, 'cpuApi')) * 100, 0)} %`,
      );
  }
  await pool.end();
  api.child.kill();
  await ds.destroy();
  process.exit(0);
}

/** User and system CPU time of a process so far, in ms (Linux /proc; 0 elsewhere). */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
