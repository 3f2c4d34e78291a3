import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@rodtrad/config';
import {
  currentUserSchema,
  loginRequestSchema,
  loginResponseSchema,
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
} from '@rodtrad/contracts';
import { ValidBody } from '../common/validation/body';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CurrentPrincipal, Public } from './auth.decorators';
import type { Principal } from './principal';
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
      'Returns a bearer token and sets an httpOnly session cookie. Failed sign-ins are limited per username and, separately, per client address (TRUST_PROXY decides which address that is); beyond either limit a wrong password gets 429 with Retry-After, and a username’s lock-outs in a row grow longer. A correct password signs in whenever its own username is not locked out.',
  })
  @ApiOkResponse({ schema: loginResponseSchema })
  async login(
    @ValidBody(loginRequestSchema) body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { token, expiresAt, user } = await this.signIn.signIn(body, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https://'),
      path: '/',
      expires: expiresAt,
    });
    return { token, expiresAt: expiresAt.toISOString(), user };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Logga ut',
    description: 'Ends the session of the cookie or bearer token, if any.',
  })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.signIn.signOut(sessionToken(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
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
