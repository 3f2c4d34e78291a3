import type { Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

/** A database and a Redis that are down: every call rejects. */
const down = new Error('connect ECONNREFUSED');
const database = { query: () => Promise.reject(down) } as unknown as DataSource;
const redis = { ping: () => Promise.reject(down) } as unknown as Redis;

describe('HealthController', () => {
  const controller = new HealthController(database, redis);

  it('answers the liveness probe while the database and Redis are down (no pod restarts for an outage)', () => {
    expect(controller.live()).toEqual({ status: 'ok' });
  });

  it('fails the readiness check (503) while they are down', async () => {
    let status = 0;
    const res = { status: (s: number) => ((status = s), res) } as unknown as Response;
    const body = await controller.health(res);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'error',
      checks: { database: { status: 'down' }, redis: { status: 'down' } },
    });
  });
});
