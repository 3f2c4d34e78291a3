import { randomUUID } from 'node:crypto';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

/**
 * The sign-in and approval-link limits under the attacks that beat the hand-written limiter:
 * parallel guesses, a rotated X-Forwarded-For, and an address-wide block used to lock users out.
 * A stack of its own: blocking 127.0.0.1 here must not turn other files' 401s into 429s.
 * LOGIN_RATE_LIMIT is 3 here (fewer slow password checks), so an address may fail 30 times.
 */
describe('sign-in and approval-link limits (real Redis, over HTTP)', () => {
  let env: Record<string, string>;
  let api: TestApi;
  beforeAll(async () => {
    env = { ...(await isolatedStack('rate_limits')), LOGIN_RATE_LIMIT: '3', APPROVAL_LINK_RATE_LIMIT: '3' };
    api = await startTestApi(env);
  });
  afterAll(() => api?.close());

  const run = randomUUID().slice(0, 8);
  const login = (target: TestApi, username: string, password: string, forwardedFor?: string) =>
    target.request('POST', '/api/auth/login', {
      body: { username, password },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  /** Wrong passwords for ever new usernames until the address answers 429; the number of tries. */
  async function sprayUntilBlocked(target: TestApi, forwardedFor: (i: number) => string | undefined) {
    for (let i = 1; i <= 31; i++) {
      const res = await login(target, `spray.${run}.${randomUUID()}`, 'wrong', forwardedFor(i));
      if (res.status === 429) return i;
      expect(res.status).toBe(401);
    }
    return Infinity;
  }

  it('checks exactly LOGIN_RATE_LIMIT (3) of 9 parallel wrong passwords for one user; the rest get 429', async () => {
    const username = `parallel.${run}`;
    const statuses = (
      await Promise.all(Array.from({ length: 9 }, (_, i) => login(api, username, `wrong-${i}`)))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('backs off: each lock-out of a username in a row lasts longer, and a correct sign-in ends the run', async () => {
    // A demo user of this file's own stack, so the lock-outs touch no other file.
    const username = 'val.sekreterare';
    const lockOut = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await login(api, username, `nope${i}`)).status);
      expect(statuses).toEqual([401, 401, 401]);
      const blocked = await login(api, username, 'demo');
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return Number(blocked.headers.get('retry-after'));
    };
    const first = await lockOut();
    expect(first).toBeGreaterThan(14 * 60);
    expect(first).toBeLessThanOrEqual(15 * 60);
    // The first lock-out runs out (as if 15 minutes had passed); the next run of failures is held longer.
    await api.redis.del(`${api.config.queuePrefix}:rl:login-user:${username}`);
    const second = await lockOut();
    expect(second).toBeGreaterThan(first + 14 * 60);
    await api.redis.del(`${api.config.queuePrefix}:rl:login-user:${username}`);
    expect((await login(api, username, 'demo')).status).toBe(200);
  });

  it('without TRUST_PROXY ignores X-Forwarded-For: rotating it does not escape the address limit', async () => {
    const tries = await sprayUntilBlocked(api, (i) => `198.51.100.${i}`);
    expect(tries).toBeLessThanOrEqual(31);
  });

  it('with TRUST_PROXY=127.0.0.1 counts the forwarded address, so one client is blocked and another is not', async () => {
    const behindProxy = await startTestApi({ ...env, TRUST_PROXY: '127.0.0.1' });
    try {
      expect(await sprayUntilBlocked(behindProxy, () => '203.0.113.7')).toBe(31);
      expect((await login(behindProxy, `spray.${run}.next`, 'wrong', '203.0.113.7')).status).toBe(429);
      expect((await login(behindProxy, `spray.${run}.other`, 'wrong', '203.0.113.8')).status).toBe(401);
    } finally {
      await behindProxy.close();
    }
  });

  it('still signs in a user with the right password from an address blocked by others’ wrong ones', async () => {
    await sprayUntilBlocked(api, () => undefined);
    const wrong = await login(api, `spray.${run}.more`, 'wrong');
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await login(api, 'registrator', 'demo');
    expect(right.status).toBe(200);
    expect(right.body.user.username).toBe('registrator');
  });

  it('limits approval links per client address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++)
      statuses.push(
        (
          await api.request('GET', `/api/approvals/unknown-${run}-${i}`, {
            headers: { 'x-forwarded-for': `192.0.2.${i}` },
          })
        ).status,
      );
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
