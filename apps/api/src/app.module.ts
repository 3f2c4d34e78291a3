import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { EngineModule } from '@rodtrad/engine';
import { AuthController } from './auth/auth.controller';
import { Authorizer } from './auth/authorizer.service';
import { OrgTreeService } from './auth/org-tree.service';
import { RateLimiter } from './auth/rate-limiter';
import { REPOSITORY_PROVIDERS } from './auth/repositories.provider';
import { SessionCache } from './auth/session-cache';
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
import { TasksController } from './documents/tasks.controller';
import { WorkflowDefinitionsController } from './documents/workflow-definitions.controller';
import { WorkflowDefinitionVersionsController } from './documents/workflow-definition-versions.controller';
import { FormVersionsController } from './documents/form-versions.controller';
import { DEFINITION_ADMIN_PROVIDERS } from './documents/definition-admin.providers';
import { EscalationsController } from './escalations/escalations.controller';
import { ESCALATION_PROVIDERS } from './escalations/escalation.providers';
import { EscalationsService } from './escalations/escalations.service';
import { ThresholdsController } from './escalations/thresholds.controller';
import { QueueDashboard } from './queue-dashboard/queue-dashboard.service';
import { OpenBudgetYear } from './years/open-budget-year.service';
import { RedThreadService } from './years/red-thread.service';
import { YearCalendarService } from './years/year-calendar.service';
import { YearStatusService } from './years/year-status.service';
import { MUNICIPAL_YEAR_WHEEL_PROVIDERS } from './years/year-wheel.provider';
import { YearsController } from './years/years.controller';
import { ApprovalLinkController } from './approvals/approval-link.controller';
import { APPROVAL_PROVIDERS } from './approvals/approval.providers';
import { ApprovalSummaryService } from './approvals/approval-summary.service';
import { MyApprovalsController } from './approvals/my-approvals.controller';
import { StandingSubstitutesController } from './approvals/standing-substitutes.controller';
import { MailAdminController } from './mail/mail-admin.controller';

@Module({})
export class AppModule {
  static with(handles: InfrastructureHandles): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.with(handles),
        LoggerModule.forRoot(loggerOptions(handles.config)),
        EngineModule.forRoot({ dataSource: handles.dataSource, documentCache: handles.config.documentCache }),
      ],
      controllers: [
        AuthController,
        HealthController,
        OrgUnitsController,
        UsersController,
        DocumentsController,
        AuditController,
        WorkflowDefinitionsController,
        WorkflowDefinitionVersionsController,
        FormVersionsController,
        EscalationsController,
        ThresholdsController,
        TasksController,
        YearsController,
        MyApprovalsController,
        ApprovalLinkController,
        StandingSubstitutesController,
        MailAdminController,
      ],
      providers: [
        ...REPOSITORY_PROVIDERS,
        OrgTreeService,
        SessionCache,
        Authorizer,
        RateLimiter,
        SignInService,
        OrgUnitsService,
        UsersService,
        ...MUNICIPAL_YEAR_WHEEL_PROVIDERS,
        YearCalendarService,
        OpenBudgetYear,
        YearStatusService,
        RedThreadService,
        ...DEFINITION_ADMIN_PROVIDERS,
        DocumentsService,
        ...ESCALATION_PROVIDERS,
        EscalationsService,
        QueueDashboard,
        DefinitionsSync,
        ...APPROVAL_PROVIDERS,
        ApprovalSummaryService,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
