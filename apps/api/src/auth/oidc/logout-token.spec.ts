import { generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { BACKCHANNEL_LOGOUT_EVENT, verifyLogoutToken } from './logout-token';

const now = new Date('2026-12-07T02:00:00Z');
const iat = Math.floor(now.getTime() / 1000);
const issuer = 'https://idp.hallsberg.example';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: KeyObject, kid: string): JsonWebKey => ({
  ...key.export({ format: 'jwk' }),
  kid,
  use: 'sig',
});
const keys = [jwk(publicKey, 'k1')];

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  key = privateKey,
): string {
  const head = b64({ alg: 'RS256', kid: 'k1', typ: 'logout+jwt', ...header });
  const body = b64(claims);
  return `${head}.${body}.${sign('sha256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}
const good = {
  iss: issuer,
  aud: 'rodtrad',
  iat,
  jti: 'j1',
  sub: 'user-1',
  sid: 'sess-1',
  events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
};
const check = (t: string) => verifyLogoutToken(t, { issuer, clientId: 'rodtrad', keys, now });

describe('the back-channel logout token', () => {
  it('names the user and the provider’s session when everything holds', () => {
    expect(check(token(good))).toEqual({ sub: 'user-1', sid: 'sess-1', jti: 'j1', iat });
    expect(check(token({ ...good, sub: undefined, aud: ['x', 'rodtrad'] }))).toMatchObject({
      sub: null,
      sid: 'sess-1',
    });
  });

  it.each([
    ['another key', () => token(good, {}, other.privateKey), /signature/],
    ['alg none', () => `${b64({ alg: 'none' })}.${b64(good)}.`, /algorithm none/],
    ['a shared-secret alg', () => token(good, { alg: 'HS256' }), /algorithm HS256/],
    ['an unknown kid', () => token(good, { kid: 'k9' }), /no single signing key/],
    ['another issuer', () => token({ ...good, iss: 'https://evil.example' }), /iss/],
    ['another audience', () => token({ ...good, aud: 'annan-klient' }), /aud/],
    ['no events', () => token({ ...good, events: undefined }), /events/],
    ['another event', () => token({ ...good, events: { 'urn:x': {} } }), /events/],
    ['a nonce', () => token({ ...good, nonce: 'n' }), /nonce/],
    ['neither sub nor sid', () => token({ ...good, sub: undefined, sid: undefined }), /neither sub nor sid/],
    ['no jti', () => token({ ...good, jti: undefined }), /jti/],
    ['an old iat', () => token({ ...good, iat: iat - 3600 }), /iat/],
    [
      'a tampered payload',
      () => token(good).replace(/\.[^.]+\./, `.${b64({ ...good, sub: 'admin' })}.`),
      /signature/,
    ],
    ['garbage', () => 'abc', /three base64url parts/],
  ])('refuses %s', (_what, make, reason) => {
    expect(() => check(make())).toThrow(reason);
  });
});
