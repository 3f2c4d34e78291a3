import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// #18, no dead ends: "Anta enhetsplanen" waits for the område's verksamhetsplan and links to it; the
// enhetschef following that link got 403, their roles reaching only their own school. A document of
// a unit above one's own is readable (the red thread up), not editable; a sibling's stays closed.
// A year far ahead (2096) keeps the documents out of every deadline.
const YEAR = 2096;

describe('reading the documents up the red thread', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('upstream_read'));
    const admin = await api.login('admin');
    const unit = async (code: string): Promise<string> =>
      (await api.dataSource.query('SELECT id FROM org_unit WHERE code = ?', [code]))[0].id;
    for (const [key, type, code] of [
      ['plan', 'verksamhetsplan', 'GSK'],
      ['mob', 'mal-och-budget', 'BIN'],
      ['sibling', 'enhetsplan', 'EKA'],
    ] as const) {
      const created = await api.request('POST', '/api/documents', {
        token: admin,
        body: { type, orgUnitId: await unit(code), year: YEAR },
      });
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
    }
  }, 60_000);
  afterAll(() => api.close());

  it('lets an enhetschef read the område’s and the nämnd’s documents above the school, and their history', async () => {
    const rektor = await api.login('transten.rektor');
    for (const key of ['plan', 'mob']) {
      const doc = await api.request('GET', `/api/documents/${ids[key]}`, { token: rektor });
      expect(doc.status).toBe(200);
      expect(doc.body.editable).toBe(false);
      expect(doc.body.allowedEvents).toEqual([]);
      expect((await api.request('GET', `/api/documents/${ids[key]}/history`, { token: rektor })).status).toBe(
        200,
      );
    }
  });

  it('does not let the enhetschef change them, nor read a sibling school’s', async () => {
    const rektor = await api.login('transten.rektor');
    const plan = await api.request('GET', `/api/documents/${ids['plan']}`, { token: rektor });
    const saved = await api.request('PUT', `/api/documents/${ids['plan']}/data`, {
      token: rektor,
      body: { data: plan.body.data, expectedVersion: plan.body.version },
    });
    expect(saved.status).toBe(403);
    expect((await api.request('GET', `/api/documents/${ids['sibling']}`, { token: rektor })).status).toBe(
      403,
    );
  });
});
