import type { DataSource } from 'typeorm';
import { openDatabase } from '@rodtrad/persistence';
import { isolatedStack } from '@rodtrad/testing';
import { seedDemo } from './demo-seeder';

/**
 * The demo seeder on a database seeded before the kommunalförbund (#16): the förbund is added,
 * Gymnasium och vuxenutbildning moves under it with its ids, and the companies get their holding;
 * what an administrator changed stays, and a second seed changes nothing.
 */
describe('the demo seeder on an existing database', () => {
  let ds: DataSource;
  const unitId = async (key: string): Promise<string> =>
    (await ds.query('SELECT id FROM org_unit WHERE seed_key = ?', [key]))[0]?.id;
  const parentKey = async (key: string): Promise<string> =>
    (
      await ds.query(
        'SELECT p.seed_key AS k FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.seed_key = ?',
        [key],
      )
    )[0]?.k;
  const holding = async (key: string) =>
    (
      await ds.query(
        'SELECT ownership_share AS share, member_municipalities AS members FROM org_unit WHERE seed_key = ?',
        [key],
      )
    )[0];

  beforeAll(async () => {
    const env = await isolatedStack('demoseed');
    ds = await openDatabase({ databaseUrl: env['DATABASE_URL'] as string, migrate: false, poolSize: 2 });
  }, 120_000);
  afterAll(() => ds?.destroy());

  it('brings a database seeded before the förbund up to date, keeping the moved units’ ids', async () => {
    // As the seed left it before #16: no förbund, the område under Bildningsförvaltningen, no holdings.
    const gymnasium = await unitId('gymnasium');
    const sydnarke = await unitId('sydnarke');
    await ds.query('UPDATE org_unit SET parent_id = ? WHERE id = ?', [await unitId('bin-f'), gymnasium]);
    await ds.query('DELETE FROM role_assignment WHERE org_unit_id = ?', [sydnarke]);
    await ds.query('DELETE FROM org_unit WHERE id = ?', [sydnarke]);
    await ds.query('UPDATE org_unit SET ownership_share = NULL, member_municipalities = NULL');

    const result = await seedDemo(ds, 'demo');
    expect(result.unitsCreated).toBe(1);
    expect(await parentKey('gymnasium')).toBe('sydnarke');
    expect(await unitId('gymnasium')).toBe(gymnasium);
    expect(await parentKey('alleskolan')).toBe('gymnasium');
    expect(Number((await holding('hbab')).share)).toBe(100);
    const members = (await holding('sydnarke')).members;
    expect(typeof members === 'string' ? JSON.parse(members) : members).toEqual([
      'Askersund',
      'Hallsberg',
      'Kumla',
      'Laxå',
    ]);
  });

  it('leaves an administrator’s move and holding alone, and changes nothing the second time', async () => {
    await ds.query('UPDATE org_unit SET parent_id = ? WHERE id = ?', [
      await unitId('ksf'),
      await unitId('gymnasium'),
    ]);
    await ds.query("UPDATE org_unit SET ownership_share = 40 WHERE seed_key = 'hbab'");
    const again = await seedDemo(ds, 'demo');
    expect(again).toEqual({ unitsCreated: 0, usersCreated: 0, rolesCreated: 0, periodsCreated: 0 });
    expect(await parentKey('gymnasium')).toBe('ksf');
    expect(Number((await holding('hbab')).share)).toBe(40);
  });
});
