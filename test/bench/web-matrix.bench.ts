/**
 * How long the registrar's matrix (Inlämningsstatus) takes to render in Chromium, for a large
 * municipality (300 enheter × 13 columns, the aim: under a second) beside a small one (30 enheter)
 * in the same run. Not a test: it prints figures and ratios.
 *
 *   npm run bench -- web-matrix
 *
 * The real API serves the built web app (built first if dist/web is missing) and signs the
 * registrar in; the two data requests (unit tree, the year's status) are answered from a fixture
 * with page.route, so the figure is the browser's alone. A visit starts on another year's page
 * (the page's code already loaded, as on any visit after the first), moves to the fixture's year
 * as a click in the year navigation does, and ends when every row is in the table and the frame
 * with it is painted. The sizes take turns, BENCH_ROUNDS (10) visits each.
 *
 * Env: BENCH_MATRIX_UNITS (`30,300`), BENCH_ROUNDS (10), CHROMIUM_PATH (/usr/bin/chromium).
 * Uses its own database `rodtrad_bench_web` (dropped and re-created) and Redis prefix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@rodtrad/config';
import { openDatabase } from '@rodtrad/persistence';
// The bench runs the real API in-process, as the test harness does; apps have no import alias.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApiApp } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { launchBrowser, signIn } from '../browser/support/browser';
import {
  MATRIX_COLUMNS,
  serveStatusMatrix,
  statusMatrixFixture,
} from '../browser/support/status-matrix-fixture';
import { fmt, freshBenchDatabase, machine, percentile } from './bench-support';

const SIZES = (process.env['BENCH_MATRIX_UNITS'] ?? '30,300').split(',').map(Number);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 10);
const AIM_MS = 1000;
/** The page visits start from: a year without documents, served by the real API. */
const START_YEAR = 2090;

async function main(): Promise<void> {
  if (!existsSync('dist/web/index.html')) {
    console.log('dist/web is missing: building the web app first (npm run build:web)');
    const built = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
  }
  const databaseUrl = await freshBenchDatabase('rodtrad_bench_web');
  const seedDs = await openDatabase({ databaseUrl, migrate: true, poolSize: 2 });
  await seedDemo(seedDs, 'demo');
  await seedDs.destroy();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: 'rodtrad_bench_web',
    DEMO_PASSWORD: 'demo',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    WEB_DIST: 'dist/web',
  });
  const api = await createApiApp(config, { migrate: false });
  await api.app.listen(0, '127.0.0.1');
  const baseURL = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;

  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      baseURL,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    // Each size gets a year of its own, so the sizes can take turns on one page.
    const fixtures = SIZES.map((units, i) => statusMatrixFixture(units, 2091 + i));
    for (const fixture of fixtures) await serveStatusMatrix(page, fixture);
    await signIn(page, { username: 'registrator', password: 'demo' });

    const visit = async (year: number, units: number): Promise<number> => {
      await page.goto(`/inlamning/${START_YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Inlämningsstatus ${START_YEAR}` }).waitFor();
      return page.evaluate(
        async ([to, rows]) => {
          const start = performance.now();
          window.history.pushState(null, '', `/inlamning/${to}`);
          window.dispatchEvent(new PopStateEvent('popstate'));
          await new Promise<void>((resolve) => {
            const check = () =>
              document.querySelectorAll('.status-table tbody tr').length === rows
                ? resolve()
                : requestAnimationFrame(check);
            check();
          });
          // Until the frame with the table is painted.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - start;
        },
        [year, units] as const,
      );
    };

    // One visit of each size before measuring: Chromium compiles the page's code on first use.
    for (const f of fixtures) await visit(f.year, f.rows);
    const times = new Map<number, number[]>(SIZES.map((n) => [n, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const f of fixtures) times.get(f.rows)?.push(await visit(f.year, f.rows));

    console.log(`machine: ${machine()}, Chromium at ${process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'}`);
    console.log(`matrix render, ${MATRIX_COLUMNS} columns, ${ROUNDS} visits per size (sizes taking turns):`);
    const p50 = new Map<number, number>();
    for (const [units, sample] of times) {
      const median = percentile(sample, 50);
      p50.set(units, median);
      console.log(
        `  ${String(units).padStart(4)} units: p50 ${fmt(median, 0)} ms, p90 ${fmt(percentile(sample, 90), 0)} ms, ` +
          `max ${fmt(Math.max(...sample), 0)} ms; max / aim (${AIM_MS} ms) ${fmt(Math.max(...sample) / AIM_MS, 2)}`,
      );
    }
    if (SIZES.length >= 2) {
      const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
      console.log(
        `  ${large} vs ${small} units: ${fmt((p50.get(large) ?? NaN) / (p50.get(small) ?? NaN), 1)}× the time ` +
          `for ${fmt(large / small, 0)}× the rows`,
      );
    }
  } finally {
    await browser.close();
    await api.app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
