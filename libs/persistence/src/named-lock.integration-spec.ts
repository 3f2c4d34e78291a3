import type { DataSource } from 'typeorm';
import { openDatabase } from './data-source.factory';
import { NamedLockTimeoutError, withNamedLock } from './named-lock';

/** Two pools stand for two processes on one database. */
describe('withNamedLock (real MariaDB)', () => {
  let a: DataSource;
  let b: DataSource;
  const lock = `probe-${process.pid}-${Date.now()}`;
  const open = () =>
    openDatabase({ databaseUrl: process.env['DATABASE_URL'] as string, migrate: false, poolSize: 2 });

  beforeAll(async () => {
    [a, b] = await Promise.all([open(), open()]);
  });
  afterAll(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('lets one holder work at a time, in whichever process', async () => {
    const log: string[] = [];
    const work = (who: string) => async () => {
      log.push(`${who} in`);
      await new Promise((r) => setTimeout(r, 50));
      log.push(`${who} out`);
      return who;
    };
    const results = await Promise.all([
      withNamedLock(a, lock, work('a1')),
      withNamedLock(b, lock, work('b1')),
      withNamedLock(a, lock, work('a2')),
      withNamedLock(b, lock, work('b2')),
    ]);
    expect(results).toEqual(['a1', 'b1', 'a2', 'b2']);
    // Never two inside at once: every "in" is followed by its own "out".
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i].replace(' in', ' out'));
    expect(log).toHaveLength(8);
  });

  it('is released when the work throws', async () => {
    await expect(
      withNamedLock(a, lock, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(withNamedLock(b, lock, async () => 'next', 1)).resolves.toBe('next');
  });

  it('gives up with a clear error after the timeout while another holds it', async () => {
    let release!: () => void;
    const held = withNamedLock(a, lock, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    const waited = withNamedLock(b, lock, async () => 'never', 1);
    await expect(waited).rejects.toBeInstanceOf(NamedLockTimeoutError);
    await expect(waited).rejects.toThrow(`Waited 1 s for the lock "${lock}"`);
    release();
    await held;
  });

  it('is the database’s own: the same name in another database does not wait', async () => {
    const other = await openDatabase({
      databaseUrl: `${(process.env['DATABASE_URL'] as string).replace(/\/[^/]*$/, '')}/mysql`,
      migrate: false,
      poolSize: 2,
    });
    try {
      let release!: () => void;
      const held = withNamedLock(a, lock, () => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 100));
      await expect(withNamedLock(other, lock, async () => 'free', 1)).resolves.toBe('free');
      release();
      await held;
    } finally {
      await other.destroy();
    }
  });

  it('refuses a pool of one connection instead of waiting for ever', async () => {
    const single = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 1,
    });
    try {
      await expect(withNamedLock(single, lock, async () => 'never')).rejects.toThrow(
        'needs a pool of two connections or more',
      );
    } finally {
      await single.destroy();
    }
  });
});
