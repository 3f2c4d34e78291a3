import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { PurgeExpiredSessionsJob } from './maintenance/purge-expired-sessions.job';
import { JOB_HANDLERS } from './queues/job-handler';
import { WorkerHost } from './queues/worker-host';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from './tokens';

const HANDLERS = [PurgeExpiredSessionsJob];

@Module({})
export class WorkerModule {
  static with(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: WORKER_DATA_SOURCE, useValue: dataSource },
        ...HANDLERS,
        { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: HANDLERS },
        WorkerHost,
      ],
      exports: [WorkerHost],
    };
  }
}
