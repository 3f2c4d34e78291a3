// A real OpenID provider for the integration and end-to-end tiers: oidc-provider (a certified
// implementation) in a process of its own, because it is an ES module that jest's CommonJS module
// system cannot load (see docs/testing.md). Started by oidc-provider.ts, which reads the first line
// of stdout ({"port": n}); configured by the JSON in OIDC_TEST_PROVIDER (issuer port, clients,
// users). Its devInteractions give a login page (fields login, password); any password is taken,
// the login is the account id.
//
// Test-only controls, under /__test/ on the same port: PUT /__test/users replaces the users (their
// groups change between sign-ins); PUT /__test/tamper {"idToken": "signature" | "payload" |
// "aud" | "iss" | "nonce" | "resigned" | null} corrupts the ID token of the token endpoint's answers: a broken
// signature, a claim changed after signing, or another audience, issuer or nonce signed again with
// the provider's own key (each must be refused); "resigned" signs the same claims again (the
// control: that one is accepted).
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
let users = options.users ?? {};
let tamper = null;
// The provider's signing key, ours so that a test can also forge a token signed with it: a
// claim changed and signed again (another audience, issuer or nonce) must still be refused.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: options.clients ?? [],
  // Every client must use PKCE, as Entra ID does for SPAs and as Rödtråd always does.
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups'],
  },
  // The scopes' claims (email, groups) go in the ID token, as Entra ID puts its groups claim there.
  conformIdTokenClaims: false,
  // Consent is the municipality's, given once by its administrator (as in Entra ID's admin
  // consent): every requested scope and claim is granted without a consent page.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope ?? 'openid');
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...user }) };
  },
  // The provider refuses to call special-use addresses (SSRF protection); here Rödtråd's
  // back-channel logout URI is on 127.0.0.1 by design, so that one check is left out.
  fetch: (url, options) => {
    delete options.dispatcher;
    return fetch(url, options);
  },
  cookies: { keys: ['rodtrad-test-provider-cookie-key'] },
  jwks: { keys: [signingKey] },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 3600, AccessToken: 3600 },
});
provider.proxy = false;
provider.on('backchannel.error', (_ctx, err, client) =>
  process.stderr.write(
    `backchannel logout to ${client.clientId} failed: ${err?.message} ${err?.cause?.message ?? ''}\n`,
  ),
);

provider.use(async (ctx, next) => {
  await next();
  if (tamper && ctx.path === '/token' && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    const [head, payload, signature] = ctx.body.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const resign = (changed) => {
      const body = Buffer.from(JSON.stringify(changed)).toString('base64url');
      const sig = sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url');
      return `${head}.${body}.${sig}`;
    };
    let idToken;
    if (tamper === 'signature') {
      const bytes = Buffer.from(signature, 'base64url');
      bytes[0] ^= 0xff;
      idToken = `${head}.${payload}.${bytes.toString('base64url')}`;
    } else if (tamper === 'payload') {
      const forged = Buffer.from(JSON.stringify({ ...claims, groups: ['GRP-Admin-Alla'] })).toString(
        'base64url',
      );
      idToken = `${head}.${forged}.${signature}`;
    } else if (tamper === 'resigned') idToken = resign(claims);
    else if (tamper === 'aud') idToken = resign({ ...claims, aud: 'en-annan-klient' });
    else if (tamper === 'iss') idToken = resign({ ...claims, iss: 'http://127.0.0.1:1/annan' });
    else if (tamper === 'nonce') idToken = resign({ ...claims, nonce: 'en-annan-inloggnings-nonce' });
    else idToken = ctx.body.id_token;
    ctx.body = { ...ctx.body, id_token: idToken };
  }
});

const callback = provider.callback();
server.on('request', (req, res) => {
  if (!req.url?.startsWith('/__test/')) return callback(req, res);
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const value = body ? JSON.parse(body) : {};
    if (req.method === 'PUT' && req.url === '/__test/users') users = value;
    else if (req.method === 'PUT' && req.url === '/__test/tamper') tamper = value.idToken ?? null;
    else {
      res.statusCode = 404;
      return res.end();
    }
    res.statusCode = 204;
    res.end();
  });
});

process.stdout.write(`${JSON.stringify({ port, issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
