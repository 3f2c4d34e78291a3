import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { isLoopbackHost, type AppConfig } from '@rodtrad/config';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { OidcFailure } from './oidc-failure';

/** What the provider's ID token (and, for groups, userinfo) said about the person. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  /** When the person last authenticated at the provider (auth_time), if it said. */
  authTime: Date | null;
  /** The provider's session id, which a back-channel logout names. */
  sid: string | null;
  idToken: string;
}

/** How long a failed discovery is remembered before the provider is asked again. */
const RETRY_DISCOVERY_MS = 5_000;

/**
 * The relying party, with openid-client: discovery (cached; asked again after a failure), the
 * authorization URL with PKCE, state and nonce, the code exchange with the ID token's signature,
 * issuer, audience, nonce and max_age checked, and the end-session URL. http:// is allowed only
 * for an issuer on a loopback address (libs/config refuses any other at start-up).
 */
@Injectable()
export class OidcClient {
  private readonly log = new Logger(OidcClient.name);
  private configuration?: Promise<client.Configuration>;
  private failedAt = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.oidcIssuer;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/logga-in?utloggad`;
  }

  /** The provider's metadata and our client, discovered once. */
  async discovered(): Promise<client.Configuration> {
    const issuer = this.config.oidcIssuer;
    if (!issuer) throw new OidcFailure('configuration', 'OIDC_ISSUER is not set');
    if (this.configuration && !(this.failedAt && Date.now() - this.failedAt > RETRY_DISCOVERY_MS))
      return this.configuration;
    this.failedAt = 0;
    const url = new URL(issuer);
    const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
    const secret = this.config.oidcClientSecret;
    this.configuration = client
      .discovery(
        url,
        this.config.oidcClientId as string,
        { redirect_uris: [this.redirectUri], response_types: ['code'] },
        secret ? client.ClientSecretBasic(secret) : client.None(),
        loopbackHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .then((configuration) => {
        // Verify the ID token's signature against the provider's keys even though it came straight
        // from the token endpoint (oauth4webapi would otherwise rely on TLS alone).
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      })
      .catch((e: unknown) => {
        this.failedAt = Date.now();
        this.log.warn(`Discovery at ${issuer} failed: ${String(e)}`);
        throw classify(e);
      });
    return this.configuration;
  }

  /** The provider's authorization URL for a new sign-in. */
  async authorizationUrl(p: {
    state: string;
    nonce: string;
    codeVerifier: string;
    maxAge?: number;
  }): Promise<URL> {
    const configuration = await this.discovered();
    const params: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: this.config.oidcScopes.join(' '),
      response_type: 'code',
      state: p.state,
      nonce: p.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(p.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (p.maxAge !== undefined) params['max_age'] = String(p.maxAge);
    return client.buildAuthorizationUrl(configuration, params);
  }

  /** Exchanges the code of `callbackUrl` and validates the ID token; OidcFailure when anything is off. */
  async exchange(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string; maxAge?: number },
  ): Promise<OidcIdentity> {
    const configuration = await this.discovered();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
        ...(checks.maxAge !== undefined ? { maxAge: checks.maxAge } : {}),
      });
    } catch (e) {
      this.log.warn(`Sign-in at the provider refused: ${describe(e)}`);
      throw classify(e);
    }
    const idToken = tokens.id_token as string;
    const claims = { ...(tokens.claims() as Record<string, unknown>) };
    const groupsClaim = this.config.oidcGroupsClaim;
    // Groups and e-mail may come only from userinfo (some providers keep the ID token small).
    if (
      (claims[groupsClaim] === undefined || claims['email'] === undefined) &&
      configuration.serverMetadata().userinfo_endpoint &&
      tokens.access_token
    ) {
      const info = await client
        .fetchUserInfo(configuration, tokens.access_token, claims['sub'] as string)
        .catch((e: unknown) => {
          this.log.warn(`Userinfo unavailable: ${describe(e)}`);
          return null;
        });
      for (const [k, v] of Object.entries(info ?? {})) if (claims[k] === undefined) claims[k] = v;
    }
    const authTime = typeof claims['auth_time'] === 'number' ? new Date(claims['auth_time'] * 1000) : null;
    return {
      issuer: String(claims['iss']),
      subject: String(claims['sub']),
      claims,
      authTime,
      sid: typeof claims['sid'] === 'string' ? claims['sid'] : null,
      idToken,
    };
  }

  /** The provider's end-session URL for an RP-initiated logout, or null when it has none. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    if (!this.enabled) return null;
    const configuration = await this.discovered().catch(() => null);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = { post_logout_redirect_uri: this.postLogoutRedirectUri };
    if (idToken) params['id_token_hint'] = idToken;
    else params['client_id'] = this.config.oidcClientId as string;
    return client.buildEndSessionUrl(configuration, params).href;
  }
}

function describe(e: unknown): string {
  // Errors may come from another realm (jest's sandbox): read them by shape, not by class.
  const parts: string[] = [];
  for (let at: unknown = e, depth = 0; at && depth < 4; depth++) {
    const err = at as { name?: string; message?: string; code?: string; cause?: unknown };
    parts.push(`${err.name ?? 'Error'}: ${err.message ?? String(at)}${err.code ? ` [${err.code}]` : ''}`);
    at = typeof at === 'object' ? err.cause : undefined;
  }
  return parts.join(' <- ');
}

/** The provider could not be reached, or answered something we do not accept. */
function classify(e: unknown): OidcFailure {
  if (e instanceof OidcFailure) return e;
  const text = describe(e);
  const code = (e as { code?: string }).code;
  if (
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    /fetch failed|ECONNREFUSED|ENOTFOUND|timeout|aborted/i.test(text)
  )
    return new OidcFailure('provider-unavailable', text);
  if (e instanceof client.AuthorizationResponseError) return new OidcFailure('provider-refused', text);
  if (e instanceof client.ResponseBodyError && ['invalid_client', 'unauthorized_client'].includes(e.error))
    return new OidcFailure('configuration', text);
  if (/state/i.test(text) && /mismatch|unexpected/i.test(text))
    return new OidcFailure('state-mismatch', text);
  return new OidcFailure('invalid-response', text);
}
