import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import Redis from 'ioredis';
import type { AppConfig } from '@rodtrad/config';
import { openDatabase, ServiceUnavailableAtStartError, errorCause } from '@rodtrad/persistence';
import { WorkerModule } from './worker.module';

export interface WorkerApp {
  app: INestApplicationContext;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The worker: a Nest application context (no HTTP) running the BullMQ workers. */
export async function createWorkerApp(config: AppConfig): Promise<WorkerApp> {
  // One connection per concurrent job and a few for the relay and reconciliation.
  const dataSource = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrate: false,
    poolSize: Math.max(10, config.workerConcurrency + 4),
  });
  const probe = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
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
  const app = await NestFactory.createApplicationContext(WorkerModule.with(config, dataSource), {
    logger: nestLogLevels(config.logLevel),
  });
  await app.init();
  return {
    app,
    dataSource,
    close: async () => {
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
