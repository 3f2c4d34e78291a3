import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// #18: search by title and diarienummer, within what the user may read. A year far ahead (2093)
// keeps the documents out of every deadline.
const YEAR = 2093;

describe('searching documents by title and diarienummer', () => {
  let api: TestApi;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A database of its own: the search counts what it finds.
    api = await startTestApi(await isolatedStack('docsearch'));
    admin = await api.login('admin');
    const units: { id: string; code: string }[] = await api.dataSource.query(
      "SELECT id, code FROM org_unit WHERE code IN ('TRAN', 'REDO')",
    );
    for (const { id, code } of units) {
      const created = await api.request('POST', '/api/documents', {
        token: admin,
        body: { type: 'enhetsplan', orgUnitId: id, year: YEAR },
      });
      expect(created.status).toBe(201);
      ids[code] = created.body.id;
    }
    // The diarienummer is given at registration; here it is set directly, the search being the subject.
    await api.dataSource.query('UPDATE document SET diarienummer = ? WHERE id = ?', [
      'BIN 2093/14',
      ids['TRAN'],
    ]);
    await api.dataSource.query('UPDATE document SET diarienummer = ? WHERE id = ?', [
      'KS 2093/7',
      ids['REDO'],
    ]);
  }, 60_000);
  afterAll(() => api.close());

  const search = async (q: string, token = admin) => {
    const res = await api.request('GET', `/api/documents?q=${encodeURIComponent(q)}&year=${YEAR}`, { token });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string; title: string }[]).map((d) => d.id).sort();
  };

  it('finds by part of the title, whatever the case', async () => {
    expect(await search('transtensk')).toEqual([ids['TRAN']]);
    expect(await search('ENHETSPLAN')).toEqual([ids['TRAN'], ids['REDO']].sort());
  });

  it('finds by diarienummer, whole or in part', async () => {
    expect(await search('BIN 2093/14')).toEqual([ids['TRAN']]);
    expect(await search('2093/7')).toEqual([ids['REDO']]);
  });

  it('takes % and _ literally', async () => {
    expect(await search('%%')).toEqual([]);
    expect(await search('_ 2093')).toEqual([]);
  });

  it('finds only what the user may read', async () => {
    const rektor = await api.login('transten.rektor');
    expect(await search('enhetsplan', rektor)).toEqual([ids['TRAN']]);
    expect(await search('KS 2093/7', rektor)).toEqual([]);
  });

  it('refuses a search of one character, field by field', async () => {
    const res = await api.request('GET', '/api/documents?q=a', { token: admin });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/query/q');
  });
});
