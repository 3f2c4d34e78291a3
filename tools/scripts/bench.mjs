#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the benchmarks in test/bench/*.bench.ts (all, or those named).
// Benchmarks print figures and ratios; they are not tests and assert nothing.
// BENCH_NODE_ARGS adds node options to each benchmark's process (e.g. `--cpu-prof`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
process.chdir(root);
const wanted = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)));
for (const f of files) {
  console.log(`\n━━ ${f} ━━`);
  const r = spawnSync(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []),
      '-r',
      './tools/scripts/register-ts.cjs',
      join('test/bench', f),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
