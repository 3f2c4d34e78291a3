import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { EngineModule } from '@rodtrad/engine';
import type { QueueNamespace } from '@rodtrad/jobs';
import { QueuedMailOutbox } from '@rodtrad/mail';
import { RenewApprovalLinksJob } from './approvals/renew-approval-links.job';
import { BuildArchivePackageJob } from './archive/build-archive-package.job';
import { EFFECTS_JOB_HANDLERS, EFFECTS_PROVIDERS } from './effects/effects.providers';
import { PromoteWaitingEffectsJob } from './effects/promote-waiting-effects.job';
import { FetchKoladaJob } from './kolada/fetch-kolada.job';
import { PurgeExpiredSessionsJob } from './maintenance/purge-expired-sessions.job';
import { REPOSITORY_PROVIDERS } from './persistence/worker-repositories';
import { JOB_HANDLERS } from './queues/job-handler';
import { WorkerHost } from './queues/worker-host';
import { WorkerInfrastructureModule } from './worker-infrastructure.module';

const HANDLERS = [
  PurgeExpiredSessionsJob,
  ...EFFECTS_JOB_HANDLERS,
  PromoteWaitingEffectsJob,
  RenewApprovalLinksJob,
  BuildArchivePackageJob,
  FetchKoladaJob,
];

@Module({})
export class WorkerModule {
  static with(config: AppConfig, dataSource: DataSource, namespace: QueueNamespace): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerInfrastructureModule.with(config, dataSource, namespace),
        EngineModule.forRoot({ dataSource, config, mailOutbox: QueuedMailOutbox }),
      ],
      providers: [
        ...REPOSITORY_PROVIDERS,
        ...EFFECTS_PROVIDERS,
        ...HANDLERS,
        { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: HANDLERS },
        WorkerHost,
      ],
      exports: [WorkerHost, ...EFFECTS_PROVIDERS.filter((p) => typeof p === 'function')],
    };
  }
}
