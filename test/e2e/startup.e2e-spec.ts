import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs a built entry point and collects what it prints until it exits. */
function runBuilt(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './tools/scripts/register-paths.cjs', entry], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, out, ms: Date.now() - started });
    });
  });
}

const API = 'dist/server/apps/api/src/main.js';
const WORKER = 'dist/server/apps/worker/src/main.js';

describe('start-up failures say what is wrong, where, and how to fix it', () => {
  it('names MariaDB, where it looked and how to start it, without a stack trace', async () => {
    const r = await runBuilt(API, { DATABASE_URL: 'mysql://root@127.0.0.1:1/rodtrad' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('MariaDB cannot be reached at 127.0.0.1:1');
    expect(r.out).toContain('start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd');
    expect(r.out).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('names Redis when Redis is the one missing', async () => {
    const r = await runBuilt(API, { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Redis cannot be reached at redis://127.0.0.1:1');
    expect(r.out).toContain('redis-server');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('names every wrong variable before touching any service', async () => {
    const r = await runBuilt(API, { PORT: 'abc', SMTP_URL: 'mail.example' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT must be a whole number');
    expect(r.out).toContain('SMTP_URL must be a URL');
  });

  it('the worker fails the same plain way', async () => {
    const r = await runBuilt(WORKER, { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Redis cannot be reached');
    expect(r.out).not.toMatch(/\n\s+at /);
  });
});
