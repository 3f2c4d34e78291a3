import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@rodtrad/config';
import {
  currentUserSchema,
  loginRequestSchema,
  loginResponseSchema,
  logoutRedirectSchema,
  type CurrentUser,
  type LogoutRedirect,
  type LoginRequest,
  type LoginResponse,
} from '@rodtrad/contracts';
import { ValidBody } from '../common/validation/body';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CurrentPrincipal, Public } from './auth.decorators';
import type { Principal } from './principal';
import { setSessionCookie } from './session-cookie';
import { SESSION_COOKIE, sessionToken } from './session.guard';
import { SignInService } from './sign-in.service';

@ApiTags('Inloggning')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Logga in',
    description:
      'Returns a bearer token and sets an httpOnly session cookie. With LOCAL_LOGIN=false only BREAK_GLASS_USERNAME may sign in with a password; anyone else gets 403 with code local-login-disabled (before the password is looked at). Failed sign-ins are limited per username and, separately, per client address (TRUST_PROXY decides which address that is); beyond either limit a wrong password gets 429 with Retry-After, and a username’s lock-outs in a row grow longer. A correct password signs in whenever its own username is not locked out.',
  })
  @ApiOkResponse({ schema: loginResponseSchema })
  async login(
    @ValidBody(loginRequestSchema) body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { token, expiresAt, user } = await this.signIn.signIn(body, req.ip ?? 'unknown');
    setSessionCookie(res, this.config, token, expiresAt);
    return { token, expiresAt: expiresAt.toISOString(), user };
  }

  @Public()
  @Post('logout')
  @ApiOperation({
    summary: 'Logga ut',
    description:
      'Ends the session of the cookie or bearer token, if any: 204. A session signed in through the identity provider (OpenID Connect) gets 200 with redirectTo, the provider’s end_session_endpoint (RP-initiated logout, with id_token_hint and post_logout_redirect_uri <PUBLIC_URL>/logga-in?utloggad), where the browser goes to sign out there too.',
  })
  @ApiResponse({ status: 204, description: 'Signed out' })
  @ApiOkResponse({ schema: logoutRedirectSchema, description: 'Signed out here; go on to the provider' })
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    const redirectTo = await this.signIn.signOut(sessionToken(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    if (!redirectTo) {
      res.status(204).end();
      return;
    }
    const body: LogoutRedirect = { redirectTo };
    res.status(200).json(body);
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Den inloggade användaren, med roller och enheter' })
  @ApiOkResponse({ schema: currentUserSchema })
  me(@CurrentPrincipal() principal: Principal): Promise<CurrentUser> {
    return this.signIn.currentUser(principal.userId);
  }
}
