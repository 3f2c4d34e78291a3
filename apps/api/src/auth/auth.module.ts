import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { Authorizer } from './authorizer.service';
import { OrgTreeService } from './org-tree.service';
import { RateLimiter } from './rate-limiter';
import { SessionCache } from './session-cache';
import { SessionGuard } from './session.guard';
import { SignInService } from './sign-in.service';

/** Sign-in and sessions, the global session guard, and the authorization every feature asks. */
@Module({
  controllers: [AuthController],
  providers: [
    OrgTreeService,
    SessionCache,
    Authorizer,
    RateLimiter,
    SignInService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [OrgTreeService, SessionCache, Authorizer, RateLimiter],
})
export class AuthModule {}
