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

@Module({})
export class AppModule {
  static with(handles: InfrastructureHandles): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.with(handles), LoggerModule.forRoot(loggerOptions(handles.config))],
      controllers: [AuthController, HealthController, OrgUnitsController, UsersController],
      providers: [
        ...REPOSITORY_PROVIDERS,
        OrgTreeService,
        Authorizer,
        RateLimiter,
        SignInService,
        OrgUnitsService,
        UsersService,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
