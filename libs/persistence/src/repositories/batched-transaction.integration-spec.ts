import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source.factory';
import { batchedTransaction } from './batched-transaction';

/** A transaction in two round trips must still be one transaction: all of it, or none of it. */
describe('batchedTransaction (real MariaDB)', () => {
  let ds: DataSource;
  let roundTrips = 0;

  const value = async (id: number) =>
    Number((await ds.query('SELECT v FROM batched_transaction_probe WHERE id = ?', [id]))[0]?.v ?? NaN);
  const rows = async () =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM batched_transaction_probe'))[0].n);

  beforeAll(async () => {
    // One connection: what a failed transaction leaves behind, the next one would meet.
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 1,
    });
    await ds.query('DROP TABLE IF EXISTS batched_transaction_probe');
    await ds.query(
      'CREATE TABLE batched_transaction_probe (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB',
    );
    // Every statement a transaction sends goes through its runner's driver connection: count those.
    const create = ds.createQueryRunner.bind(ds);
    ds.createQueryRunner = (...args) => {
      const runner = create(...args);
      const connect = runner.connect.bind(runner);
      runner.connect = async () => {
        const connection = (await connect()) as Record<string | symbol, unknown>;
        return new Proxy(connection, {
          get(target, key) {
            const v = target[key];
            if (key === 'query')
              return (...q: unknown[]) => {
                roundTrips++;
                return (v as (...a: unknown[]) => unknown).apply(target, q);
              };
            return typeof v === 'function' ? v.bind(target) : v;
          },
        });
      };
      return runner;
    };
  });

  beforeEach(async () => {
    await ds.query('DELETE FROM batched_transaction_probe');
    await ds.query('INSERT INTO batched_transaction_probe (id, v) VALUES (1, 10)');
    roundTrips = 0;
  });

  afterAll(async () => {
    await ds.query('DROP TABLE IF EXISTS batched_transaction_probe');
    await ds.destroy();
  });

  it('sends the guarded update with START TRANSACTION and the queued inserts with COMMIT', async () => {
    const moved = await batchedTransaction(ds, async (tx) => {
      const res = await tx.query(
        'UPDATE batched_transaction_probe SET v = v + 1 WHERE id = ? AND v = ?',
        [1, 10],
      );
      tx.later({ sql: 'INSERT INTO batched_transaction_probe (id, v) VALUES (?, ?)', params: [2, 20] });
      tx.later({
        sql: 'INSERT INTO batched_transaction_probe (id, v) VALUES (?, ?), (?, ?)',
        params: [3, 30, 4, 40],
      });
      return Number(res.affectedRows);
    });
    expect(moved).toBe(1);
    expect(roundTrips).toBe(2);
    expect(await value(1)).toBe(11);
    expect(await rows()).toBe(4);
  });

  it('rolls the guarded update back when a queued insert fails, and leaves no transaction open', async () => {
    await expect(
      batchedTransaction(ds, async (tx) => {
        await tx.query('UPDATE batched_transaction_probe SET v = 99 WHERE id = ?', [1]);
        tx.later({ sql: 'INSERT INTO batched_transaction_probe (id, v) VALUES (?, ?)', params: [5, 50] });
        tx.later({ sql: 'INSERT INTO batched_transaction_probe (id, v) VALUES (?, ?)', params: [1, 0] }); // duplicate key
      }),
    ).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(await value(1)).toBe(10);
    expect(await rows()).toBe(1);
    expect(Number((await ds.query('SELECT @@in_transaction AS t'))[0].t)).toBe(0);
  });

  it('rolls back all that ran when the work itself refuses (a missed guard)', async () => {
    await expect(
      batchedTransaction(ds, async (tx) => {
        await tx.query('UPDATE batched_transaction_probe SET v = 77 WHERE id = ?', [1]);
        tx.later({ sql: 'INSERT INTO batched_transaction_probe (id, v) VALUES (?, ?)', params: [6, 60] });
        const res = await tx.query(
          'UPDATE batched_transaction_probe SET v = 0 WHERE id = ? AND v = ?',
          [1, 10],
        );
        if (Number(res.affectedRows) !== 1) throw new Error('stale');
      }),
    ).rejects.toThrow('stale');
    expect(await value(1)).toBe(10);
    expect(await rows()).toBe(1);
    expect(Number((await ds.query('SELECT @@in_transaction AS t'))[0].t)).toBe(0);
  });
});
