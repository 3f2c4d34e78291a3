import { startTestApi, type TestApi } from '@rodtrad/testing';

describe('administration of organisation units and users', () => {
  let api: TestApi;
  let admin: string;
  let grundskolaId: string;
  let forskolaId: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('admin');
    [{ id: grundskolaId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'GSK'");
    [{ id: forskolaId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'FSK'");
  });
  afterAll(() => api.close());

  it('creates an enhet under an område and audits it', async () => {
    const res = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: grundskolaId, kind: 'enhet', name: 'Sköllersta skola', code: 'SKOL' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      parentId: grundskolaId,
      kind: 'enhet',
      name: 'Sköllersta skola',
      code: 'SKOL',
    });
    const audit = await api.dataSource.query(
      'SELECT action, actor_user_id AS actor FROM admin_audit WHERE entity_id = ?',
      [res.body.id],
    );
    expect(audit).toEqual([{ action: 'org-unit.created', actor: expect.any(String) }]);
  });

  it('refuses a unit kind that cannot sit under its parent, and a taken code, field by field', async () => {
    const res = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: grundskolaId, kind: 'namnd', name: 'Fel', code: 'BIN' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/code', '/kind']);
  });

  it('refuses to move a unit in under itself', async () => {
    const [{ id: bif }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIF'");
    const res = await api.request('PATCH', `/api/org-units/${bif}`, {
      token: admin,
      body: { parentId: grundskolaId },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/parentId');
  });

  it('refuses to delete a unit that still has children (409) and deletes an empty one', async () => {
    const refused = await api.request('DELETE', `/api/org-units/${forskolaId}`, { token: admin });
    expect(refused.status).toBe(409);
    // Other suites may have given the område documents too: the reason names at least these.
    expect(refused.body.detail).toMatch(
      /^Enheten har underenheter(, | och )rolltilldelningar.* kan inte tas bort\.$/,
    );
    const created = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: forskolaId, kind: 'enhet', name: 'Tillfällig förskola', code: 'TMPF' },
    });
    expect((await api.request('DELETE', `/api/org-units/${created.body.id}`, { token: admin })).status).toBe(
      204,
    );
    expect((await api.request('GET', `/api/org-units/${created.body.id}`, { token: admin })).status).toBe(
      404,
    );
  });

  it('refuses to delete a unit whose documents keep naming it, and says why (409, nothing deleted)', async () => {
    const created = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: forskolaId, kind: 'enhet', name: 'Förskolan Dokumentet', code: 'FDOK' },
    });
    expect(created.status).toBe(201);
    const doc = await api.request('POST', '/api/documents', {
      token: admin,
      body: { type: 'enhetsplan', orgUnitId: created.body.id, year: 2061 }, // a year nobody opens
    });
    expect(doc.status).toBe(201);
    const refused = await api.request('DELETE', `/api/org-units/${created.body.id}`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toBe('Enheten har dokument och kan inte tas bort.');
    expect((await api.request('GET', `/api/org-units/${created.body.id}`, { token: admin })).status).toBe(
      200,
    );
  });

  it('creates a user with roles who can then sign in, and pages the user list', async () => {
    const res = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'ny.rektor',
        name: 'Nils Nyberg',
        email: 'nils@hallsberg.example',
        password: 'ett-langt-losenord',
        roles: [
          {
            role: 'enhetschef',
            orgUnitId: (await api.dataSource.query("SELECT id FROM org_unit WHERE code='TRAN'"))[0].id,
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'ny.rektor', active: true, roles: [{ role: 'enhetschef' }] });
    expect(
      (
        await api.request('POST', '/api/auth/login', {
          body: { username: 'ny.rektor', password: 'ett-langt-losenord' },
        })
      ).status,
    ).toBe(200);

    const page = await api.request('GET', '/api/users?limit=5&offset=5', { token: admin });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThan(60);
    const bad = await api.request('GET', '/api/users?limit=0', { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/query/limit');
  });

  it('refuses a role on a unit kind where it cannot live', async () => {
    const [{ id: ks }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'KS'");
    const res = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'fel.roll',
        name: 'Fel Roll',
        email: 'f@hallsberg.example',
        roles: [{ role: 'enhetschef', orgUnitId: ks }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/roles/0/role', message: expect.stringContaining('enhetschef') },
    ]);
  });

  it('ends every session of a user who is deactivated', async () => {
    const created = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'slutar.snart',
        name: 'Sara Slut',
        email: 's@hallsberg.example',
        password: 'ett-langt-losenord',
        roles: [],
      },
    });
    const token = (
      await api.request('POST', '/api/auth/login', {
        body: { username: 'slutar.snart', password: 'ett-langt-losenord' },
      })
    ).body.token;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect(
      (await api.request('PATCH', `/api/users/${created.body.id}`, { token: admin, body: { active: false } }))
        .status,
    ).toBe(200);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });
});
