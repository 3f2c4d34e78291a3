import { startTestApi, type TestApi } from '@rodtrad/testing';

/**
 * Every endpoint in the OpenAPI description is listed here with who may call it, so a
 * new endpoint fails this test until its access rule is stated and checked.
 */
type Access = 'public' | 'signed-in' | 'admin';
const RULES: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'GET /api/health': 'public',
  'GET /api/org-units': 'signed-in',
  'GET /api/org-units/{id}': 'signed-in',
  'POST /api/org-units': 'admin',
  'PATCH /api/org-units/{id}': 'admin',
  'DELETE /api/org-units/{id}': 'admin',
  'GET /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{id}': 'admin',
};

describe('authorization matrix', () => {
  let api: TestApi;
  let endpoints: string[];
  let someUnitId: string;
  let someUserId: string;
  let enhetschef: string;

  beforeAll(async () => {
    api = await startTestApi();
    const doc = (await api.request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    endpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    [{ id: someUnitId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    [{ id: someUserId }] = await api.dataSource.query("SELECT id FROM app_user WHERE username = 'admin'");
    const [{ username }] = await api.dataSource.query(
      "SELECT u.username FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE r.role = 'enhetschef' ORDER BY u.username LIMIT 1",
    );
    enhetschef = await api.login(username);
  });
  afterAll(() => api.close());

  const concrete = (path: string) =>
    path
      .replace('/org-units/{id}', `/org-units/${someUnitId}`)
      .replace('/users/{id}', `/users/${someUserId}`);
  const call = (endpoint: string, token?: string) => {
    const [method, path] = endpoint.split(' ');
    return api.request(method, concrete(path), {
      token,
      body: method === 'GET' || method === 'DELETE' ? undefined : {},
    });
  };

  it('states an access rule for every endpoint the API publishes', () => {
    expect(endpoints.filter((e) => !(e in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((e) => !endpoints.includes(e))).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every non-public endpoint', async () => {
    const wrong: string[] = [];
    for (const e of endpoints.filter((e) => RULES[e] !== 'public')) {
      const res = await call(e);
      if (res.status !== 401 || !/problem\+json/.test(res.headers.get('content-type') ?? ''))
        wrong.push(`${e} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a signed-in caller without the admin role on every admin endpoint, changing nothing', async () => {
    const before = await api.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM org_unit) AS units, (SELECT COUNT(*) FROM app_user) AS users',
    );
    const wrong: string[] = [];
    for (const e of endpoints.filter((e) => RULES[e] === 'admin')) {
      const res = await call(e, enhetschef);
      if (res.status !== 403) wrong.push(`${e} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(
      await api.dataSource.query(
        'SELECT (SELECT COUNT(*) FROM org_unit) AS units, (SELECT COUNT(*) FROM app_user) AS users',
      ),
    ).toEqual(before);
  });

  it('lets every signed-in user read the organisation tree', async () => {
    const res = await api.request('GET', '/api/org-units', { token: enhetschef });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    expect(res.body.items.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['KF', 'KS', 'BIN', 'SAN', 'DSN', 'MYN', 'VAL']),
    );
  });
});
