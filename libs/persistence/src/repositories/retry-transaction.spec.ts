import type { DataSource } from 'typeorm';
import { transactionWithRetry } from './retry-transaction';

/** A stand-in for DataSource.transaction that fails the first `failures` calls with `code`. */
function flakyDataSource(failures: number, code: string) {
  let calls = 0;
  const ds = {
    transaction: async (work: (m: unknown) => Promise<unknown>) => {
      calls++;
      if (calls <= failures) throw Object.assign(new Error(code), { driverError: { code } });
      return work({});
    },
  } as unknown as DataSource;
  return { ds, calls: () => calls };
}

describe('transactionWithRetry', () => {
  it('runs a deadlock victim again', async () => {
    const { ds, calls } = flakyDataSource(2, 'ER_LOCK_DEADLOCK');
    await expect(transactionWithRetry(ds, async () => 'klart')).resolves.toBe('klart');
    expect(calls()).toBe(3);
  });

  it('gives up after three attempts', async () => {
    const { ds, calls } = flakyDataSource(5, 'ER_LOCK_WAIT_TIMEOUT');
    await expect(transactionWithRetry(ds, async () => 'klart')).rejects.toThrow('ER_LOCK_WAIT_TIMEOUT');
    expect(calls()).toBe(3);
  });

  it('never repeats other failures', async () => {
    const { ds, calls } = flakyDataSource(1, 'ER_DUP_ENTRY');
    await expect(transactionWithRetry(ds, async () => 'klart')).rejects.toThrow('ER_DUP_ENTRY');
    expect(calls()).toBe(1);
  });
});
