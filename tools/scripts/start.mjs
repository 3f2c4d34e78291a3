#!/usr/bin/env node
// `npm start`: build what is stale, migrate and seed, then run the API and the worker
// side by side until Ctrl-C, which stops both cleanly; either one that crashes is started again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
process.chdir(root);
const node = process.execPath;
const register = ['-r', './tools/scripts/register-paths.cjs'];

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(label, cmd, args) {
  process.stdout.write(`▸ ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const serverSources = Math.max(
  newest('apps/api/src'),
  newest('apps/worker/src'),
  newest('libs'),
  mtime('tsconfig.base.json'),
);
if (serverSources > mtime('dist/server/.tsbuildinfo'))
  run('Bygger server (tsc)…', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
if (Math.max(newest('apps/web'), newest('libs')) > mtime('dist/web/index.html')) {
  run('Bygger webbappen (vite)…', node, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'apps/web/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
}
run('Migrerar databasen och lägger in demokommunen…', node, [
  ...register,
  'dist/server/apps/api/src/cli.js',
  'setup',
]);

await startDemoMailbox();

const { supervise } = createRequire(import.meta.url)('./supervisor.cjs');
// Both on one machine, so each its own metrics port: the API METRICS_PORT (default 9464), the
// worker the next one (0: neither serves /metrics). In Docker or Kubernetes each has METRICS_PORT.
const metricsPort = Number(process.env.METRICS_PORT || 9464);
const envOf = {
  api: process.env,
  worker: { ...process.env, METRICS_PORT: String(metricsPort ? metricsPort + 1 : 0) },
};
// A process that stops unexpectedly is started again (with a growing pause, logged): a crashed
// worker no longer takes the API and the demo mailbox with it.
const processes = [
  ['api', 'dist/server/apps/api/src/main.js'],
  ['worker', 'dist/server/apps/worker/src/main.js'],
].map(([name, main]) =>
  supervise({
    name,
    start: () => spawn(node, [...register, main], { stdio: 'inherit', env: envOf[name] }),
    log: (line) => console.error(line),
    giveUp: () => stop(1),
  }),
);
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\n▸ Stoppar…\n');
  const force = setTimeout(() => processes.forEach((p) => p.current().kill('SIGKILL')), 15_000);
  Promise.all(processes.map((p) => p.stop('SIGTERM'))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * Without SMTP_URL the demo has nowhere to send mail: catch it on 127.0.0.1:1025 (the default
 * SMTP_URL), keep each mail as tmp/mail/<n>.eml and print who got what, with any approval link,
 * so the email-linked approvals can be tried out. A real SMTP_URL turns this off.
 */
async function startDemoMailbox() {
  if (process.env.SMTP_URL) return;
  const require = createRequire(import.meta.url);
  let SMTPServer, simpleParser;
  try {
    ({ SMTPServer } = require('smtp-server'));
    ({ simpleParser } = require('mailparser'));
  } catch {
    return; // installed without dev dependencies: no demo mailbox
  }
  mkdirSync('tmp/mail', { recursive: true });
  let n = readdirSync('tmp/mail').length;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const file = `tmp/mail/${String(++n).padStart(4, '0')}.eml`;
        writeFileSync(file, raw);
        const mail = await simpleParser(raw).catch(() => null);
        const link = mail?.text?.match(/https?:\/\/\S+\/approve\/\S+/)?.[0];
        console.log(
          `✉  ${mail?.to?.text ?? '?'}: ${mail?.subject ?? ''} (${file})${link ? `\n   ${link}` : ''}`,
        );
        done();
      });
    },
  });
  await new Promise((resolve) => {
    server.once('error', () => {
      console.log('▸ Port 1025 is taken: mail goes to whatever listens there.');
      resolve();
    });
    server.listen(1025, '127.0.0.1', () => {
      console.log('▸ Demo-brevlåda på smtp://127.0.0.1:1025: mejl sparas i tmp/mail/ och listas här.');
      resolve();
    });
  });
  process.on('exit', () => server.close());
}
