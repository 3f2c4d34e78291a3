/**
 * Import of an SIE 4 file from the financial system (#19) (prints figures, asserts nothing):
 *  1. generates an SIE 4 file of 100,000 lines in PC8 (code page 437): 250 responsibility codes ×
 *     20 accounts, #PBUDGET for 12 months and #PSALDO for 8 (BENCH_SIE_LINES changes the size);
 *  2. reads it only (stream, decode, Sie4Reader, sums by month and code): time and lines per second;
 *  3. imports it through the use case into MariaDB (the months stored, the July reports of four
 *     nämnder filled), then again (idempotent: nothing changes);
 *  4. uploads it to the API in the same process (POST /api/imports/ekonomi, multipart, streamed);
 *  and for each the peak RSS and heap sampled every 5 ms, against the process before the run.
 * Run: `npm run bench -- sie-import`.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DEFAULT_NET_COST_ACCOUNTS, FigureAccumulator, Sie4Reader } from '@rodtrad/domain';
import {
  createDocumentEngine,
  decodedLines,
  DefinitionStore,
  DeviationThresholds,
  FinancialImportAdmin,
  ImportFinancialFigures,
  OrgTreeCache,
  SYSTEM_ACTOR,
} from '@rodtrad/engine';
import { loadConfig } from '@rodtrad/config';
import { FinancialImportRepository, openDatabase } from '@rodtrad/persistence';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createApiApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { fmt, freshBenchDatabase, machine } from './bench-support';

const LINES = Number(process.env['BENCH_SIE_LINES'] ?? 100_000);
/** 250 codes at 100,000 lines; more codes for a larger file, so the months stay at 12 + 8. */
const CODES = Math.max(250, Math.ceil(LINES / (20 * 20)));
const ACCOUNTS = [
  '3110',
  '3410',
  '3510',
  '4010',
  '4110',
  '4610',
  '5010',
  '5110',
  '5410',
  '5610',
  '6110',
  '6210',
  '6410',
  '6510',
  '6910',
  '7010',
  '7110',
  '7310',
  '7610',
  '8410',
];
const YEAR = 2091;
const MB = 1024 * 1024;

/** Writes the file in PC8: a header, #OBJEKT and #KONTO, then balances month by month until LINES. */
async function generate(path: string): Promise<number> {
  const out = createWriteStream(path);
  let lines = 0;
  const write = async (text: string) => {
    lines++;
    if (!out.write(iconv.encode(text + '\r\n', 'cp437'))) await once(out, 'drain');
  };
  for (const l of [
    '#FLAGGA 0',
    '#PROGRAM "Ekonomisystemet" 7.2',
    '#FORMAT PC8',
    '#GEN 20910815',
    '#SIETYP 4',
    '#FNAMN "Hallsbergs kommun"',
    `#RAR 0 ${YEAR}0101 ${YEAR}1231`,
    '#DIM 1 "Ansvar"',
  ])
    await write(l);
  for (let c = 0; c < CODES; c++) await write(`#OBJEKT 1 "${10000 + c}" "Ansvar ${c}, Förskola Östansjö"`);
  for (const a of ACCOUNTS) await write(`#KONTO ${a} "Konto ${a} för årets kostnader"`);
  const perMonth = CODES * ACCOUNTS.length;
  const budgetMonths = 12;
  const outcomeMonths = Math.ceil((LINES - lines - budgetMonths * perMonth) / perMonth);
  const balance = async (label: string, month: number, n: number) => {
    for (let i = 0; i < perMonth && n-- > 0; i++) {
      const code = 10000 + (i % CODES);
      const account = ACCOUNTS[Math.floor(i / CODES)] as string;
      const sign = account.startsWith('3') ? -1 : 1;
      const amount = (sign * (1000 + ((i * 7919 + month * 104_729) % 900_000)) + 0.25).toFixed(2);
      await write(`${label} 0 ${YEAR}${String(month).padStart(2, '0')} ${account} {1 "${code}"} ${amount}`);
    }
  };
  for (let m = 1; m <= budgetMonths; m++) await balance('#PBUDGET', m, LINES - lines);
  for (let m = 1; m <= Math.min(12, outcomeMonths); m++) await balance('#PSALDO', m, LINES - lines);
  out.end();
  await once(out, 'finish');
  return lines;
}

/** Peak RSS and heap while `run` runs, sampled every 5 ms, beside the time it took. */
async function measured<T>(
  run: () => Promise<T>,
): Promise<{ value: T; ms: number; rss: number; heap: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 5);
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const end = process.memoryUsage();
  return { value, ms, rss: Math.max(rss, end.rss), heap: Math.max(heap, end.heapUsed) };
}

const mem = (r: { rss: number; heap: number }) =>
  `peak RSS ${fmt(r.rss / MB, 0)} MB, peak heap ${fmt(r.heap / MB, 0)} MB`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rodtrad-sie-'));
  const file = join(dir, `hallsberg-${YEAR}.se`);
  try {
    const lines = await generate(file);
    const size = statSync(file).size;
    console.log(`machine: ${machine()}`);
    console.log(`file: ${lines.toLocaleString('en-US')} lines, ${fmt(size / MB, 1)} MB (PC8)`);
    const start = process.memoryUsage();
    console.log(`process before: RSS ${fmt(start.rss / MB, 0)} MB, heap ${fmt(start.heapUsed / MB, 0)} MB`);

    const read = await measured(async () => {
      const acc = new FigureAccumulator(DEFAULT_NET_COST_ACCOUNTS);
      const reader = new Sie4Reader((b) => {
        const o = b.objects[0];
        if (b.objects.length === 1 && o?.dimension === 1) acc.add(b.kind, b, o.code, b.account, b.amountOre);
      });
      for await (const { text, line } of decodedLines(createReadStream(file), 'sie')) reader.line(text, line);
      reader.finish();
      return { read: reader.linesRead, errors: reader.errors.length, figures: acc.figures().length };
    });
    console.log(
      `read only: ${read.value.read.toLocaleString('en-US')} lines in ${fmt(read.ms, 0)} ms (${fmt(read.value.read / (read.ms / 1000), 0)} lines/s), ${read.value.figures} month × code sums, ${read.value.errors} errors; ${mem(read)}`,
    );

    const url = await freshBenchDatabase('rodtrad_bench_sie_import');
    const ds = await openDatabase({ databaseUrl: url, migrate: true, poolSize: 4 });
    await seedDemo(ds, 'demo');
    await DefinitionStore.fromCwd(ds).syncShipped();
    const engine = createDocumentEngine(ds, { dueAt: async () => null });
    const org = new OrgTreeCache(ds);
    const importer = new ImportFinancialFigures(ds, engine, () => org.tree(), new DeviationThresholds(ds));
    const admin = new FinancialImportAdmin(ds, () => org.tree(), importer);
    const units: { id: string }[] = await ds.query(
      "SELECT id FROM org_unit WHERE kind = 'enhet' ORDER BY code",
    );
    const per = Math.ceil(CODES / units.length);
    for (let u = 0; u < units.length && u * per < CODES; u++)
      await admin.addMapping(
        {
          from: String(10000 + u * per),
          to: String(10000 + Math.min(CODES, (u + 1) * per) - 1),
          orgUnitId: (units[u] as { id: string }).id,
        },
        'bench',
      );
    const [admin1] = await ds.query("SELECT id FROM app_user WHERE username = 'admin'");
    const namnder: { id: string }[] = await ds.query(
      "SELECT id FROM org_unit WHERE code IN ('BIN', 'SAN', 'DSN', 'KS')",
    );
    for (const n of namnder)
      for (const [type, period] of [
        ['manadsrapport', `${YEAR}-07`],
        ['delarsrapport', 'D1'],
      ] as const)
        await engine.create({ type, orgUnitId: n.id, year: YEAR, period, actor: SYSTEM_ACTOR });

    const repo = new FinancialImportRepository(ds);
    for (const round of ['import', 'again (idempotent)'] as const) {
      const run = await measured(() =>
        importer.run({
          format: 'sie',
          fileName: 'hallsberg.se',
          stream: createReadStream(file),
          period: `${YEAR}-07`,
          userId: String(admin1.id),
        }),
      );
      const row = await repo.get(run.value);
      const reports = (row?.result['reports'] ?? []) as { outcome: string }[];
      const outcomes = reports.reduce<Record<string, number>>(
        (a, r) => ({ ...a, [r.outcome]: (a[r.outcome] ?? 0) + 1 }),
        {},
      );
      console.log(
        `${round}: ${fmt(run.ms, 0)} ms (${fmt((row?.linesRead ?? 0) / (run.ms / 1000), 0)} lines/s), ${row?.status}, ${row?.linesImported.toLocaleString('en-US')} lines imported, reports ${JSON.stringify(outcomes)}; ${mem(run)}`,
      );
    }
    await ds.destroy();

    // Through HTTP: the API in this process, the file sent from disk (a file-backed Blob).
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'rodtrad_bench_sie_import',
      DEMO_PASSWORD: 'demo',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOGIN_RATE_LIMIT: '100',
    };
    const api = await createApiApp(loadConfig(env), { migrate: false });
    await api.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ksf.ekonom', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const http = await measured(async () => {
      const form = new FormData();
      form.append('period', `${YEAR}-07`);
      form.append('file', await openAsBlob(file), 'hallsberg.se');
      const res = await fetch(`${base}/api/imports/ekonomi`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return {
        status: res.status,
        body: (await res.json()) as { status: string; linesRead: number; sha256: string },
      };
    });
    console.log(
      `HTTP upload (${fmt(size / MB, 1)} MB): ${http.value.status} ${http.value.body.status} in ${fmt(http.ms, 0)} ms (${fmt(http.value.body.linesRead / (http.ms / 1000), 0)} lines/s); ${mem(http)}`,
    );
    await api.app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
