import type { DataSource, QueryRunner } from 'typeorm';

/** One SQL statement with its `?` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
  /**
   * Looks at the statement's result and throws to refuse it (the transaction then rolls back):
   * how an INSERT IGNORE sent in a batch still refuses a row stored altered (insert-ignore.ts).
   */
  check?: (result: unknown) => void;
}

/** Anything a repository can run a statement on: an EntityManager, or a BatchedTransaction. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's raw result, as EntityManager.query
  query(sql: string, params?: unknown[]): Promise<any>;
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** The mysql2 connection under a TypeORM query runner (its callback API). */
interface DriverConnection {
  query(sql: string, params: unknown[], done: (err: Error | null, result: unknown) => void): void;
}

/**
 * A statement straight on the runner's mysql2 connection. TypeORM's own `query` adds to every
 * statement of the hot path: a promise wrapper whose `require` resolves a module path on each call
 * (3 % of the API's CPU in one profile), broadcasts to subscribers and a copy of the rows. A failure keeps the driver's `code` (and, like TypeORM's, `driverError` and the
 * caller's stack).
 */
async function onDriver(runner: QueryRunner, sql: string, params: unknown[]): Promise<unknown> {
  const connection = (await runner.connect()) as DriverConnection;
  try {
    return await new Promise((resolve, reject) =>
      connection.query(sql, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  } catch (e) {
    const driverError = e as Error & { code?: string };
    // Made here, after the await, so its stack names the caller rather than the packet parser.
    throw Object.assign(new Error(`${driverError.message} (in: ${sql.slice(0, 200)})`), {
      code: driverError.code,
      errno: (driverError as { errno?: number }).errno,
      driverError,
    });
  }
}

/**
 * A transaction that costs as few round trips to MariaDB as its reads allow: `START TRANSACTION`
 * travels with the first statement whose result is read, and the writes nobody reads a result of
 * (audit entries, outbox rows) travel with `COMMIT`. A guarded update plus its inserts is two round
 * trips instead of five. Each round trip is one multi-statement query on the same connection;
 * MariaDB stops a batch at the first failing statement, and the transaction is then rolled back.
 */
export class BatchedTransaction implements Queryable {
  private pending: Statement[] = [{ sql: 'START TRANSACTION', params: [] }];
  /** Whether anything reached the server, so a failure must roll back. */
  started = false;

  constructor(private readonly runner: QueryRunner) {}

  /** Runs the statement now, after whatever is pending; resolves to this statement's own result. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's raw result, as EntityManager.query
  async query(sql: string, params: unknown[] = []): Promise<any> {
    const results = await this.send([...this.pending, { sql, params }]);
    this.pending = [];
    return results[results.length - 1];
  }

  /** Queues a write whose result nobody reads: it is sent with the next query, or with COMMIT. */
  later(statement: Statement | null): void {
    if (statement) this.pending.push(statement);
  }

  async commit(): Promise<void> {
    // A statement with a check is looked at before COMMIT, at the cost of one round trip.
    if (this.pending.some((s) => s.check)) {
      await this.send(this.pending);
      this.pending = [];
    }
    await this.send([...this.pending, { sql: 'COMMIT', params: [] }]);
    this.pending = [];
  }

  private async send(batch: Statement[]): Promise<unknown[]> {
    this.started = true;
    const results =
      batch.length === 1
        ? [await onDriver(this.runner, batch[0].sql, batch[0].params)]
        : ((await onDriver(
            this.runner,
            batch.map((s) => s.sql).join(';\n'),
            batch.flatMap((s) => s.params),
          )) as unknown[]);
    batch.forEach((s, i) => s.check?.(results[i]));
    return results;
  }
}

/**
 * Runs `work` in a BatchedTransaction and commits. A deadlock victim was rolled back whole, so it
 * runs again (up to three attempts); the guarded updates inside still decide who wins.
 */
export async function batchedTransaction<T>(
  ds: DataSource,
  work: (tx: BatchedTransaction) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const runner = ds.createQueryRunner();
    const tx = new BatchedTransaction(runner);
    let failure: unknown;
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (e) {
      failure = e;
      // The batch stopped at its failing statement; whatever ran before it is undone here.
      if (tx.started) await onDriver(runner, 'ROLLBACK', []).catch(() => undefined);
    } finally {
      await runner.release();
    }
    const code =
      (failure as { code?: string; driverError?: { code?: string } }).driverError?.code ??
      (failure as { code?: string }).code;
    if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw failure;
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
  }
}
