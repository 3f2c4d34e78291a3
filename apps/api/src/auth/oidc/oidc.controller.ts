import { Controller, Get, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import * as client from 'openid-client';
import type { AppConfig } from '@rodtrad/config';
import { authProvidersSchema, type AuthProviders } from '@rodtrad/contracts';
import { ApiProblem } from '../../common/problem/problem';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { Public } from '../auth.decorators';
import { RateLimiter } from '../rate-limiter';
import { setSessionCookie } from '../session-cookie';
import { BackchannelLogout } from './backchannel-logout.service';
import { OidcClient } from './oidc-client';
import { OidcFailure } from './oidc-failure';
import { OidcLoginStore, PENDING_LOGIN_SECONDS } from './oidc-login-store';
import { OidcSignInService } from './oidc-sign-in.service';
import { localReturnPath } from './return-to';

const LOGIN_COOKIE = 'rodtrad_oidc';
/** Sign-ins a client address may start per minute, and logout tokens the provider may send. */
const OIDC_LOGIN_LIMIT = { name: 'oidc-login', points: 60, windowSeconds: 60 };
const BACKCHANNEL_LIMIT = { name: 'oidc-backchannel', points: 600, windowSeconds: 60 };
const LOGIN_COOKIE_PATH = '/api/auth/oidc';
const redirectHeaders = {
  Location: { description: 'Where the browser goes next', schema: { type: 'string' } },
};
const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};
const notConfigured = {
  status: 404,
  description: 'OIDC_ISSUER is not set: Rödtråd signs in with passwords only',
  content: problemContent,
};

/**
 * Sign-in through the municipality's OpenID Connect provider. The paths are the contract the
 * provider's registration names: /api/auth/oidc/callback is the redirect URI and
 * /api/auth/oidc/backchannel-logout the back-channel logout URI (docs/operations.md).
 */
@ApiTags('Inloggning')
@Controller('auth')
export class OidcController {
  private readonly log = new Logger(OidcController.name);

  constructor(
    private readonly oidc: OidcClient,
    private readonly store: OidcLoginStore,
    private readonly signIn: OidcSignInService,
    private readonly backchannel: BackchannelLogout,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('providers')
  @ApiOperation({
    summary: 'Vilka inloggningssätt inloggningssidan erbjuder',
    description:
      'localLogin: passwords for everyone (LOCAL_LOGIN); oidc (only with OIDC_ISSUER): the button "Logga in med <name>" and the path it navigates to.',
  })
  @ApiOkResponse({ schema: authProvidersSchema })
  providers(): AuthProviders {
    return {
      localLogin: this.config.localLogin,
      ...(this.oidc.enabled
        ? { oidc: { name: this.config.oidcDisplayName, loginUrl: '/api/auth/oidc/login' } }
        : {}),
    };
  }

  @Public()
  @Get('oidc/login')
  @ApiOperation({
    summary: 'Logga in hos identitetsleverantören (OpenID Connect)',
    description:
      'A browser navigation. 302 to the provider’s authorization endpoint (authorization code flow with PKCE S256, state and nonce; the sign-in under way is kept server-side for 10 minutes under an httpOnly cookie; 60 a minute per client address, then 429). returnTo: a path of Rödtråd to land on afterwards (default /); anything else (another site, //host, a scheme) is refused with 422, never followed. maxAge: ask the provider for an authentication at most this many seconds old (max_age), as decisions that need a fresh sign-in do. When the provider cannot be reached: 302 to /logga-in?oidc-fel=provider-unavailable. 404 when OIDC_ISSUER is not set.',
  })
  @ApiQuery({ name: 'returnTo', required: false, schema: { type: 'string', example: '/uppgifter' } })
  @ApiQuery({ name: 'maxAge', required: false, schema: { type: 'integer', minimum: 0, maximum: 86400 } })
  @ApiResponse({
    status: 302,
    description: 'To the provider (or to the sign-in page with an error)',
    headers: redirectHeaders,
  })
  @ApiResponse(notConfigured)
  async login(
    @Query('returnTo') returnToParam: unknown,
    @Query('maxAge') maxAgeParam: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requireEnabled();
    // Each sign-in under way is kept for ten minutes: a client may start only so many.
    await this.limiter.hit(OIDC_LOGIN_LIMIT, req.ip ?? 'unknown');
    const returnTo = returnToParam === undefined ? '/' : localReturnPath(returnToParam);
    const errors = [];
    if (returnTo === null)
      errors.push({
        pointer: '/query/returnTo',
        message: 'Adressen att återvända till måste vara en sida i Rödtråd (börja med /).',
      });
    const maxAge = maxAgeParam === undefined ? undefined : Number(maxAgeParam);
    if (
      maxAge !== undefined &&
      !(typeof maxAgeParam === 'string' && /^\d{1,5}$/.test(maxAgeParam) && maxAge <= 86400)
    )
      errors.push({
        pointer: '/query/maxAge',
        message: 'maxAge ska vara ett heltal mellan 0 och 86400 sekunder.',
      });
    if (errors.length) throw ApiProblem.validation(errors);
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: returnTo as string,
      ...(maxAge !== undefined ? { maxAge } : {}),
    };
    let url: URL;
    try {
      url = await this.oidc.authorizationUrl(pending);
    } catch (e) {
      return this.fail(res, e);
    }
    const id = await this.store.put(pending);
    res.cookie(LOGIN_COOKIE, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https://'),
      path: LOGIN_COOKIE_PATH,
      maxAge: PENDING_LOGIN_SECONDS * 1000,
    });
    redirect(res, url.href);
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({
    summary: 'Återkomst från identitetsleverantören (redirect URI)',
    description:
      'Register <PUBLIC_URL>/api/auth/oidc/callback as the redirect URI at the provider. Checks that the answer belongs to this browser’s sign-in (state), exchanges the code with the PKCE verifier, validates the ID token (signature, iss, aud, nonce, max_age), finds or creates the user, recomputes their roles from groups, starts a session (httpOnly cookie) and sends the browser (302) to returnTo. On any failure 302 to /logga-in?oidc-fel=<code>, where the sign-in page explains it in Swedish: provider-unavailable, configuration, provider-refused, state-mismatch, invalid-response, not-allowed, no-roles.',
  })
  @ApiResponse({
    status: 302,
    description: 'Signed in (to returnTo) or not (to the sign-in page)',
    headers: redirectHeaders,
  })
  @ApiResponse(notConfigured)
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.requireEnabled();
    const cookies = req.cookies as Record<string, string> | undefined;
    res.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    const pending = await this.store.take(cookies?.[LOGIN_COOKIE]);
    try {
      if (!pending)
        throw new OidcFailure('state-mismatch', 'no sign-in under way in this browser (or it expired)');
      const callbackUrl = new URL(req.originalUrl, this.config.publicUrl);
      const identity = await this.oidc.exchange(callbackUrl, pending);
      const session = await this.signIn.signIn(identity);
      setSessionCookie(res, this.config, session.token, session.expiresAt);
      redirect(res, pending.returnTo);
    } catch (e) {
      this.fail(res, e);
    }
  }

  @Public()
  @Post('oidc/backchannel-logout')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Utloggning från identitetsleverantören (back-channel logout)',
    description:
      'Register <PUBLIC_URL>/api/auth/oidc/backchannel-logout as the back-channel logout URI (OpenID Connect Back-Channel Logout 1.0). The provider POSTs logout_token (application/x-www-form-urlencoded); the token’s signature (the provider’s keys), iss, aud, iat, the back-channel logout event, sub and/or sid are checked and a jti is accepted once. The sessions it names end at once in every API process. 200 (no body) when done, 400 problem+json for a token that fails a check, 404 when OIDC_ISSUER is not set. Needs no session and no Origin (it comes from the provider, not a browser).',
  })
  @ApiResponse({ status: 200, description: 'The sessions named have ended' })
  @ApiResponse({
    status: 400,
    description: 'No logout_token, or one that fails a check (code invalid-logout-token)',
    content: problemContent,
  })
  @ApiResponse(notConfigured)
  async backchannelLogout(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.requireEnabled();
    await this.limiter.hit(BACKCHANNEL_LIMIT, req.ip ?? 'unknown');
    res.setHeader('Cache-Control', 'no-store');
    const token = await logoutTokenOf(req);
    await this.backchannel.logout(token);
    res.status(200).end();
  }

  private requireEnabled(): void {
    if (!this.oidc.enabled) throw ApiProblem.notFound('Inloggning via identitetsleverantör');
  }

  private fail(res: Response, e: unknown): void {
    const failure = e instanceof OidcFailure ? e : new OidcFailure('invalid-response', String(e));
    if (!(e instanceof OidcFailure)) this.log.error(`OpenID sign-in failed: ${String(e)}`);
    else this.log.warn(`OpenID sign-in failed: ${failure.message}`);
    redirect(res, `/logga-in?oidc-fel=${failure.code}`);
  }
}

/** A 302 without a body (the API contract: a status declared without content comes without one). */
function redirect(res: Response, location: string): void {
  res.status(302).setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

/** logout_token from the form body (read here: the API parses only JSON bodies itself). */
async function logoutTokenOf(req: Request): Promise<string> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded'))
    throw ApiProblem.badRequest('Förväntade logout_token som application/x-www-form-urlencoded.');
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > 64 * 1024) throw ApiProblem.badRequest('För stor begäran.');
  }
  const token = new URLSearchParams(body).get('logout_token');
  if (!token)
    throw ApiProblem.badRequest('logout_token saknas.', [{ pointer: '/logout_token', message: 'Krävs.' }]);
  return token;
}
