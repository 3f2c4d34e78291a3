import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  openDatabase,
  pendingMigrations,
} from './data-source.factory';
import { MIGRATIONS } from './migrations';

const run = promisify(execFile);
const root = join(__dirname, '../../..');

/**
 * What an API or worker pod's init container asks before the pod starts (`cli.js wait-migrated`,
 * deploy/kubernetes): has the database run every migration this version ships? Asked of the real
 * MariaDB, on a database of its own that starts empty.
 */
describe('pendingMigrations (real MariaDB)', () => {
  const url = `${process.env['DATABASE_URL']}_pending`;
  let ds: DataSource;
  const names = (ds: DataSource) => ds.migrations.map((m) => m.name ?? m.constructor.name);

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    ds = createDataSource({ databaseUrl: url, poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await dropDatabase(url);
  });

  it('lists every migration, in order, while nothing has run (no migrations table yet)', async () => {
    expect(await pendingMigrations(ds)).toEqual(names(ds));
    expect(names(ds)).toHaveLength(MIGRATIONS.length);
  });

  it('lists none once the migrations have run, and the one whose row is missing', async () => {
    const migrated = await openDatabase({ databaseUrl: url, poolSize: 2, migrate: true });
    await migrated.destroy();
    expect(await pendingMigrations(ds)).toEqual([]);
    const last = names(ds).at(-1) as string;
    await ds.query('DELETE FROM schema_migrations WHERE name = ?', [last]);
    expect(await pendingMigrations(ds)).toEqual([last]);
  });

  it('ignores migrations the database has run that this version does not know (a rollback)', async () => {
    await ds.query('INSERT INTO schema_migrations (timestamp, name) VALUES (?, ?)', [
      9999999999999,
      'FromANewerVersion9999999999999',
    ]);
    const last = names(ds).at(-1) as string;
    expect(await pendingMigrations(ds)).toEqual([last]);
  });

  it('keeps `cli.js wait-migrated` waiting while a migration is pending, and lets it go once it has run', async () => {
    const last = names(ds).at(-1) as string;
    const child = spawn(
      process.execPath,
      ['-r', './tools/scripts/register-ts.cjs', 'apps/api/src/cli.ts', 'wait-migrated'],
      { cwd: root, env: { ...process.env, DATABASE_URL: url } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const waiting = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(`Waiting for 1 migration(s), the first ${last}.`)) resolve();
      }),
    );
    await Promise.race([
      waiting,
      exited.then((code) => {
        throw new Error(`wait-migrated exited (${code}) instead of waiting: ${stdout}${stderr}`);
      }),
    ]);
    // The migration Job finishes: the row TypeORM writes for it.
    await ds.query('INSERT INTO schema_migrations (timestamp, name) VALUES (?, ?)', [
      Number(last.slice(-13)),
      last,
    ]);
    expect(await exited).toBe(0);
    expect(stdout).toContain('Database up to date');
  }, 60_000);

  it('is what `cli.js wait-migrated` waits for: on an up-to-date database it says so and exits 0', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', './tools/scripts/register-ts.cjs', 'apps/api/src/cli.ts', 'wait-migrated'],
      { cwd: root, env: { ...process.env, DATABASE_URL: process.env['DATABASE_URL'] } },
    );
    expect(stdout).toContain(
      `Database up to date: all ${MIGRATIONS.length} migrations of this version have run.`,
    );
  });
});
