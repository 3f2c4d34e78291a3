import type { DataSource } from 'typeorm';
import { openDatabase } from './data-source.factory';

describe('connections to MariaDB (real MariaDB)', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDatabase({
      databaseUrl: process.env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 4,
    });
  });
  afterAll(() => ds.destroy());

  it('read the clock in UTC on every connection, whatever the server’s own time zone', async () => {
    // Four statements at once, each holding its connection for a moment: four connections.
    const rows: { id: number; tz: string; skew: number }[][] = await Promise.all(
      [1, 2, 3, 4].map(() =>
        ds.query(
          'SELECT CONNECTION_ID() AS id, @@session.time_zone AS tz, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) AS skew, SLEEP(0.2) AS s',
        ),
      ),
    );
    expect(new Set(rows.map(([r]) => r.id)).size).toBe(4);
    for (const [r] of rows) {
      expect(r.tz).toBe('+00:00');
      expect(Number(r.skew)).toBe(0);
    }
  });
});
