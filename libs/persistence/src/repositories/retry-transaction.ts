import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * A transaction that InnoDB chose as a deadlock victim was rolled back whole: running it again
 * is safe, and the guarded updates inside still decide who wins. Up to three attempts.
 */
export async function transactionWithRetry<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
  attempts = 3,
  isolation?: IsolationLevel,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation ? ds.transaction(isolation, work) : ds.transaction(work));
    } catch (e) {
      const code =
        (e as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (e as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
