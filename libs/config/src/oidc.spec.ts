import { ConfigError, loadConfig } from './config';
import { isLoopbackHost } from './oidc';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('OpenID Connect configuration', () => {
  it('is off by default, with local passwords on', () => {
    const c = loadConfig({});
    expect(c.oidcIssuer).toBeNull();
    expect(c.localLogin).toBe(true);
    expect(c.oidcScopes).toEqual(['openid', 'profile', 'email']);
    expect(c.oidcGroupsClaim).toBe('groups');
    expect(c.oidcMatchClaim).toBe('email');
    expect(c.oidcJitProvisioning).toBe(true);
    expect(c.breakGlassUsername).toBeNull();
  });

  it('takes an https issuer with its client', () => {
    const c = loadConfig({
      OIDC_ISSUER: 'https://login.microsoftonline.com/abc/v2.0/',
      OIDC_CLIENT_ID: 'rodtrad',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_SCOPES: 'openid email  profile',
      LOCAL_LOGIN: 'false',
      BREAK_GLASS_USERNAME: 'Admin',
    });
    expect(c.oidcIssuer).toBe('https://login.microsoftonline.com/abc/v2.0');
    expect(c.oidcScopes).toEqual(['openid', 'email', 'profile']);
    expect(c.localLogin).toBe(false);
    expect(c.breakGlassUsername).toBe('admin');
  });

  it('accepts http only on a loopback address', () => {
    for (const ok of [
      'http://127.0.0.1:4000',
      'http://127.5.6.7',
      'http://localhost:9000/oidc',
      'http://[::1]:8080',
    ])
      expect(loadConfig({ OIDC_ISSUER: ok, OIDC_CLIENT_ID: 'x' }).oidcIssuer).toBe(ok);
    expect(problemsOf({ OIDC_ISSUER: 'http://idp.hallsberg.se', OIDC_CLIENT_ID: 'x' })).toEqual([
      expect.stringMatching(
        /^OIDC_ISSUER must use https:\/\/ \(http:\/\/ is accepted only on a loopback address/,
      ),
    ]);
    expect(problemsOf({ OIDC_ISSUER: 'http://128.0.0.1', OIDC_CLIENT_ID: 'x' })).toHaveLength(1);
  });

  it('names every variable that is wrong or missing its partner', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://idp.example' })).toEqual([
      'OIDC_CLIENT_ID is missing: it is required when OIDC_ISSUER is set',
    ]);
    expect(problemsOf({ OIDC_CLIENT_ID: 'x' })).toEqual([expect.stringMatching(/^OIDC_ISSUER is missing/)]);
    expect(problemsOf({ LOCAL_LOGIN: 'false' })).toEqual([
      expect.stringMatching(/^LOCAL_LOGIN=false needs OIDC_ISSUER/),
    ]);
    expect(problemsOf({ OIDC_SCOPES: 'profile email' })).toEqual([
      'OIDC_SCOPES must include openid, got "profile email"',
    ]);
    expect(problemsOf({ OIDC_MATCH_CLAIM: 'upn' })).toEqual([
      expect.stringMatching(/^OIDC_MATCH_CLAIM must be one of/),
    ]);
    expect(problemsOf({ OIDC_GROUPS_CLAIM: 'grupper med mellanslag' })).toHaveLength(1);
    expect(problemsOf({ LOCAL_LOGIN: 'kanske' })).toEqual([
      'LOCAL_LOGIN must be true or false, got "kanske"',
    ]);
    expect(problemsOf({ BREAK_GLASS_USERNAME: 'två ord' })).toHaveLength(1);
  });

  it('never repeats the client secret', () => {
    expect(
      problemsOf({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_SECRET: 'topsecret' }).join(),
    ).not.toContain('topsecret');
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '::1', '[::1]'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(
      ['10.0.0.1', '128.0.0.1', 'localhost.evil.example', '::2', 'idp.example'].some(isLoopbackHost),
    ).toBe(false);
  });
});
