/**
 * Benchmark of the registrar's view (GET /api/years/{year}/status) and of opening a year.
 * Not a test: it prints figures.
 *
 *   npm run bench -- status-view
 *
 * Env: BENCH_UNITS (default 1000), BENCH_REQUESTS (default 50), BENCH_OPEN=0 skips timing
 * POST /open. Uses its own database `rodtrad_bench` (dropped and re-created) and Redis prefix.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { loadConfig } from '@rodtrad/config';
import { defaultYearWheel, dueInstant, type OrgUnitKind } from '@rodtrad/domain';
import { plannedDocuments } from '@rodtrad/engine';
import { dropDatabase, openDatabase } from '@rodtrad/persistence';
// The bench runs the real API in-process, as the test harness does; apps have no import alias.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApiApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';

const SERVER = process.env['BENCH_DATABASE_SERVER'] ?? 'mysql://root@127.0.0.1:3306';
const DB = 'rodtrad_bench';
const UNITS = Number(process.env['BENCH_UNITS'] ?? 1000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 50);
const YEAR = 2027;

const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: `${SERVER}/${DB}`,
  REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'rodtrad_bench',
  DEMO_PASSWORD: 'demo',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
  LOGIN_RATE_LIMIT: '100',
};

// Every SQL statement of the process goes through MysqlQueryRunner.query: count them there.
let statements = 0;
const original = MysqlQueryRunner.prototype.query;
MysqlQueryRunner.prototype.query = function (this: MysqlQueryRunner, ...args: Parameters<typeof original>) {
  statements++;
  return original.apply(this, args);
} as typeof original;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Grows the demo municipality to `target` units: extra nämnder, each förvaltning → områden → enheter. */
async function addUnits(ds: Awaited<ReturnType<typeof openDatabase>>, target: number): Promise<number> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM org_unit');
  const [{ id: kommun }] = await ds.query("SELECT id FROM org_unit WHERE kind = 'kommun'");
  const rows: [string, string | null, OrgUnitKind, string, string][] = [];
  let total = Number(n);
  for (let k = 1; total < target; k++) {
    const namnd = randomUUID();
    const forv = randomUUID();
    rows.push(
      [namnd, kommun, 'namnd', `Bänknämnd ${k}`, `BN${k}`],
      [forv, namnd, 'forvaltning', `Bänkförvaltning ${k}`, `BF${k}`],
    );
    total += 2;
    for (let o = 1; o <= 6 && total < target; o++) {
      const omr = randomUUID();
      rows.push([omr, forv, 'omrade', `Område ${k}.${o}`, `BO${k}-${o}`]);
      total++;
      for (let e = 1; e <= 12 && total < target; e++, total++)
        rows.push([randomUUID(), omr, 'enhet', `Enhet ${k}.${o}.${e}`, `BE${k}-${o}-${e}`]);
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await ds.query(
      `INSERT INTO org_unit (id, parent_id, kind, name, code) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(',')}`,
      chunk.flat(),
    );
  }
  return total;
}

async function seedDocuments(ds: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const units = await ds.query('SELECT id, kind FROM org_unit');
  const defs: { id: string; key: string; definition: string }[] = await ds.query(
    "SELECT id, def_key AS `key`, definition FROM workflow_definition WHERE status = 'published'",
  );
  const defByKey = new Map(defs.map((d) => [d.key, d]));
  const wheel = defaultYearWheel(YEAR);
  const planned = plannedDocuments(wheel, units);
  const rows = planned.map((p, i) => {
    const def = defByKey.get(p.type);
    if (!def) throw new Error(`no published definition for ${p.type}`);
    // a spread of states, as in a year under way
    const state = i % 5 === 0 ? 'review' : 'draft';
    const due = wheel.find((e) => e.key === p.type && (e.period ?? null) === p.period)?.date;
    return [
      randomUUID(),
      p.type,
      `${p.type} ${YEAR}`,
      p.orgUnitId,
      YEAR,
      p.period ?? '',
      def.id,
      JSON.stringify({ value: state }),
      state,
      '{}',
      due ? dueInstant(due) : null,
    ];
  });
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await ds.query(
      `INSERT INTO document (id, type, title, org_unit_id, year, period, definition_id, snapshot, state, data, version, due_at)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)').join(',')}`,
      chunk.flat(),
    );
  }
  return rows.length;
}

async function main(): Promise<void> {
  await dropDatabase(env.DATABASE_URL);
  const seedDs = await openDatabase({ databaseUrl: env.DATABASE_URL, migrate: true, poolSize: 4 });
  await seedDemo(seedDs, 'demo');
  const units = await addUnits(seedDs, UNITS);
  await seedDs.destroy();

  const api = await createApiApp(loadConfig(env), { migrate: false });
  await api.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const documents = await seedDocuments(api.dataSource);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'registrator', password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const get = async (path: string) => {
    const before = statements;
    const t0 = performance.now();
    const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    return { ms, sql: statements - before, bytes: body.byteLength, body };
  };

  console.log(`units ${units}, documents ${documents} (year ${YEAR})`);
  await get(`/api/years/${YEAR}/status`); // warm-up: definitions and org tree cached
  for (const [label, path] of [
    ['json', `/api/years/${YEAR}/status`],
    ['csv', `/api/years/${YEAR}/status?format=csv`],
    ['xlsx', `/api/years/${YEAR}/status?format=xlsx`],
  ] as const) {
    const times: number[] = [];
    const sqls = new Set<number>();
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < (label === 'json' ? REQUESTS : Math.ceil(REQUESTS / 5)); i++) {
      const r = await get(path);
      times.push(r.ms);
      sqls.add(r.sql);
      bytes = r.bytes;
      if (label === 'json')
        rows = (JSON.parse(Buffer.from(r.body).toString('utf8')) as { items: unknown[] }).items.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `status ${label.padEnd(4)}: n=${times.length} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `SQL statements per request ${[...sqls].join('/')} (the session is remembered: SESSION_CACHE_SECONDS), ${(bytes / 1024).toFixed(0)} KiB${rows ? `, ${rows} rows` : ''}`,
    );
  }

  if (process.env['BENCH_OPEN'] !== '0') {
    const before = statements;
    const t0 = performance.now();
    const res = await fetch(`${url}/api/years/${YEAR + 1}/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const result = await res.json();
    const ms = performance.now() - t0;
    console.log(
      `open ${YEAR + 1}: ${JSON.stringify(result)} in ${(ms / 1000).toFixed(1)} s, ${statements - before} SQL statements`,
    );
    const t1 = performance.now();
    const again = await (
      await fetch(`${url}/api/years/${YEAR + 1}/open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    console.log(
      `open ${YEAR + 1} again: ${JSON.stringify(again)} in ${(performance.now() - t1).toFixed(0)} ms`,
    );
  }
  await api.app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
