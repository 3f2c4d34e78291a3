/**
 * Why an OpenID sign-in did not end in a session. The callback sends the browser to the sign-in
 * page with `?oidc-fel=<code>`, where the web app says in Swedish what happened and what to do
 * (apps/web/src/i18n/sv.ts, login.oidcError.*); the details go to the log, never to the page.
 */
export type OidcFailureCode =
  /** The provider could not be reached (discovery, token endpoint): try again later, or break glass. */
  | 'provider-unavailable'
  /** Rödtråd is configured wrongly for the provider (wrong client, secret or redirect URI). */
  | 'configuration'
  /** The provider said no (the user cancelled, or is not assigned to the application). */
  | 'provider-refused'
  /** The answer did not belong to this browser's sign-in (state), or it expired. */
  | 'state-mismatch'
  /** The ID token failed a check: signature, issuer, audience, nonce, age. */
  | 'invalid-response'
  /** The person is unknown to Rödtråd and OIDC_JIT_PROVISIONING is off, or their account is closed. */
  | 'not-allowed'
  /** Signed in, but neither their groups nor an administrator give them any role. */
  | 'no-roles';

export class OidcFailure extends Error {
  constructor(
    readonly code: OidcFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'OidcFailure';
  }
}

export const OIDC_FAILURE_CODES: readonly OidcFailureCode[] = [
  'provider-unavailable',
  'configuration',
  'provider-refused',
  'state-mismatch',
  'invalid-response',
  'not-allowed',
  'no-roles',
];
