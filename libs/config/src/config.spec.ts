import { ConfigError, loadConfig, describeDatabaseUrl } from './config';

const SECRET_1 = Buffer.alloc(32, 1).toString('base64');
const SECRET_2 = Buffer.alloc(32, 2).toString('base64');
const KEY_K1 = `k1:${SECRET_1}`;

describe('loadConfig', () => {
  it('gives the documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('mysql://root@127.0.0.1:3306/rodtrad');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.queuePrefix).toBe('rodtrad');
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.workerConcurrency).toBe(8);
    expect(c.mailConcurrency).toBe(16);
  });

  it('names every wrong variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', QUEUE_PREFIX: 'a:b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT must be a whole number/);
    expect(problems[1]).toMatch(/^REDIS_URL must use redis or rediss/);
    expect(problems[2]).toMatch(/^QUEUE_PREFIX may hold only/);
  });

  it('requires SESSION_SECRET and AUDIT_KEYS in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUDIT_KEYS is required/);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), AUDIT_KEYS: KEY_K1 });
    expect(c.sessionSecret).toHaveLength(32);
    expect(c.auditKeys.map((k) => k.id)).toEqual(['k1']);
  });

  it('reads AUDIT_KEYS as a keyring, the first key writing, and names what is wrong without the secret', () => {
    const ring = loadConfig({ AUDIT_KEYS: `k2:${SECRET_2}, k1:${SECRET_1}` }).auditKeys;
    expect(ring.map((k) => [k.id, k.secret.length])).toEqual([
      ['k2', 32],
      ['k1', 32],
    ]);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ AUDIT_KEYS: SECRET_1 })).toEqual([
      'AUDIT_KEYS must be id:secret pairs, the id of letters, digits, - and _ (max 16)',
    ]);
    expect(problems({ AUDIT_KEYS: 'k1:c2hvcnQ=' })).toEqual([
      'AUDIT_KEYS key k1: the secret must be at least 32 bytes',
    ]);
    expect(problems({ AUDIT_KEYS: `k1:${SECRET_1},k1:${SECRET_2}` })).toEqual([
      'AUDIT_KEYS names key k1 twice',
    ]);
    const session = Buffer.alloc(32, 7).toString('base64');
    for (const reused of [session, Buffer.from(session).toString('base64')])
      expect(problems({ SESSION_SECRET: session, AUDIT_KEYS: `k1:${reused}` })).toEqual([
        'AUDIT_KEYS must not reuse SESSION_SECRET: the audit chain needs a key of its own',
      ]);
    expect(JSON.stringify(problems({ AUDIT_KEYS: 'k1:c2hvcnQ=' }))).not.toContain('c2hvcnQ');
  });

  it('never repeats the value of a secret variable in a message', () => {
    const problems = (() => {
      try {
        loadConfig({ DATABASE_URL: 'postgres://app:hunter2@db/styr', PORT: 'eighty' });
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      'PORT must be a whole number, got "eighty"',
      'DATABASE_URL must use mysql or mariadb://',
    ]);
  });

  it('strips a trailing slash from PUBLIC_URL so links join cleanly', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://styr.hallsberg.se/' }).publicUrl).toBe(
      'https://styr.hallsberg.se',
    );
  });

  it('splits DATABASE_URL without losing an encoded password', () => {
    expect(describeDatabaseUrl('mysql://app:p%40ss@db:3307/styr')).toEqual({
      host: 'db',
      port: 3307,
      database: 'styr',
      user: 'app',
      password: 'p@ss',
    });
  });
});
