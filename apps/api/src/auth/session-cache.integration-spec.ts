import { hashToken } from '@rodtrad/persistence';
import { startTestApi, type TestApi } from '@rodtrad/testing';

/**
 * Each API process remembers sessions (SessionCache). Here both processes remember them for ten
 * minutes, so a change seen at once in the other process can only have come by the announcement
 * over Redis, not by the cache running out.
 */
describe('remembered sessions across two API processes (real MariaDB and Redis)', () => {
  let a: TestApi;
  let b: TestApi;
  let admin: string;
  beforeAll(async () => {
    a = await startTestApi({ SESSION_CACHE_SECONDS: '600' });
    b = await startTestApi({ SESSION_CACHE_SECONDS: '600' });
    admin = await a.login('admin');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const signIn = async (username: string, password = 'demo'): Promise<string> => {
    const res = await a.request('POST', '/api/auth/login', { body: { username, password } });
    expect(res.status).toBe(200);
    return res.body.token as string;
  };
  /** The other process's answer, asked until it is `want` or a second has passed. */
  const eventually = async (ask: () => Promise<unknown>, want: unknown): Promise<unknown> => {
    let got: unknown;
    for (const until = Date.now() + 1_000; Date.now() < until;) {
      got = await ask();
      if (JSON.stringify(got) === JSON.stringify(want)) return got;
      await new Promise((r) => setTimeout(r, 20));
    }
    return got;
  };
  const meStatus = (api: TestApi, token: string) => async () =>
    (await api.request('GET', '/api/auth/me', { token })).status;

  it('a sign-out in one process ends the session in the other at once', async () => {
    const token = await signIn('ks.sekreterare');
    expect(await meStatus(b, token)()).toBe(200); // b now remembers it
    expect((await a.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await meStatus(a, token)()).toBe(401);
    expect(await eventually(meStatus(b, token), 401)).toBe(401);
  });

  it('new roles given in one process apply to the next request in the other', async () => {
    const [{ id: bin }] = await a.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    const created = await a.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'cache.roller',
        name: 'Rolf Rollbytare',
        email: 'rolf@hallsberg.example',
        password: 'ett-langt-losenord',
        roles: [{ role: 'namnd.sekreterare', orgUnitId: bin }],
      },
    });
    expect(created.status).toBe(201);
    const token = await signIn('cache.roller', 'ett-langt-losenord');
    const roles = async () =>
      ((await b.request('GET', '/api/auth/me', { token })).body.roles as { role: string }[]).map(
        (r) => r.role,
      );
    expect(await roles()).toEqual(['namnd.sekreterare']);
    const changed = await a.request('PATCH', `/api/users/${created.body.id}`, {
      token: admin,
      body: { roles: [{ role: 'namnd.ordforande', orgUnitId: bin }] },
    });
    expect(changed.status).toBe(200);
    expect(await eventually(roles, ['namnd.ordforande'])).toEqual(['namnd.ordforande']);

    // Deactivating the user ends the session in both.
    expect(
      (await a.request('PATCH', `/api/users/${created.body.id}`, { token: admin, body: { active: false } }))
        .status,
    ).toBe(200);
    expect(await eventually(meStatus(b, token), 401)).toBe(401);
  });

  it('with the cache off, every request asks the database', async () => {
    const off = await startTestApi({ SESSION_CACHE_SECONDS: '0' });
    try {
      const token = await signIn('registrator');
      expect(await meStatus(off, token)()).toBe(200);
      // Only this session: the demo users' other sessions belong to suites running beside this one.
      await a.dataSource.query('DELETE FROM session WHERE token_hash = ?', [hashToken(token)]);
      expect(await meStatus(off, token)()).toBe(401);
    } finally {
      await off.close();
    }
  });
});
