import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source.factory';
import { batchedTransaction } from './batched-transaction';
import { onlyDuplicatesIgnored } from './insert-ignore';
import { EffectLedgerRepository } from './effect-ledger.repository';
import { EscalationRepository } from './escalation.repository';
import { ReminderDigestRepository } from './reminder-digest.repository';

/** On the real MariaDB: INSERT IGNORE's other warnings never pass as a stored row. */
describe('idempotent inserts ignore only the duplicate (real MariaDB)', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 2,
    });
  });
  afterAll(() => ds.destroy());

  it('refuses an escalation whose amount MariaDB would clamp, and stores nothing', async () => {
    const [{ id: orgUnitId }] = await ds.query("SELECT id FROM org_unit WHERE code = 'DSN'");
    const sourceKey = `adhoc__${randomUUID()}`;
    const repo = new EscalationRepository(ds);
    await expect(
      ds.transaction((m) =>
        repo.open(
          {
            kind: 'adhoc',
            orgUnitId,
            year: 2027,
            sourceDocumentId: null,
            sourceKey,
            amount: 9.2e19,
            threshold: null,
            measures: null,
            description: 'Skrivfel i beloppet',
            toBody: 'ks',
            reportedByUserId: null,
          },
          m,
        ),
      ),
    ).rejects.toThrow(/stored altered/);
    expect(await ds.query('SELECT id FROM escalation WHERE source_key = ?', [sourceKey])).toEqual([]);
  });

  it('refuses an effect receipt whose key MariaDB would cut, and runs no work', async () => {
    const key = `effect__${'x'.repeat(200)}`;
    let ran = false;
    await expect(
      new EffectLedgerRepository(ds).once(key, async () => {
        ran = true;
      }),
    ).rejects.toThrow(/effect_receipt would have been stored altered/);
    expect(ran).toBe(false);
    expect(
      await ds.query('SELECT COUNT(*) AS n FROM effect_receipt WHERE dedupe_key LIKE ?', [
        'effect\\_\\_xxx%',
      ]),
    ).toEqual([{ n: '0' }]);
  });

  it('still treats a repeated effect receipt as done, not as an error', async () => {
    const ledger = new EffectLedgerRepository(ds);
    const key = `effect__${randomUUID()}`;
    await expect(ledger.once(key, async () => 'first')).resolves.toEqual({ done: true, result: 'first' });
    await expect(ledger.once(key, async () => 'second')).resolves.toEqual({ done: false });
  });

  it('refuses a statement sent in a batch whose row MariaDB would alter, and rolls the batch back', async () => {
    const key = `batched__${randomUUID()}`;
    await expect(
      batchedTransaction(ds, async (tx) => {
        await tx.query('INSERT INTO effect_receipt (dedupe_key) VALUES (?)', [key]);
        tx.later({
          sql: 'INSERT IGNORE INTO effect_receipt (dedupe_key) VALUES (?)',
          params: [`${key}${'y'.repeat(200)}`],
          check: onlyDuplicatesIgnored('effect_receipt'),
        });
      }),
    ).rejects.toThrow(/effect_receipt would have been stored altered/);
    expect(
      await ds.query('SELECT dedupe_key FROM effect_receipt WHERE dedupe_key LIKE ?', [`${key}%`]),
    ).toEqual([]);
  });

  it('lets a many-row insert through when its only warnings are the duplicates it ignored', async () => {
    const userId = randomUUID();
    const digests = new ReminderDigestRepository(ds);
    const first = [randomUUID(), randomUUID()];
    await ds.transaction((m) => digests.addItems(userId, '2027-03-01', first, m));
    // One repeated deadline among three: one duplicate, one warning, two new rows.
    const { digestId } = await ds.transaction((m) =>
      digests.addItems(userId, '2027-03-01', [first[1], randomUUID(), randomUUID()], m),
    );
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM reminder_digest_item WHERE digest_id = ?', [
      digestId,
    ]);
    expect(Number(n)).toBe(4);
  });

  it('refuses a many-row insert with a warning beyond its duplicates, and stores none of its rows', async () => {
    const userId = randomUUID();
    const digests = new ReminderDigestRepository(ds);
    await expect(
      ds.transaction((m) =>
        digests.addItems(userId, '2027-03-02', [randomUUID(), `${randomUUID()}-far-too-long`], m),
      ),
    ).rejects.toThrow(/reminder_digest_item would have been stored altered/);
    expect(await ds.query('SELECT id FROM reminder_digest WHERE user_id = ?', [userId])).toEqual([]);
  });
});
