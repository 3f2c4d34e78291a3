import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

const healthCheck = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    latencyMs: { type: 'number', description: 'Of a check that is up' },
    error: { type: 'string', description: 'Why a check is down' },
  },
} as const;

/** GET /api/health: 200 when the database and Redis are both up, 503 (same body) otherwise. */
const health = {
  type: 'object',
  required: ['status', 'checks'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    checks: {
      type: 'object',
      required: ['database', 'redis'],
      additionalProperties: false,
      properties: { database: healthCheck, redis: healthCheck },
    },
  },
} as const;

/**
 * GET /api/health/live: always 200 while the process answers HTTP. Kubernetes' liveness probe:
 * it touches neither the database nor Redis, so an outage of either restarts no pod.
 */
const liveness = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['ok'] } },
} as const;

export type HealthCheckView = FromSchema<typeof healthCheck>;
export type HealthView = FromSchema<typeof health>;
export const healthSchema: JsonSchema = health;
export type LivenessView = FromSchema<typeof liveness>;
export const livenessSchema: JsonSchema = liveness;
