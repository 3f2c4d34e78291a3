import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source.factory';
import { EscalationRepository } from './escalation.repository';

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
});
