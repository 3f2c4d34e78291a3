import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthController } from './auth/auth.controller';
import { Authorizer } from './auth/authorizer.service';
import { OrgTreeService } from './auth/org-tree.service';
import { RateLimiter } from './auth/rate-limiter';
import { REPOSITORY_PROVIDERS } from './auth/repositories.provider';
import { SessionGuard } from './auth/session.guard';
import { SignInService } from './auth/sign-in.service';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { HealthController } from './health/health.controller';
import { InfrastructureModule, type InfrastructureHandles } from './infrastructure/infrastructure.module';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { loggerOptions } from './logging';
import { AuditController } from './documents/audit.controller';
import { DefinitionsSync } from './documents/definitions-sync.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { ENGINE_PROVIDERS } from './documents/engine.provider';
import { WorkflowDefinitionsController } from './documents/workflow-definitions.controller';
import { DEFAULT_YEAR_WHEEL_PROVIDER } from './documents/year-wheel.port';

@Module({})
export class AppModule {
  static with(handles: InfrastructureHandles): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.with(handles), LoggerModule.forRoot(loggerOptions(handles.config))],
      controllers: [
        AuthController,
        HealthController,
        OrgUnitsController,
        UsersController,
        DocumentsController,
        AuditController,
        WorkflowDefinitionsController,
      ],
      providers: [
        ...REPOSITORY_PROVIDERS,
        OrgTreeService,
        Authorizer,
        RateLimiter,
        SignInService,
        OrgUnitsService,
        UsersService,
        DEFAULT_YEAR_WHEEL_PROVIDER,
        ...ENGINE_PROVIDERS,
        DocumentsService,
        DefinitionsSync,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
