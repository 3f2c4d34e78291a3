/**
 * Sign-in through the municipality's OpenID Connect provider (Entra ID, ADFS, …) and the local
 * passwords beside it. Declared here and spread into CONFIG_VARIABLES (config.ts), so they are
 * still declared once; `oidcProblems` checks the variables that only make sense together.
 */

import { isIP } from 'node:net';
import { bool, type ConfigKind, optionalText, variable } from './config-kind';
import { Invalid } from './invalid';

/** 127.0.0.0/8, localhost and ::1: where a test or a local trial may run a provider over http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Empty: OpenID Connect is off. Otherwise the issuer, https except on a loopback address. */
const issuer: ConfigKind<string | null> = {
  type: 'https URL (http only on 127.0.0.0/8, localhost, ::1), or empty: off',
  parse: (raw) => {
    if (raw.trim() === '') return null;
    let parsed: URL;
    try {
      parsed = new URL(raw.trim());
    } catch {
      throw new Invalid('must be the provider’s issuer URL (https://…)', raw);
    }
    if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname))
      throw new Invalid(
        'must use https:// (http:// is accepted only on a loopback address: 127.0.0.0/8, localhost, ::1)',
        raw,
      );
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new Invalid('must use https://', `${parsed.protocol}//`);
    if (parsed.search || parsed.hash) throw new Invalid('must not carry a query or a fragment', raw);
    return raw.trim().replace(/\/+$/, '');
  },
};
const requiredText: ConfigKind<string> = {
  type: 'text',
  parse: (raw) => {
    if (raw.trim() === '') throw new Invalid('must not be empty');
    return raw.trim();
  },
};
const scopes: ConfigKind<string[]> = {
  type: 'scopes separated by spaces, openid among them',
  parse: (raw) => {
    const list = raw.split(/\s+/).filter(Boolean);
    if (!list.includes('openid')) throw new Invalid('must include openid', raw);
    if (list.some((s) => !/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(s)))
      throw new Invalid('must be scope names separated by spaces', raw);
    return [...new Set(list)];
  },
};
const claimName: ConfigKind<string> = {
  type: 'claim name',
  parse: (raw) => {
    if (!/^[A-Za-z0-9_.:/-]{1,200}$/.test(raw.trim()))
      throw new Invalid('must be a claim name (letters, digits, _ . : / -)', raw);
    return raw.trim();
  },
};
export type OidcMatchClaim = 'email' | 'preferred_username' | 'none';
const matchClaim: ConfigKind<OidcMatchClaim> = {
  type: 'one of email, preferred_username, none',
  parse: (raw) => {
    if (!['email', 'preferred_username', 'none'].includes(raw))
      throw new Invalid('must be one of email, preferred_username, none', raw);
    return raw as OidcMatchClaim;
  },
};
const username: ConfigKind<string | null> = {
  type: 'username, or empty: none',
  parse: (raw) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return null;
    if (!/^[a-z0-9._-]{2,80}$/.test(name)) throw new Invalid('must be a Rödtråd username', raw);
    return name;
  },
};

export const OIDC_VARIABLES = [
  variable('OIDC_ISSUER', 'oidcIssuer', issuer, {
    default: '',
    description:
      'Issuer of the OpenID Connect provider (discovery at /.well-known/openid-configuration), e.g. https://login.microsoftonline.com/<tenant>/v2.0; empty: sign-in with local passwords only',
  }),
  variable('OIDC_CLIENT_ID', 'oidcClientId', optionalText, {
    default: '',
    description:
      'The client (application) id Rödtråd is registered with at the provider; required with OIDC_ISSUER',
  }),
  variable('OIDC_CLIENT_SECRET', 'oidcClientSecret', optionalText, {
    default: '',
    description:
      'The client secret (client_secret_basic); empty: a public client, which the provider must allow (PKCE is always used)',
    secret: true,
  }),
  variable('OIDC_SCOPES', 'oidcScopes', scopes, {
    default: 'openid profile email',
    description: 'Scopes asked for at sign-in',
  }),
  variable('OIDC_GROUPS_CLAIM', 'oidcGroupsClaim', claimName, {
    default: 'groups',
    description:
      'Claim of the ID token (or userinfo) that lists the user’s groups, which Administration maps to roles (Entra ID: groups, holding group object ids)',
  }),
  variable('OIDC_MATCH_CLAIM', 'oidcMatchClaim', matchClaim, {
    default: 'email',
    description:
      'At a user’s first OpenID sign-in, the claim that finds their existing Rödtråd account (email: by e-mail address; preferred_username: by username); after that the provider’s sub is used',
  }),
  variable('OIDC_JIT_PROVISIONING', 'oidcJitProvisioning', bool, {
    default: 'true',
    description:
      'Create a user unknown to Rödtråd at their first OpenID sign-in, with no roles but those of their groups (false: refuse them)',
  }),
  variable('OIDC_DISPLAY_NAME', 'oidcDisplayName', requiredText, {
    default: 'kommunens konto',
    description: 'Shown on the sign-in button: Logga in med <name>',
  }),
  variable('LOCAL_LOGIN', 'localLogin', bool, {
    default: 'true',
    description:
      'Sign-in with Rödtråd’s own passwords; false (needs OIDC_ISSUER): only BREAK_GLASS_USERNAME may still use a password',
  }),
  variable('BREAK_GLASS_USERNAME', 'breakGlassUsername', username, {
    default: '',
    description:
      'The administrator who may sign in with a password when LOCAL_LOGIN=false (for when the provider is down)',
  }),
] as const;

/** The variables that must agree with each other. */
export function oidcProblems(out: Record<string, unknown>): string[] {
  const problems: string[] = [];
  // An issuer that was refused is named already; its partners are not blamed for it.
  if (!('oidcIssuer' in out)) return problems;
  if (out['oidcIssuer'] && !out['oidcClientId'])
    problems.push('OIDC_CLIENT_ID is missing: it is required when OIDC_ISSUER is set');
  if (!out['oidcIssuer'] && out['oidcClientId'])
    problems.push(
      'OIDC_ISSUER is missing: OIDC_CLIENT_ID is set, but without an issuer there is no provider',
    );
  if (out['localLogin'] === false && !out['oidcIssuer'])
    problems.push(
      'LOCAL_LOGIN=false needs OIDC_ISSUER: otherwise nobody but the break-glass user could sign in',
    );
  return problems;
}
