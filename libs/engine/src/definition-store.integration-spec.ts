import type { DataSource } from 'typeorm';
import { describeDatabaseUrl } from '@rodtrad/config';
import { dropDatabase, openDatabase } from '@rodtrad/persistence';
import { DefinitionStore } from './definition-store';

/**
 * Every process syncs the shipped definitions when it starts; under `npm start` the API and the
 * worker start at once on a new database. Three pools stand for three processes.
 */
describe('syncing the shipped definitions from several processes at once (real MariaDB)', () => {
  let pools: DataSource[];

  beforeAll(async () => {
    // A database of its own (the tier's, with a suffix): the test empties the definitions table.
    const url = new URL(process.env['DATABASE_URL'] as string);
    const db = describeDatabaseUrl(url.toString());
    url.pathname = `/${db.database}_defsync`.slice(0, 65);
    const databaseUrl = url.toString();
    await dropDatabase(databaseUrl);
    await (await openDatabase({ databaseUrl, migrate: true, poolSize: 1 })).destroy();
    pools = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl, migrate: false, poolSize: 2 })),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(pools.map((ds) => ds.destroy()));
  });

  it('publishes each shipped definition once, as version 1', async () => {
    const keys = DefinitionStore.fromCwd(pools[0])
      .checkShipped()
      .map((s) => s.definition.key)
      .sort();
    for (let round = 0; round < 5; round++) {
      // As on a new database: no definition yet.
      await pools[0].query('DELETE FROM workflow_definition');
      const created = await Promise.all(pools.map((ds) => DefinitionStore.fromCwd(ds).syncShipped()));
      expect(
        created
          .flat()
          .map((c) => c.key)
          .sort(),
      ).toEqual(keys);
      const rows: { key: string; version: number; status: string }[] = await pools[0].query(
        'SELECT def_key AS `key`, version, status FROM workflow_definition ORDER BY def_key',
      );
      expect(rows).toEqual(keys.map((key) => ({ key, version: 1, status: 'published' })));
    }
  });
});
