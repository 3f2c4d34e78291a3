import { startTestApi, type TestApi } from '@rodtrad/testing';

describe('errors are RFC 9457 problem+json', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  it('answers malformed JSON with 400, never 500, and changes nothing', async () => {
    const halv = "SELECT COUNT(*) AS n FROM org_unit WHERE name LIKE 'Halv%'"; // other suites add units meanwhile
    const before = await api.dataSource.query(halv);
    const res = await api.request('POST', '/api/org-units', { token: admin, raw: '{"name": "Halv' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/malformed-json$/),
      title: 'Felaktig JSON',
      status: 400,
    });
    expect(await api.dataSource.query(halv)).toEqual(before);
  });

  it('refuses JSON the database could not store with 422 and pointers, and writes nothing', async () => {
    const halv = "SELECT COUNT(*) AS n FROM org_unit WHERE name LIKE 'Djup%'";
    const before = await api.dataSource.query(halv);
    // 5,000 levels, written out by hand: JSON.stringify itself would exhaust the stack.
    const deep = '{"n":'.repeat(5000) + '"botten"' + '}'.repeat(5000);
    const tooDeep = await api.request('POST', '/api/org-units', {
      token: admin,
      raw: `{"name": "Djup", "deep": ${deep}}`,
    });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(tooDeep.body.errors).toEqual([
      // root level 1, /deep level 2: the object at level 33 is the first too deep.
      { pointer: '/deep' + '/n'.repeat(31), message: 'Innehållet är nästlat i fler än 32 nivåer.' },
    ]);
    const surrogate = await api.request('POST', '/api/org-units', {
      token: admin,
      raw: '{"name": "Djup \\ud800 enhet", "kind": "enhet"}',
    });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.errors).toEqual([
      { pointer: '/name', message: expect.stringMatching(/ogiltigt tecken/) },
    ]);
    expect(await api.dataSource.query(halv)).toEqual(before);
  });

  it('lists every invalid field with a JSON pointer (422)', async () => {
    const res = await api.request('POST', '/api/users', {
      token: admin,
      body: { username: 'X Y', email: 'inte-en-adress', roles: [{ role: 'kung', orgUnitId: 'x' }], extra: 1 },
    });
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/email', '/extra', '/name', '/roles/0/role', '/username']);
    for (const e of res.body.errors) expect(typeof e.message).toBe('string');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await api.request('GET', '/api/finns-inte', { token: admin });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Hittades inte' });
  });

  it('sets security headers (helmet)', async () => {
    const res = await api.request('GET', '/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('allows inline script only on Swagger UI’s pages', async () => {
    const scriptSrc = (csp: string | null) => csp?.split(';').find((d) => d.trim().startsWith('script-src'));
    for (const path of ['/api/health', '/', '/dokument/x', '/godkann/x', '/admin/queues'])
      expect(scriptSrc((await api.request('GET', path)).headers.get('content-security-policy'))).toBe(
        "script-src 'self'",
      );
    const docs = await api.request('GET', '/api/docs/');
    expect(docs.status).toBe(200);
    expect(scriptSrc(docs.headers.get('content-security-policy'))).toBe("script-src 'self' 'unsafe-inline'");
  });

  it('reports the database and Redis in /api/health', async () => {
    const res = await api.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers the liveness probe at /api/health/live without a session', async () => {
    const res = await api.request('GET', '/api/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI description with the contract paths', async () => {
    const res = await api.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/org-units',
        '/api/users',
        '/api/health',
      ]),
    );
    expect(
      res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
  });
});
