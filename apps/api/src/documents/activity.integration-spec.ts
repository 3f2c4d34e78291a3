import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// #18: "Händelser i dina dokument" on the start page: what happened lately to the documents a
// person has worked on. A year far ahead (2094) keeps the document out of every deadline.
const YEAR = 2094;

describe('what happened to my documents', () => {
  let api: TestApi;
  let documentId: string;

  beforeAll(async () => {
    // A database of its own: the feed is asserted whole.
    api = await startTestApi(await isolatedStack('activity'));
    const admin = await api.login('admin');
    const [{ id: unitId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    const created = await api.request('POST', '/api/documents', {
      token: admin,
      body: { type: 'enhetsplan', orgUnitId: unitId, year: YEAR },
    });
    expect(created.status).toBe(201);
    documentId = created.body.id;
    const rektor = await api.login('transten.rektor');
    const saved = await api.request('PUT', `/api/documents/${documentId}/data`, {
      token: rektor,
      body: { data: created.body.data, expectedVersion: created.body.version },
    });
    expect(saved.status).toBe(200);
  }, 60_000);
  afterAll(() => api.close());

  it('lists, newest first, every entry of the documents I have worked on, mine and others’', async () => {
    const res = await api.request('GET', '/api/activity', { token: await api.login('transten.rektor') });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        documentId,
        type: 'enhetsplan',
        event: 'SAVE',
        byMe: true,
        actor: expect.objectContaining({ name: 'Erik Andersson' }),
        toStateTitle: 'Utkast',
      }),
      expect.objectContaining({
        documentId,
        event: 'CREATE',
        byMe: false,
        eventLabel: null,
        fromStateTitle: null,
        toStateTitle: 'Utkast',
      }),
    ]);
    expect(res.body.items[0].title).toContain('Transtenskolan');
  });

  it('shows nothing to someone who has not worked on a document', async () => {
    const res = await api.request('GET', '/api/activity', { token: await api.login('grundskola.chef') });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('takes a limit, and refuses one out of range field by field', async () => {
    const token = await api.login('transten.rektor');
    expect((await api.request('GET', '/api/activity?limit=1', { token })).body.items).toHaveLength(1);
    const bad = await api.request('GET', '/api/activity?limit=500', { token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/query/limit');
  });
});
