import { startTestApi, type TestApi } from '@rodtrad/testing';

describe('sign-in (real MariaDB and Redis)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs in a demo user with the demo password and returns token, user and an httpOnly cookie', async () => {
    const res = await api.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'demo' },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({ username: 'admin', name: 'Maria Lindqvist' });
    expect(res.body.user.roles).toEqual([
      expect.objectContaining({ role: 'admin', orgUnitName: 'Hallsbergs kommun' }),
    ]);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^rodtrad_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // PUBLIC_URL is http in tests
  });

  it('accepts the session cookie as well as the bearer token on /api/auth/me', async () => {
    const login = await api.request('POST', '/api/auth/login', {
      body: { username: 'registrator', password: 'demo' },
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const viaCookie = await api.request('GET', '/api/auth/me', { headers: { cookie } });
    const viaBearer = await api.request('GET', '/api/auth/me', { token: login.body.token });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.username).toBe('registrator');
    expect(viaBearer.body).toEqual(viaCookie.body);
  });

  it('refuses a wrong password with a problem document that points at the password field', async () => {
    const res = await api.request('POST', '/api/auth/login', {
      body: { username: 'registrator', password: 'wrong' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'invalid-credentials',
      errors: [{ pointer: '/password' }],
    });
  });

  it('rate-limits repeated failed sign-ins for one username and IP', async () => {
    // A user of its own: the lock-out must not spill over onto other tests' demo users.
    const admin = await api.login('admin');
    const created = await api.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'sparrad.test',
        name: 'Spärrad Testsson',
        email: 'sparrad@hallsberg.example',
        password: 'ett-langt-losenord',
        roles: [],
      },
    });
    expect(created.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await api.request('POST', '/api/auth/login', {
            body: { username: 'sparrad.test', password: `nope${i}` },
          })
        ).status,
      );
    }
    // LOGIN_RATE_LIMIT is 5 in tests: five honest failures, then 429 with Retry-After.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const blocked = await api.request('POST', '/api/auth/login', {
      body: { username: 'sparrad.test', password: 'ett-langt-losenord' },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('ends the session on logout: the token stops working', async () => {
    const token = (
      await api.request('POST', '/api/auth/login', { body: { username: 'ks.ordforande', password: 'demo' } })
    ).body.token;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('stores sessions server-side, so a second API process serves the same user', async () => {
    const other = await startTestApi();
    try {
      const token = await api.login('admin');
      const res = await other.request('GET', '/api/auth/me', { token });
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('admin');
    } finally {
      await other.close();
    }
  });

  it('never stores the password or token in clear', async () => {
    const token = await api.login('admin');
    const [user] = await api.dataSource.query(
      "SELECT password_hash AS h FROM app_user WHERE username = 'admin'",
    );
    expect(user.h).toMatch(/^\$argon2id\$/);
    const sessions = await api.dataSource.query('SELECT token_hash FROM session WHERE token_hash = ?', [
      token,
    ]);
    expect(sessions).toHaveLength(0);
  });
});
