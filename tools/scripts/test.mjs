#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find.
// Tiers: format, lint, types, unit (pure) → build → integration (real MariaDB, Redis, SMTP) →
// multiprocess (several built API and worker processes) → e2e (built apps, Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
process.chdir(root);
mkdirSync('tmp', { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const node = process.execPath;
const only = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const steps = [
  ['format', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']],
  [
    'lint',
    ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'],
    ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0'],
  ],
  [
    'types',
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'],
    ['node_modules/typescript/bin/tsc', '-p', 'apps/web/tsconfig.json', '--noEmit'],
  ],
  ['unit', jest('unit')],
  [
    'build',
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
  ],
  ['integration', jest('integration')],
  // Two API and two worker processes (the built apps) under a peak, one of each killed (#21).
  ['multiprocess', jest('multiprocess')],
  ['e2e', jest('e2e')],
];

function jest(tier) {
  return [
    'node_modules/jest/bin/jest.js',
    '--config',
    `jest.${tier}.config.ts`,
    '--ci',
    '--json',
    `--outputFile=tmp/jest-${tier}.json`,
    '--passWithNoTests=false',
  ];
}

const started = Date.now();
let failed = null;
for (const [name, ...commands] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === 'e2e' && !existsSync(chromium)) {
    // One line instead of every browser test failing on the same missing program.
    console.log(
      `\n━━ e2e: Chromium saknas på ${chromium}: installera den med "apt-get install -y chromium" (eller sätt CHROMIUM_PATH) och kör igen.`,
    );
    failed = name;
    break;
  }
  const t0 = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  for (const args of commands) {
    if (name === 'types' && args.includes('apps/web/tsconfig.json') && !existsSync('apps/web/tsconfig.json'))
      continue;
    const r = spawnSync(node, args, {
      stdio: 'inherit',
      env: { ...env, TEST_TIER: name === 'integration' ? 'it' : name },
    });
    if (r.status !== 0) {
      failed = name;
      break;
    }
  }
  process.stdout.write(
    `━━ ${name}: ${failed === name ? 'FAILED' : 'ok'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  if (failed) break;
}

let passed = 0;
let failedTests = 0;
for (const tier of ['unit', 'integration', 'multiprocess', 'e2e']) {
  const f = `tmp/jest-${tier}.json`;
  if (!existsSync(f) || (only.length && !only.includes(tier))) continue;
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failedTests += r.numFailedTests;
  console.log(
    `${tier}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${r.numTotalTestSuites} suites)`,
  );
}
console.log(
  `\nnpm test ${failed ? `failed at ${failed}` : 'green'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`${passed} passed, ${failedTests + (failed && !failedTests ? 1 : 0)} failed`);
process.exit(failed ? 1 : 0);
