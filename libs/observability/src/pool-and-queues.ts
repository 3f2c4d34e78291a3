import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

/** What a pool tells at a scrape: connections in use, idle, requests waiting, and the limit. */
export interface PoolReading {
  inUse: number;
  idle: number;
  pending: number;
  max: number;
}

/** Counts of one queue's jobs by state, as BullMQ's getJobCounts returns them. */
export type QueueReading = Record<string, number>;

const pools = new Map<string, () => PoolReading | null>();
const queueSources = new Set<() => Promise<Record<string, QueueReading>>>();

new Gauge({
  name: 'rodtrad_db_pool_connections',
  help: 'The MariaDB connection pool of this process by state: in_use, idle, pending (requests waiting for a connection), max (the limit)',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [pool, read] of pools) {
      const r = read();
      if (!r) continue;
      this.set({ pool, state: 'in_use' }, r.inUse);
      this.set({ pool, state: 'idle' }, r.idle);
      this.set({ pool, state: 'pending' }, r.pending);
      this.set({ pool, state: 'max' }, r.max);
    }
  },
});

new Gauge({
  name: 'rodtrad_queue_jobs',
  help: 'Jobs in each BullMQ queue by state (waiting, prioritized, delayed, active, failed): the queue depth, read from Redis at each scrape',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const read of queueSources)
      for (const [queue, counts] of Object.entries(await read()))
        for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
  },
});

interface Mysql2PoolLike {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * Reads TypeORM's mysql2 pool (`dataSource.driver.pool`) at each scrape under `name` (api,
 * worker). mysql2 keeps its counts in fields of its own; a driver without them reports nothing.
 * Returns the function that stops it (call it when the data source closes).
 */
export function observeDbPool(name: string, dataSource: { driver: unknown }): () => void {
  const read = (): PoolReading | null => {
    const pool = (dataSource.driver as { pool?: Mysql2PoolLike }).pool;
    if (!pool?._allConnections || !pool._freeConnections) return null;
    const all = pool._allConnections.length;
    const idle = pool._freeConnections.length;
    return {
      inUse: all - idle,
      idle,
      pending: pool._connectionQueue?.length ?? 0,
      max: pool.config?.connectionLimit ?? 0,
    };
  };
  pools.set(name, read);
  return () => {
    if (pools.get(name) === read) pools.delete(name);
  };
}

/**
 * Counts the jobs of the queues `read` returns (queue name → counts) at each scrape. Returns the
 * function that stops it.
 */
export function observeQueues(read: () => Promise<Record<string, QueueReading>>): () => void {
  queueSources.add(read);
  return () => void queueSources.delete(read);
}
