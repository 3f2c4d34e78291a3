import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

/** On a database of its own: which users are administrators is what these cases are about. */
describe('user administration that cannot lock the installation out or be misled', () => {
  let api: TestApi;
  let admin: string;
  let kommunId: string;
  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('users_hardening'));
    admin = await api.login('admin');
    [{ id: kommunId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE kind = 'kommun'");
  }, 60_000);
  afterAll(() => api.close());

  const userId = async (username: string): Promise<string> =>
    (await api.dataSource.query('SELECT id FROM app_user WHERE username = ?', [username]))[0].id;
  /** A new session (the first case deactivates admin, which ends admin's sessions). */
  const signIn = async (username: string): Promise<string> =>
    (await api.request('POST', '/api/auth/login', { body: { username, password: api.config.demoPassword } }))
      .body.token;
  const patch = (token: string, id: string, body: object) =>
    api.request('PATCH', `/api/users/${id}`, { token, body });

  it('refuses to deactivate or demote the last active administrator, and allows it once another exists', async () => {
    const adminId = await userId('admin');
    for (const body of [{ active: false }, { roles: [] }]) {
      const res = await patch(admin, adminId, body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'last-administrator',
        detail: expect.stringContaining('minst en aktiv administratör'),
      });
    }
    const still = await api.request('GET', `/api/users/${adminId}`, { token: admin });
    expect(still.body).toMatchObject({ active: true, roles: [{ role: 'admin', orgUnitId: kommunId }] });

    const second = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'admin.tva',
        name: 'Andra Administratören',
        email: 'admin.tva@hallsberg.example',
        password: 'ett-langt-losenord',
        roles: [{ role: 'admin', orgUnitId: kommunId }],
      },
    });
    expect(second.status).toBe(201);
    expect((await patch(admin, adminId, { active: false })).status).toBe(200);

    // Now admin.tva is the last one: it cannot remove its own role either.
    const tva = await api.login('admin.tva', 'ett-langt-losenord');
    expect((await patch(tva, second.body.id, { roles: [] })).status).toBe(409);
    expect((await patch(tva, adminId, { active: true })).status).toBe(200);
  });

  it('searches for % and _ as the characters they are', async () => {
    admin = await signIn('admin');
    const all = await api.request('GET', '/api/users?limit=500', { token: admin });
    expect(all.body.total).toBeGreaterThan(60);
    for (const search of ['%', '_', '\\']) {
      const res = await api.request('GET', `/api/users?search=${encodeURIComponent(search)}`, {
        token: admin,
      });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
    const dotted = await api.request('GET', '/api/users?search=ks.sekr', { token: admin });
    expect(dotted.body.items.map((u: { username: string }) => u.username)).toEqual(['ks.sekreterare']);
  });

  it('refuses names and titles with control or bidi-override characters, field by field', async () => {
    admin = await signIn('admin');
    const user = await api.request('POST', '/api/users', {
      token: admin,
      body: { username: 'eva.rtl', name: 'Eva \u202Enaslen', email: 'eva@hallsberg.example', roles: [] },
    });
    expect(user.status).toBe(422);
    expect(user.body.errors).toEqual([{ pointer: '/name', message: expect.stringContaining('riktning') }]);

    const unit = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: kommunId, kind: 'namnd', name: 'Klocknämnden\u0007', code: 'KLO' },
    });
    expect(unit.status).toBe(422);
    expect(unit.body.errors).toEqual([{ pointer: '/name', message: expect.stringContaining('styrtecken') }]);

    const [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    const doc = await api.request('POST', '/api/documents', {
      token: await api.login('bin.fvc'),
      body: {
        type: 'manadsrapport',
        orgUnitId: bin,
        year: 2027,
        period: '2027-02',
        title: 'Rapport \u2066februari',
      },
    });
    expect(doc.status).toBe(422);
    expect(doc.body.errors).toEqual([{ pointer: '/title', message: expect.stringContaining('riktning') }]);
    // Letters of every script, and a name with a hyphen, stay welcome.
    const ok = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'aisha.k',
        name: 'عائشة Karlsson-Öberg',
        email: 'aisha@hallsberg.example',
        roles: [],
      },
    });
    expect(ok.status).toBe(201);
  });
});
