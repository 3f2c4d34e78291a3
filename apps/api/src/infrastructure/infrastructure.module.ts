import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { QUEUE_NAMESPACE, type QueueNamespace } from '@rodtrad/jobs';
import { APP_CONFIG, CLOCK, DATA_SOURCE, REDIS, systemClock } from './tokens';

export interface InfrastructureHandles {
  config: AppConfig;
  dataSource: DataSource;
  redis: Redis;
  /** Where the installation's queues live in Redis (QUEUE_PREFIX and the database's identity). */
  queueNamespace: QueueNamespace;
}

/**
 * The connections are opened before Nest starts (so a missing service is reported
 * plainly) and handed in here; the module closes them on shutdown.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  static with(handles: InfrastructureHandles) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: handles.config },
        { provide: DATA_SOURCE, useValue: handles.dataSource },
        { provide: REDIS, useValue: handles.redis },
        { provide: CLOCK, useValue: systemClock },
        { provide: QUEUE_NAMESPACE, useValue: handles.queueNamespace },
      ],
      exports: [APP_CONFIG, DATA_SOURCE, REDIS, CLOCK, QUEUE_NAMESPACE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
