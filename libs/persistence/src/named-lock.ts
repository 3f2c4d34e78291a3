import type { DataSource } from 'typeorm';

/** Waiting longer than this for another process's turn is an error, not a hang. */
const DEFAULT_TIMEOUT_SECONDS = 60;

export class NamedLockTimeoutError extends Error {
  constructor(
    readonly lock: string,
    readonly timeoutSeconds: number,
  ) {
    super(`Waited ${timeoutSeconds} s for the lock "${lock}", which another process still holds`);
  }
}

/**
 * Runs `work` while holding a MariaDB named lock (GET_LOCK), so that processes sharing a database
 * (the API and the worker starting at once, several API processes) do it one at a time. The lock
 * belongs to the database: its name is derived from the schema's name and `lock`, so other
 * databases on the same server do not wait for it. It is held on a connection of its own for the
 * duration of `work`, and released however `work` ends (or by the server, if the process dies).
 * `work` runs its queries as usual, on the pool: the pool needs a second connection.
 */
export async function withNamedLock<T>(
  ds: DataSource,
  lock: string,
  work: () => Promise<T>,
  timeoutSeconds = DEFAULT_TIMEOUT_SECONDS,
): Promise<T> {
  // With one connection, `work` would wait for ever for the connection that holds the lock.
  if ((ds.options as { poolSize?: number }).poolSize === 1)
    throw new Error(`The lock "${lock}" needs a pool of two connections or more: this one has one`);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    // Lock names are server-wide and at most 64 characters: a digest of schema and name fits.
    const [{ name }] = await runner.query(
      "SELECT CONCAT('rodtrad:', LEFT(SHA1(CONCAT(DATABASE(), ':', ?)), 40)) AS name",
      [lock],
    );
    const [{ got }] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, timeoutSeconds]);
    if (Number(got) !== 1) throw new NamedLockTimeoutError(lock, timeoutSeconds);
    try {
      return await work();
    } finally {
      await runner.query('DO RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}
