import { freePort, isolatedStack, startTestApi, type TestApi, type TestOidcProvider } from '@rodtrad/testing';
import { CLIENT_ID, CLIENT_SECRET, HttpBrowser, startApiWithProvider } from './testing/oidc-test-kit';

/**
 * Sign-in through a REAL OpenID provider (oidc-provider in a child process, on a free port): the
 * API discovers it, redirects to its login page, gets a code, exchanges it and validates the ID
 * token. On a database of its own: users are created and roles change here.
 */
describe('sign-in through the municipality’s OpenID provider', () => {
  let env: Record<string, string>;
  let api: TestApi;
  let provider: TestOidcProvider;
  let admin: string;
  let ekangen: string;
  const rita = {
    name: 'Rita Rektor',
    email: 'rita.rektor@hallsberg.example',
    email_verified: true,
    preferred_username: 'rita.rektor@hallsberg.example',
    groups: ['GRP-Rektor-Ekangen', 'GRP-Handlaggare-Ekangen', 'GRP-Personalklubben'],
  };

  beforeAll(async () => {
    env = await isolatedStack('oidc');
    ({ api, provider } = await startApiWithProvider(env, { rita }));
    admin = await api.login('admin');
    [{ id: ekangen }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'EKA'");
    for (const [group, role] of [
      ['GRP-Rektor-Ekangen', 'enhetschef'],
      ['GRP-Handlaggare-Ekangen', 'handlaggare'],
    ]) {
      const res = await api.request('POST', '/api/group-mappings', {
        token: admin,
        body: { group, role, orgUnitId: ekangen },
      });
      expect(res.status).toBe(201);
    }
  }, 90_000);
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  const me = (browser: HttpBrowser) =>
    api.request('GET', '/api/auth/me', {
      headers: { cookie: `rodtrad_session=${browser.cookie(new URL(api.url).host, 'rodtrad_session')}` },
    });

  it('offers the provider on the sign-in page', async () => {
    const res = await api.request('GET', '/api/auth/providers');
    expect(res.body).toEqual({
      localLogin: true,
      oidc: { name: 'Hallsbergs konto', loginUrl: '/api/auth/oidc/login' },
    });
  });

  it('redirects to the provider with PKCE, state and nonce, and only ever returns to a local path', async () => {
    const res = await api.request('GET', '/api/auth/oidc/login?returnTo=%2Fuppgifter');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') as string);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${api.url}/api/auth/oidc/callback`,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
    });
    for (const evil of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const refused = await api.request('GET', `/api/auth/oidc/login?returnTo=${encodeURIComponent(evil)}`);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ pointer: '/query/returnTo', message: expect.any(String) }]);
      expect(refused.headers.get('location')).toBeNull();
    }
  });

  it('signs a new rektor in at the provider’s login page, creates her with the roles of her groups, and lands where she was going', async () => {
    const browser = new HttpBrowser(api);
    const landed = await browser.follow('/api/auth/oidc/login?returnTo=%2Fuppgifter%3Fvy%3Dalla', 'rita');
    expect(landed.url.pathname + landed.url.search).toBe('/uppgifter?vy=alla');
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'rita.rektor', name: 'Rita Rektor', email: rita.email });
    expect(res.body.roles).toEqual([
      { role: 'enhetschef', orgUnitId: ekangen, orgUnitName: 'Ekängsskolan', source: 'group' },
      { role: 'handlaggare', orgUnitId: ekangen, orgUnitName: 'Ekängsskolan', source: 'group' },
    ]);
    const [user] = await api.dataSource.query(
      'SELECT id, oidc_issuer AS issuer, oidc_subject AS subject, password_hash AS hash FROM app_user WHERE username = ?',
      ['rita.rektor'],
    );
    expect(user).toMatchObject({ issuer: provider.issuer, subject: 'rita', hash: null });
    // Administration shows the roles from groups apart from those given by hand.
    const view = await api.request('GET', `/api/users/${user.id}`, { token: admin });
    expect(view.body).toMatchObject({
      roles: [],
      groupRoles: [{ role: 'enhetschef' }, { role: 'handlaggare' }],
    });
    // The ID token's auth_time is the session's time of authentication.
    const [session] = await api.dataSource.query(
      "SELECT auth_method AS method, auth_time AS authTime, oidc_sid AS sid FROM session WHERE user_id = ? AND auth_method = 'oidc'",
      [user.id],
    );
    expect(session).toMatchObject({ method: 'oidc', authTime: expect.any(Date), sid: expect.any(String) });
  });

  it('takes a role away at the next sign-in when the group is gone, from her older sessions too', async () => {
    const first = new HttpBrowser(api);
    await first.follow('/api/auth/oidc/login', 'rita');
    expect((await me(first)).body.roles).toHaveLength(2);
    await provider.setUsers({ rita: { ...rita, groups: ['GRP-Rektor-Ekangen'] } });
    const second = new HttpBrowser(api);
    await second.follow('/api/auth/oidc/login', 'rita');
    const roles = [{ role: 'enhetschef', orgUnitId: ekangen, orgUnitName: 'Ekängsskolan', source: 'group' }];
    expect((await me(second)).body.roles).toEqual(roles);
    expect((await me(first)).body.roles).toEqual(roles);
    const [user] = await api.dataSource.query("SELECT id FROM app_user WHERE username = 'rita.rektor'");
    const audit = await api.dataSource.query(
      "SELECT details FROM admin_audit WHERE action = 'user.group-roles' AND entity_id = ? ORDER BY seq",
      [user.id],
    );
    const last =
      typeof audit.at(-1).details === 'string' ? JSON.parse(audit.at(-1).details) : audit.at(-1).details;
    expect(last.removed).toEqual([{ role: 'handlaggare', orgUnitId: ekangen }]);
  });

  it('refuses a sign-in whose groups give no role, and says so', async () => {
    await provider.setUsers({ rita: { ...rita, groups: ['GRP-Personalklubben'] } });
    const browser = new HttpBrowser(api);
    const landed = await browser.follow('/api/auth/oidc/login', 'rita');
    expect(landed.url.pathname + landed.url.search).toBe('/logga-in?oidc-fel=no-roles');
    expect(browser.cookie(new URL(api.url).host, 'rodtrad_session')).toBeUndefined();
    await provider.setUsers({ rita });
  });

  it('refuses a tampered ID token: a broken signature, claims changed after signing, or another audience, issuer or nonce even when signed', async () => {
    // The control: the same claims signed again with the provider's key are accepted, so each
    // refusal below is the changed claim's, not the re-signing's.
    await provider.tamper('resigned');
    try {
      const control = new HttpBrowser(api);
      expect((await control.follow('/api/auth/oidc/login', 'rita')).url.pathname).toBe('/');
      expect((await me(control)).status).toBe(200);
    } finally {
      await provider.tamper(null);
    }
    for (const how of ['signature', 'payload', 'aud', 'iss', 'nonce'] as const) {
      await provider.tamper(how);
      try {
        const browser = new HttpBrowser(api);
        const landed = await browser.follow('/api/auth/oidc/login', 'rita');
        expect(landed.url.pathname + landed.url.search).toBe('/logga-in?oidc-fel=invalid-response');
        expect(browser.cookie(new URL(api.url).host, 'rodtrad_session')).toBeUndefined();
      } finally {
        await provider.tamper(null);
      }
    }
  });

  it('refuses an answer that belongs to another browser’s sign-in (state)', async () => {
    const victim = new HttpBrowser(api);
    await victim.go('GET', '/api/auth/oidc/login');
    // The victim has a sign-in under way (their own state); the attacker's callback URL, from the
    // attacker's own sign-in, is refused.
    const start = new HttpBrowser(api);
    const login = await start.go('GET', '/api/auth/oidc/login');
    const code = await codeCallback(start, login.location as string);
    const hop = await victim.follow(code);
    expect(hop.url.pathname + hop.url.search).toBe('/logga-in?oidc-fel=state-mismatch');
    expect(victim.cookie(new URL(api.url).host, 'rodtrad_session')).toBeUndefined();
    // Without any sign-in under way, likewise.
    const stranger = new HttpBrowser(api);
    const code2 = await codeCallback(
      start,
      (await start.go('GET', '/api/auth/oidc/login')).location as string,
    );
    expect((await stranger.follow(code2)).url.search).toBe('?oidc-fel=state-mismatch');
  });

  /** Signs in at the provider in `browser` and returns the callback URL, without following it. */
  async function codeCallback(browser: HttpBrowser, href: string): Promise<string> {
    let next: { method: string; href: string; form?: Record<string, string> } = { method: 'GET', href };
    for (let i = 0; i < 10; i++) {
      const res = await browser.go(next.method, next.href, next.form);
      if (res.location) {
        const target = new URL(res.location, res.url);
        if (target.pathname === '/api/auth/oidc/callback') return target.href;
        next = { method: 'GET', href: target.href };
      } else {
        const action = /<form[^>]*action="([^"]+)"/.exec(res.text)?.[1] as string;
        next = {
          method: 'POST',
          href: new URL(action, res.url).href,
          form: { prompt: 'login', login: 'rita', password: 'x' },
        };
      }
    }
    throw new Error('no callback');
  }

  it('ends the session in every API process when the provider sends a back-channel logout', async () => {
    const browser = new HttpBrowser(api);
    await browser.follow('/api/auth/oidc/login', 'rita');
    expect((await me(browser)).status).toBe(200);
    // A second API process on the same database and Redis, remembering sessions for an hour: it
    // must hear of the logout (the back channel reaches only the first one).
    const other = await startTestApi({
      ...env,
      PUBLIC_URL: api.config.publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      SESSION_CACHE_SECONDS: '3600',
    });
    const cookie = `rodtrad_session=${browser.cookie(new URL(api.url).host, 'rodtrad_session')}`;
    const meThere = () => other.request('GET', '/api/auth/me', { headers: { cookie } });
    try {
      expect((await meThere()).status).toBe(200);
      await logOutAtProvider(browser);
      for (let i = 0; i < 50 && (await me(browser)).status === 200; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await me(browser)).status).toBe(401);
      expect((await meThere()).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  async function logOutAtProvider(browser: HttpBrowser): Promise<void> {
    // RP-initiated logout would take the browser to the provider; here the person signs out at the
    // provider directly (another application's sign-out), which tells Rödtråd over the back channel.
    const page = await browser.go('GET', `${provider.issuer}/session/end?client_id=${CLIENT_ID}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1] as string;
    await browser.go('POST', new URL(action, page.url).href, { xsrf, logout: 'yes' });
  }

  it('refuses a forged logout token', async () => {
    const forged = [
      Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url'),
      Buffer.from(
        JSON.stringify({
          iss: provider.issuer,
          aud: CLIENT_ID,
          sub: 'rita',
          iat: Math.floor(Date.now() / 1000),
          jti: 'x',
          events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        }),
      ).toString('base64url'),
      '',
    ].join('.');
    const res = await fetch(`${api.url}/api/auth/oidc/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: forged }).toString(),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signs out at the provider too (RP-initiated logout) when the session came from it', async () => {
    const browser = new HttpBrowser(api);
    await browser.follow('/api/auth/oidc/login', 'rita');
    const cookie = `rodtrad_session=${browser.cookie(new URL(api.url).host, 'rodtrad_session')}`;
    const res = await api.request('POST', '/api/auth/logout', { headers: { cookie } });
    expect(res.status).toBe(200);
    const to = new URL(res.body.redirectTo);
    expect(to.origin + to.pathname).toBe(`${provider.issuer}/session/end`);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/logga-in?utloggad`);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await api.request('GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
    // A password session signs out as before.
    expect(
      (await api.request('POST', '/api/auth/logout', { token: await api.login('bin.fvc') })).status,
    ).toBe(204);
  });

  describe('without just-in-time users and with local passwords off', () => {
    let strict: TestApi;
    let strictProvider: TestOidcProvider;
    beforeAll(async () => {
      ({ api: strict, provider: strictProvider } = await startApiWithProvider(
        env,
        {
          okand: { name: 'Okänd Person', email: 'okand@hallsberg.example', groups: ['GRP-Rektor-Ekangen'] },
          patrik: { name: 'Patrik Söderberg', email: 'HRSTOD.CHEF@hallsberg.example', email_verified: true },
        },
        { OIDC_JIT_PROVISIONING: 'false', LOCAL_LOGIN: 'false', BREAK_GLASS_USERNAME: 'admin' },
      ));
    }, 60_000);
    afterAll(async () => {
      await strict?.close();
      await strictProvider?.stop();
    });

    it('refuses a person Rödtråd does not know, and links one it knows by e-mail', async () => {
      const unknown = new HttpBrowser(strict);
      expect((await unknown.follow('/api/auth/oidc/login', 'okand')).url.search).toBe(
        '?oidc-fel=not-allowed',
      );
      expect(
        await strict.dataSource.query("SELECT id FROM app_user WHERE email = 'okand@hallsberg.example'"),
      ).toEqual([]);

      const known = new HttpBrowser(strict);
      const [before] = await strict.dataSource.query(
        "SELECT email, oidc_subject AS subject FROM app_user WHERE username = 'hrstod.chef'",
      );
      expect(before.subject).toBeNull();
      expect((await known.follow('/api/auth/oidc/login', 'patrik')).url.pathname).toBe('/');
      const cookie = `rodtrad_session=${known.cookie(new URL(strict.url).host, 'rodtrad_session')}`;
      const me = await strict.request('GET', '/api/auth/me', { headers: { cookie } });
      expect(me.body).toMatchObject({
        username: 'hrstod.chef',
        roles: [{ role: 'enhetschef', source: 'manual' }],
      });
      const [after] = await strict.dataSource.query(
        "SELECT oidc_subject AS subject FROM app_user WHERE username = 'hrstod.chef'",
      );
      expect(after.subject).toBe('patrik');
    });

    it('lets only the break-glass administrator use a password', async () => {
      const refused = await strict.request('POST', '/api/auth/login', {
        body: { username: 'bin.fvc', password: strict.config.demoPassword },
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'local-login-disabled',
        detail: 'Logga in med Hallsbergs konto i stället.',
      });
      const breakGlass = await strict.request('POST', '/api/auth/login', {
        body: { username: 'admin', password: strict.config.demoPassword },
      });
      expect(breakGlass.status).toBe(200);
      expect((await strict.request('GET', '/api/auth/providers')).body.localLogin).toBe(false);
    });
  });

  it('says the provider cannot be reached when it is down', async () => {
    const closed = await freePort();
    const down = await startTestApi({
      ...env,
      OIDC_ISSUER: `http://127.0.0.1:${closed}`,
      OIDC_CLIENT_ID: CLIENT_ID,
    });
    try {
      const res = await down.request('GET', '/api/auth/oidc/login');
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/logga-in?oidc-fel=provider-unavailable');
    } finally {
      await down.close();
    }
  });
});
