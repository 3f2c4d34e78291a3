import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import Redis from 'ioredis';
import type { AppConfig } from '@rodtrad/config';
import { claimQueuePrefix, QUEUES, queueNamespace, type QueueNamespace } from '@rodtrad/jobs';
import { observeDbPool, observeQueues } from '@rodtrad/observability';
import {
  errorCause,
  InstallationRepository,
  openDatabase,
  ServiceUnavailableAtStartError,
} from '@rodtrad/persistence';
import { WorkerModule } from './worker.module';
import { WorkerQueues } from './queues/worker-queues';

export interface WorkerApp {
  app: INestApplicationContext;
  dataSource: DataSource;
  /** Where this installation's queues live in Redis. */
  namespace: QueueNamespace;
  /** The installation that served QUEUE_PREFIX before this one, when it was another. */
  previousInstallationId: string | null;
  close(): Promise<void>;
}

/** The worker: a Nest application context (no HTTP) running the BullMQ workers. */
export async function createWorkerApp(config: AppConfig): Promise<WorkerApp> {
  // One connection per concurrent job and a few for the relay and reconciliation.
  const dataSource = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrate: false,
    poolSize: Math.max(10, config.workerConcurrency + 4),
    auditKeys: config.auditKeys,
  });
  const probe = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  let namespace: QueueNamespace;
  let previousInstallationId: string | null;
  try {
    namespace = queueNamespace(config.queuePrefix, await new InstallationRepository(dataSource).id());
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  try {
    await probe.connect();
    await probe.ping();
    previousInstallationId = await claimQueuePrefix(probe, namespace);
  } catch (e) {
    await dataSource.destroy();
    throw new ServiceUnavailableAtStartError(
      'Redis',
      config.redisUrl.replace(/\/\/[^@]*@/, '//***@'),
      errorCause(e),
    );
  } finally {
    probe.disconnect();
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.with(config, dataSource, namespace), {
    logger: nestLogLevels(config.logLevel),
  });
  // After the application context exists, so the warning obeys LOG_LEVEL.
  if (previousInstallationId)
    new Logger('Queues').warn(
      `Redis under QUEUE_PREFIX "${config.queuePrefix}" last served the database of installation ` +
        `${previousInstallationId}; this database is installation ${namespace.installationId} (created ` +
        `anew, or another installation sharing Redis and QUEUE_PREFIX). That installation's jobs are left untouched ` +
        `and never run here: this worker uses the prefix "${namespace.prefix}". The reconciliation ` +
        `gives this database's open deadlines, mails and effects their jobs.`,
    );
  await app.init();
  // Read at each scrape of /metrics (#21): the depth of every queue, and the pool.
  const queues = app.get(WorkerQueues);
  const unobserve = [
    observeDbPool('worker', dataSource),
    observeQueues(async () => {
      const counts: Record<string, Record<string, number>> = {};
      for (const name of Object.values(QUEUES))
        counts[name] = await queues
          .get(name)
          .getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
      return counts;
    }),
  ];
  return {
    app,
    dataSource,
    namespace,
    previousInstallationId,
    close: async () => {
      unobserve.forEach((stop) => stop());
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** LOG_LEVEL for Nest's logger: `silent` (tests) is silent, `debug` shows debug too. */
function nestLogLevels(
  level: AppConfig['logLevel'],
): ('log' | 'warn' | 'error' | 'debug' | 'verbose' | 'fatal')[] | false {
  switch (level) {
    case 'silent':
      return false;
    case 'fatal':
      return ['fatal'];
    case 'error':
      return ['fatal', 'error'];
    case 'warn':
      return ['fatal', 'error', 'warn'];
    case 'info':
      return ['fatal', 'error', 'warn', 'log'];
    default:
      return ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  }
}
