import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

/**
 * The grants docs/operations.md promises, made by the script the compose MariaDB runs at its first
 * start (docker/mariadb/10-rodtrad-users.sh), tried on the real MariaDB against the migrated test
 * database: the application's user can read and write rows but cannot drop the audit tables'
 * append-only triggers, truncate or alter them; the migration user can.
 */
const root = join(__dirname, '../../..');
const databaseUrl = new URL(process.env['DATABASE_URL'] as string);
const database = databaseUrl.pathname.slice(1);
const suffix = randomBytes(4).toString('hex');
const app = { user: `rt_app_${suffix}`, password: `a'pp\\${suffix}` };
const migrate = { user: `rt_mig_${suffix}`, password: `m'ig\\${suffix}` };

const connectAs = (u: { user: string; password: string }): Promise<Connection> =>
  createConnection({
    host: databaseUrl.hostname,
    port: Number(databaseUrl.port || 3306),
    user: u.user,
    password: u.password,
    database,
    multipleStatements: false,
  });

async function asRoot(sql: string): Promise<void> {
  const c = await createConnection({ uri: databaseUrl.toString() });
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('database grants of the application and the migration user (real MariaDB)', () => {
  let asApp: Connection;
  let asMigrate: Connection;

  beforeAll(async () => {
    execFileSync('bash', [join(root, 'docker/mariadb/10-rodtrad-users.sh')], {
      env: {
        ...process.env,
        MARIADB_DATABASE: database,
        MARIADB_PASSWORD: app.password,
        MARIADB_MIGRATE_PASSWORD: migrate.password,
        RODTRAD_APP_USER: app.user,
        RODTRAD_MIGRATE_USER: migrate.user,
        MYSQL_HOST: databaseUrl.hostname,
        MYSQL_TCP_PORT: databaseUrl.port || '3306',
      },
      stdio: 'pipe',
    });
    asApp = await connectAs(app);
    asMigrate = await connectAs(migrate);
  });

  afterAll(async () => {
    await asApp?.end();
    await asMigrate?.end();
    await asRoot(`DROP USER IF EXISTS '${app.user}'@'%', '${migrate.user}'@'%'`);
  });

  it('lets the application read and write rows', async () => {
    const key = `grants__${suffix}`;
    await asApp.query('INSERT INTO effect_receipt (dedupe_key) VALUES (?)', [key]);
    await asApp.query('UPDATE effect_receipt SET result = ? WHERE dedupe_key = ?', ['"ok"', key]);
    const [rows] = await asApp.query('SELECT result FROM effect_receipt WHERE dedupe_key = ?', [key]);
    expect(rows).toEqual([{ result: 'ok' }]);
    await asApp.query('DELETE FROM effect_receipt WHERE dedupe_key = ?', [key]);
  });

  it.each([
    ['drop an append-only trigger', 'DROP TRIGGER trg_document_audit_no_update'],
    ['truncate the audit trail', 'TRUNCATE TABLE document_audit'],
    ['drop the admin log', 'DROP TABLE admin_audit'],
    ['alter the audit trail', 'ALTER TABLE document_audit ADD COLUMN forged INT'],
    ['create a table', 'CREATE TABLE grants_probe (id INT)'],
  ])('refuses the application to %s', async (_what, sql) => {
    await expect(asApp.query(sql)).rejects.toMatchObject({
      code: expect.stringMatching(
        /^ER_(TABLEACCESS_DENIED_ERROR|SPECIFIC_ACCESS_DENIED_ERROR|DBACCESS_DENIED_ERROR)$/,
      ),
    });
  });

  it('still holds the triggers after the attempts, and gives the migration user its DDL', async () => {
    const [triggers] = await asMigrate.query(
      "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'document_audit' ORDER BY name",
    );
    expect((triggers as { name: string }[]).map((t) => t.name)).toContain('trg_document_audit_no_update');
    await asMigrate.query(`CREATE TABLE grants_probe_${suffix} (id INT)`);
    await asMigrate.query(`DROP TABLE grants_probe_${suffix}`);
  });

  it('is what compose.yml runs: the script mounted for MariaDB, setup as the migration user', () => {
    const compose = readFileSync(join(root, 'docker/compose.yml'), 'utf8');
    expect(compose).toContain('- ./mariadb:/docker-entrypoint-initdb.d:ro');
    expect(compose).toMatch(
      /setup:[\s\S]*DATABASE_URL: \$\{MIGRATE_DATABASE_URL:-mysql:\/\/rodtrad_migrate:/,
    );
    expect(compose).not.toMatch(/MARIADB_USER:/);
  });
});
