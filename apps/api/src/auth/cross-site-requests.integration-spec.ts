import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

const EVIL = 'https://kalender.hallsberg-fritid.example';

/**
 * A page on another site (a sibling under the same registrable domain gets the SameSite=Lax
 * cookie too) must not change anything with an administrator's session cookie. On a database of
 * its own: the cases deactivate a user and touch the queues.
 */
describe('requests authenticated by the session cookie must come from Rödtråd itself (CSRF)', () => {
  let api: TestApi;
  let cookie: string;
  let bearer: string;
  let targetId: string;
  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('cross_site'));
    const login = await api.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: api.config.demoPassword },
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^rodtrad_session=/);
    bearer = login.body.token;
    [{ id: targetId }] = await api.dataSource.query(
      "SELECT id FROM app_user WHERE username = 'san.handlaggare'",
    );
  }, 60_000);
  afterAll(() => api.close());

  const deactivate = (headers: Record<string, string>) =>
    api.request('PATCH', `/api/users/${targetId}`, { headers, body: { active: false } });
  const active = async () =>
    Number((await api.dataSource.query('SELECT active FROM app_user WHERE id = ?', [targetId]))[0].active);

  it('refuses a cookie-authenticated change from another origin with 403 problem+json, and changes nothing', async () => {
    const attempts: Record<string, string>[] = [
      { cookie, origin: EVIL },
      { cookie, origin: 'null' },
      { cookie, 'sec-fetch-site': 'same-site' },
      { cookie, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await deactivate(headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, code: 'cross-site-request' });
      expect(res.body.detail).toContain('annan webbplats');
    }
    expect(await active()).toBe(1);
    // The session itself survives an attempt to sign it out from elsewhere.
    expect(
      (await api.request('POST', '/api/auth/logout', { headers: { cookie, origin: EVIL } })).status,
    ).toBe(403);
    expect((await api.request('GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('takes the same change from Rödtråd’s own origin, and from a bearer token whatever the origin', async () => {
    expect((await deactivate({ cookie, origin: api.url })).status).toBe(200);
    expect(await active()).toBe(0);
    const again = await api.request('PATCH', `/api/users/${targetId}`, {
      token: bearer,
      headers: { origin: EVIL },
      body: { active: true },
    });
    expect(again.status).toBe(200);
    expect((await deactivate({ cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('guards the queue dashboard the same way, and audits every action taken there', async () => {
    const path = '/admin/queues/api/queues/maintenance/retry/failed';
    const refused = await api.request('PUT', path, { headers: { cookie, origin: EVIL } });
    expect(refused.status).toBe(403);
    const count = async () =>
      Number(
        (await api.dataSource.query("SELECT COUNT(*) AS n FROM admin_audit WHERE action = 'queue.action'"))[0]
          .n,
      );
    expect(await count()).toBe(0);
    const taken = await api.request('PUT', path, { headers: { cookie, origin: api.url } });
    expect(taken.status).toBeLessThan(300);
    const [row] = await api.dataSource.query(
      "SELECT entity_id AS queue, details FROM admin_audit WHERE action = 'queue.action'",
    );
    expect(row.queue).toBe('maintenance');
    expect(JSON.stringify(row.details)).toContain('retry/failed');
  });
});
