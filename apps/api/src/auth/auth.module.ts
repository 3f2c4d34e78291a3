import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { BackchannelLogout } from './oidc/backchannel-logout.service';
import { OidcClient } from './oidc/oidc-client';
import { OidcLoginStore } from './oidc/oidc-login-store';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { OidcController } from './oidc/oidc.controller';
import { Authorizer } from './authorizer.service';
import { OrgTreeService } from './org-tree.service';
import { RateLimiter } from './rate-limiter';
import { SessionCache } from './session-cache';
import { SessionGuard } from './session.guard';
import { SignInService } from './sign-in.service';

/** Sign-in (passwords and OpenID Connect) and sessions, the global session guard, and the authorization every feature asks. */
@Module({
  controllers: [AuthController, OidcController],
  providers: [
    OrgTreeService,
    SessionCache,
    Authorizer,
    RateLimiter,
    SignInService,
    OidcClient,
    OidcLoginStore,
    OidcSignInService,
    BackchannelLogout,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [OrgTreeService, SessionCache, Authorizer, RateLimiter, OidcClient],
})
export class AuthModule {}
