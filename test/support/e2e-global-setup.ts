import './test-env';
import './register-aliases';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';
import globalSetup from './global-setup';

const root = join(__dirname, '..', '..');

/**
 * The end-to-end tier runs the BUILT api and worker (dist/, as `npm start` does) on a
 * port of their own, against the e2e database, which globalSetup has just re-created.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  await globalSetup();
  // Free ports of this run's own, so that `npm start` (3000, its demo mailbox on 1025) or a second
  // run on the machine never meet it. The test files inherit them.
  process.env['E2E_PORT'] ??= String(await freePort());
  process.env['SMTP_URL'] ??= `smtp://127.0.0.1:${await freePort()}`;
  const port = process.env['E2E_PORT'];
  process.env['E2E_BASE_URL'] ??= `http://127.0.0.1:${port}`;
  // Another run's API on the port would answer the health check below, and the tests would run
  // against its database: refuse to start instead.
  const taken = await fetch(`${process.env['E2E_BASE_URL']}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `Something already answers on ${process.env['E2E_BASE_URL']} (another end-to-end run?): stop it, or set E2E_PORT to a free port`,
    );
  const env = { ...process.env, PORT: port, PUBLIC_URL: process.env['E2E_BASE_URL'] };
  const children: ChildProcess[] = [];
  for (const entry of ['dist/server/apps/api/src/main.js', 'dist/server/apps/worker/src/main.js']) {
    const child = spawn(process.execPath, ['-r', './tools/scripts/register-paths.cjs', entry], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  }
  (globalThis as { __E2E_CHILDREN__?: ChildProcess[] }).__E2E_CHILDREN__ = children;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${process.env['E2E_BASE_URL']}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('The built API did not become healthy within 30 s');
    if (children.some((c) => c.exitCode !== null))
      throw new Error('The built API or worker exited during start-up');
    await new Promise((r) => setTimeout(r, 250));
  }
}
