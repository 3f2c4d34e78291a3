import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import {
  healthSchema,
  livenessSchema,
  type HealthCheckView as Check,
  type HealthView,
  type LivenessView,
} from '@rodtrad/contracts';
import { Public } from '../auth/auth.decorators';
import { DATA_SOURCE, REDIS } from '../infrastructure/tokens';

@ApiTags('Drift')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Hälsa: databasen och Redis, var för sig uppe eller nere' })
  @ApiOkResponse({ schema: healthSchema })
  @ApiServiceUnavailableResponse({ schema: healthSchema })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const [database, redis] = await Promise.all([
      probe(() => this.ds.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { database, redis } };
  }

  /** The process answers HTTP: a liveness probe that a database or Redis outage does not fail. */
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liv: processen svarar (rör varken databasen eller Redis)' })
  @ApiOkResponse({ schema: livenessSchema })
  live(): LivenessView {
    return { status: 'ok' };
  }
}

async function probe(fn: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout after 2 s')), 2000))),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
