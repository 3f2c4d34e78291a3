import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { bullConnection, DEFAULT_JOB_OPTIONS } from './connection';
import type { QueueName } from './queues';

/**
 * Where one installation's queues live in Redis. Job ids are derived from database rows, so they
 * are only unique within one database: the BullMQ prefix carries the database's identity (the
 * `installation` table) under the configured QUEUE_PREFIX. A database created anew, or a second
 * installation that shares Redis and QUEUE_PREFIX by mistake, gets a namespace of its own and
 * never meets jobs that were made for another database's rows.
 */
export interface QueueNamespace {
  /** BullMQ's `prefix`: `<QUEUE_PREFIX>:<first 12 hex digits of the installation id>`. */
  readonly prefix: string;
  /** QUEUE_PREFIX as configured; every key of the installation starts with it and a colon. */
  readonly configuredPrefix: string;
  readonly installationId: string;
}

export const QUEUE_NAMESPACE = Symbol('QUEUE_NAMESPACE');

export function queueNamespace(configuredPrefix: string, installationId: string): QueueNamespace {
  const short = installationId.replace(/-/g, '').slice(0, 12).toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(short)) throw new Error(`Not an installation id: "${installationId}"`);
  return { prefix: `${configuredPrefix}:${short}`, configuredPrefix, installationId };
}

/** The Redis key that records which installation last served QUEUE_PREFIX. */
export const installationKey = (ns: QueueNamespace): string => `${ns.configuredPrefix}:installation`;

/**
 * Records this installation as the one served under QUEUE_PREFIX, and returns the installation
 * recorded there before when it was another one (a database created anew, or two installations
 * sharing Redis), so the worker can say so. One atomic SET … GET: two workers starting at once
 * cannot both miss a change.
 */
export async function claimQueuePrefix(redis: Redis, ns: QueueNamespace): Promise<string | null> {
  const previous = await redis.set(installationKey(ns), ns.installationId, 'GET');
  return previous && previous !== ns.installationId ? previous : null;
}

/** A producer of one queue of the installation (the one way the API and the worker open a queue). */
export function openQueue(name: QueueName, redisUrl: string, ns: QueueNamespace): Queue {
  return new Queue(name, {
    connection: bullConnection(redisUrl, 'producer'),
    prefix: ns.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
}
