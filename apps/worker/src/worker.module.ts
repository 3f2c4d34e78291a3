import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { EngineModule } from '@rodtrad/engine';
import { QUEUE_NAMESPACE, type QueueNamespace } from '@rodtrad/jobs';
import { APPROVAL_PROVIDERS } from './approvals/approval.providers';
import { RenewApprovalLinksJob } from './approvals/renew-approval-links.job';
import { EFFECTS_JOB_HANDLERS, EFFECTS_PROVIDERS } from './effects/effects.providers';
import { PromoteWaitingEffectsJob } from './effects/promote-waiting-effects.job';
import { PurgeExpiredSessionsJob } from './maintenance/purge-expired-sessions.job';
import { REPOSITORY_PROVIDERS } from './persistence/worker-repositories';
import { JOB_HANDLERS } from './queues/job-handler';
import { WorkerHost } from './queues/worker-host';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from './tokens';

const HANDLERS = [
  PurgeExpiredSessionsJob,
  ...EFFECTS_JOB_HANDLERS,
  PromoteWaitingEffectsJob,
  RenewApprovalLinksJob,
];

@Module({})
export class WorkerModule {
  static with(config: AppConfig, dataSource: DataSource, namespace: QueueNamespace): DynamicModule {
    return {
      module: WorkerModule,
      imports: [EngineModule.forRoot({ dataSource, documentCache: config.documentCache })],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: WORKER_DATA_SOURCE, useValue: dataSource },
        { provide: QUEUE_NAMESPACE, useValue: namespace },
        ...REPOSITORY_PROVIDERS,
        ...EFFECTS_PROVIDERS,
        ...APPROVAL_PROVIDERS,
        ...HANDLERS,
        { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: HANDLERS },
        WorkerHost,
      ],
      exports: [WorkerHost, ...EFFECTS_PROVIDERS.filter((p) => typeof p === 'function')],
    };
  }
}
