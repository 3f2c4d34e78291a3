import { ConfigError, loadConfig, describeDatabaseUrl } from './config';

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

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toHaveLength(
      32,
    );
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
