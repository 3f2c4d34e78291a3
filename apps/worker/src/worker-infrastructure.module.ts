import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { QUEUE_NAMESPACE, type QueueNamespace } from '@rodtrad/jobs';
import { MAIL_PROVIDERS } from './mail/mail.providers';
import { WorkerQueues } from './queues/worker-queues';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from './tokens';

/**
 * What the worker is handed at start (configuration, connection, queue namespace) and its producer
 * side of the queues and the mail outbox: global, so EngineModule's use cases write mail through the
 * same outbox as the worker's own handlers.
 */
@Global()
@Module({})
export class WorkerInfrastructureModule {
  static with(config: AppConfig, dataSource: DataSource, namespace: QueueNamespace): DynamicModule {
    const providers = [
      { provide: WORKER_CONFIG, useValue: config },
      { provide: WORKER_DATA_SOURCE, useValue: dataSource },
      { provide: QUEUE_NAMESPACE, useValue: namespace },
      WorkerQueues,
      ...MAIL_PROVIDERS,
    ];
    return {
      module: WorkerInfrastructureModule,
      providers,
      exports: providers.map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
