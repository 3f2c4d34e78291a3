import { createPublicKey, constants, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** What a valid logout token names: the provider's user (sub), its session (sid), or both. */
export interface LogoutClaims {
  sub: string | null;
  sid: string | null;
  jti: string;
  iat: number;
}

export class LogoutTokenError extends Error {
  override name = 'LogoutTokenError';
}

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

const DIGEST: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const ALGORITHMS = /^(RS|PS|ES)(256|384|512)$|^EdDSA$/;
/** Tokens issued this long ago are stale (the provider sends them at once, and retries briefly). */
const MAX_AGE_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 60;

function part(text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* refused below */
  }
  throw new LogoutTokenError(`the ${what} is not a JSON object`);
}

function keyFor(keys: readonly JsonWebKey[], kid: unknown, alg: string): KeyObject {
  const kty = alg.startsWith('ES') ? 'EC' : alg === 'EdDSA' ? 'OKP' : 'RSA';
  const candidates = keys.filter(
    (k) =>
      k['kty'] === kty &&
      (k['use'] === undefined || k['use'] === 'sig') &&
      (kid === undefined || k['kid'] === kid) &&
      (k['alg'] === undefined || k['alg'] === alg),
  );
  if (candidates.length !== 1)
    throw new LogoutTokenError(`no single signing key of the provider matches (kid ${String(kid)}, ${alg})`);
  return createPublicKey({ key: candidates[0], format: 'jwk' });
}

/**
 * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6):
 * signed by the provider with an asymmetric algorithm (never `none`, never a shared secret),
 * issued by our issuer for our client, recent, carrying the back-channel logout event, naming a
 * sub or a sid, and no nonce. Throws LogoutTokenError with the reason otherwise.
 */
export function verifyLogoutToken(
  token: string,
  expected: { issuer: string; clientId: string; keys: readonly JsonWebKey[]; now?: Date },
): LogoutClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
    throw new LogoutTokenError('not a signed JWT (three base64url parts)');
  const header = part(parts[0], 'header');
  const alg = String(header['alg']);
  if (!ALGORITHMS.test(alg)) throw new LogoutTokenError(`algorithm ${alg} is not accepted`);
  const key = keyFor(expected.keys, header['kid'], alg);
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const digest = alg === 'EdDSA' ? null : DIGEST[alg.slice(2)];
  const ok =
    alg === 'EdDSA'
      ? verify(null, data, key, signature)
      : alg.startsWith('PS')
        ? verify(
            digest,
            data,
            { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 },
            signature,
          )
        : alg.startsWith('ES')
          ? verify(digest, data, { key, dsaEncoding: 'ieee-p1363' }, signature)
          : verify(digest, data, key, signature);
  if (!ok) throw new LogoutTokenError('the signature does not verify');

  const claims = part(parts[1], 'payload');
  const now = Math.floor((expected.now ?? new Date()).getTime() / 1000);
  if (claims['iss'] !== expected.issuer)
    throw new LogoutTokenError(`iss ${String(claims['iss'])} is not our issuer`);
  const aud = claims['aud'];
  if (!(aud === expected.clientId || (Array.isArray(aud) && aud.includes(expected.clientId))))
    throw new LogoutTokenError('aud does not name this client');
  const iat = claims['iat'];
  if (typeof iat !== 'number') throw new LogoutTokenError('iat is missing');
  if (iat > now + CLOCK_SKEW_SECONDS || iat < now - MAX_AGE_SECONDS)
    throw new LogoutTokenError('iat is too far from now');
  if (typeof claims['exp'] === 'number' && claims['exp'] < now - CLOCK_SKEW_SECONDS)
    throw new LogoutTokenError('the token has expired');
  const events = claims['events'];
  if (
    !events ||
    typeof events !== 'object' ||
    Array.isArray(events) ||
    typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object'
  )
    throw new LogoutTokenError('events lacks the back-channel logout event');
  if ('nonce' in claims) throw new LogoutTokenError('a logout token must not carry a nonce');
  const jti = claims['jti'];
  if (typeof jti !== 'string' || !jti) throw new LogoutTokenError('jti is missing');
  const sub = typeof claims['sub'] === 'string' && claims['sub'] ? claims['sub'] : null;
  const sid = typeof claims['sid'] === 'string' && claims['sid'] ? claims['sid'] : null;
  if (!sub && !sid) throw new LogoutTokenError('neither sub nor sid is given');
  return { sub, sid, jti, iat };
}
