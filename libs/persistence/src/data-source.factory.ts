import { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { createConnection, type Connection } from 'mysql2/promise';
import { DEVELOPMENT_AUDIT_KEYS, describeDatabaseUrl, parseAuditKeys } from '@rodtrad/config';
import type { AuditKeyring } from '@rodtrad/domain';
import { useAuditKeyring } from './audit-keyring';
import { ServiceUnavailableAtStartError, errorCause } from './connection-errors';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptionsLite {
  databaseUrl: string;
  poolSize?: number;
  logging?: boolean;
  /** The audit chains' keys (AppConfig.auditKeys); AUDIT_KEYS' development default when absent. */
  auditKeys?: AuditKeyring;
}

export function createDataSource(opts: DataSourceOptionsLite): DataSource {
  const db = describeDatabaseUrl(opts.databaseUrl);
  const ds = new DataSource({
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    charset: 'utf8mb4_swedish_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: opts.logging ?? false,
    poolSize: opts.poolSize ?? 20,
    // BatchedTransaction sends a transaction's statements in two round trips instead of one each.
    // Values are bound with `?` throughout, so this opens no new path for injected SQL.
    multipleStatements: true,
    extra: {
      connectTimeout: 5000,
      dateStrings: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      // mysql2 captures a stack trace on every query for its errors; TypeORM's QueryFailedError
      // already carries the caller's (async) stack, and the capture cost ~6 % of a transition.
      trace: false,
    },
  });
  useAuditKeyring(ds, opts.auditKeys ?? parseAuditKeys(DEVELOPMENT_AUDIT_KEYS));
  return ds;
}

/** Creates the database if it is missing. Fails with an operator-readable message when MariaDB is down. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, async (conn, database) => {
    try {
      await conn.query(
        `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci`,
      );
    } catch (e) {
      // The running app's user has no CREATE (docs/operations.md): the database must exist already,
      // and connecting to it says so when it does not.
      if ((e as { errno?: number }).errno !== 1044) throw e;
    }
  });
}

/** Drops the database if it is there: the test tiers and benchmarks start from a new one. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (conn, database) => conn.query(`DROP DATABASE IF EXISTS \`${database}\``));
}

/** Runs `statement` on a connection to the URL's server (not its database), with the name checked. */
async function onServer(
  databaseUrl: string,
  statement: (conn: Connection, database: string) => Promise<unknown>,
): Promise<void> {
  const db = describeDatabaseUrl(databaseUrl);
  const where = `${db.host}:${db.port} as ${db.user}`;
  let conn;
  try {
    conn = await createConnection({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
      connectTimeout: 5000,
    });
  } catch (e) {
    throw new ServiceUnavailableAtStartError('MariaDB', where, errorCause(e));
  }
  try {
    if (!/^[A-Za-z0-9_]+$/.test(db.database))
      throw new Error(`Database name "${db.database}" may hold only letters, digits and _`);
    await statement(conn, db.database);
  } finally {
    await conn.end();
  }
}

/**
 * The migrations this version ships that the database has not run, by name, in order (none: up to
 * date). Reads only, so the application's user (no DDL) may ask: a database where nothing has run
 * yet (no migrations table) has every migration pending.
 */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  let done: Set<string>;
  try {
    const rows: { name: string }[] = await ds.query(`SELECT name FROM \`${table}\``);
    done = new Set(rows.map((r) => r.name));
  } catch (e) {
    const err = e as { errno?: number; driverError?: { errno?: number } };
    if ((err.errno ?? err.driverError?.errno) !== 1146) throw e; // ER_NO_SUCH_TABLE
    done = new Set();
  }
  // Named as TypeORM names them in the table: the class's `name`, else its constructor's.
  return ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !done.has(name));
}

/** ensureDatabase, connect, run pending migrations. */
export async function openDatabase(opts: DataSourceOptionsLite & { migrate?: boolean }): Promise<DataSource> {
  await ensureDatabase(opts.databaseUrl);
  const ds = createDataSource(opts);
  try {
    await ds.initialize();
  } catch (e) {
    const db = describeDatabaseUrl(opts.databaseUrl);
    throw new ServiceUnavailableAtStartError(
      'MariaDB',
      `${db.host}:${db.port}/${db.database}`,
      errorCause(e),
    );
  }
  await useUtcSessions(ds);
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

const UTC_SESSION = "SET time_zone = '+00:00'";

/**
 * Every connection reads the clock in UTC. Instants are written from JavaScript in UTC
 * (`timezone: 'Z'`), while SQL also stamps rows itself (CURRENT_TIMESTAMP(3): created, fired, sent,
 * acknowledged) and compares with NOW(3) (mails to retry, digests to send). On a server whose own
 * time zone is Sweden's, as an on-premises server's often is, those stamps would read an hour or
 * two off and the sweeps would act early. Set per session, so no server setting is needed.
 */
async function useUtcSessions(ds: DataSource): Promise<void> {
  const pool = (ds.driver as MysqlDriver).pool as {
    on(
      event: 'connection',
      listener: (connection: { query(sql: string, cb: () => void): void }) => void,
    ): void;
  };
  // mysql2 runs a connection's statements in order, so this comes before anything it is used for.
  pool.on('connection', (connection) => connection.query(UTC_SESSION, () => undefined));
  // The one connection TypeORM opened while connecting, before the listener was there.
  await ds.query(UTC_SESSION);
}
