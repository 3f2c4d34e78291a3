import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { EngineModule } from '@rodtrad/engine';
import { AdministrationModule } from './administration/administration.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuthModule } from './auth/auth.module';
import { PROBLEM_FILTERS } from './common/problem/problem-filters';
import { DocumentsModule } from './documents/documents.module';
import { CollaborationModule } from './collaboration/collaboration.module';
import { EscalationsModule } from './escalations/escalations.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule, type InfrastructureHandles } from './infrastructure/infrastructure.module';
import { RepositoriesModule } from './infrastructure/repositories.module';
import { loggerOptions } from './logging';
import { ApiMailOutbox } from './mail/api-mail-outbox';
import { MailModule } from './mail/mail.module';
import { MailOutboxModule } from './mail/mail-outbox.module';
import { WorkflowDefinitionsModule } from './workflow-definitions/workflow-definitions.module';
import { YearsModule } from './years/years.module';
import { PublicSiteModule } from './public-site/public-site.module';
import { ArchiveModule } from './archive/archive.module';
import { InternalControlModule } from './internal-control/internal-control.module';
import { ImportsModule } from './imports/imports.module';
import { KoladaModule } from './kolada/kolada.module';
import { OversightModule } from './oversight/oversight.module';

/**
 * The API: the connections and repositories (global), the engine built once per process (global,
 * so every feature injects the same engine, definition store, year wheel, org tree and approval
 * and escalation use cases), the feature modules, and the filters that turn every error into
 * problem+json.
 */
@Module({})
export class AppModule {
  static with(handles: InfrastructureHandles): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.with(handles),
        RepositoriesModule,
        LoggerModule.forRoot(loggerOptions(handles.config)),
        EngineModule.forRoot({
          dataSource: handles.dataSource,
          config: handles.config,
          mailOutbox: ApiMailOutbox,
          imports: [MailOutboxModule],
        }),
        AuthModule,
        HealthModule,
        AdministrationModule,
        DocumentsModule,
        CollaborationModule,
        WorkflowDefinitionsModule,
        EscalationsModule,
        YearsModule,
        PublicSiteModule,
        ArchiveModule,
        InternalControlModule,
        ImportsModule,
        KoladaModule,
        OversightModule,
        ApprovalsModule,
        MailModule,
      ],
      providers: [...PROBLEM_FILTERS],
    };
  }
}
