import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A person at the test provider: the login is the account id (the ID token's sub). */
export interface ProviderUser {
  name?: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  groups?: string[];
}

export interface ProviderClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  backchannel_logout_uri?: string;
  backchannel_logout_session_required?: boolean;
  token_endpoint_auth_method?: string;
}

export interface TestOidcProvider {
  issuer: string;
  port: number;
  setUsers(users: Record<string, ProviderUser>): Promise<void>;
  /** Corrupt the ID token the token endpoint answers with (null: stop). */
  tamper(idToken: 'signature' | 'payload' | 'aud' | 'iss' | 'nonce' | 'resigned' | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, ./oidc-provider/provider.mjs) on a free local port, in a
 * child process: it is an ES module, which jest's CommonJS module system cannot load in the test's
 * own process. Resolves when it listens.
 */
export async function startOidcProvider(options: {
  clients: ProviderClient[];
  users: Record<string, ProviderUser>;
  port?: number;
}): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider', 'provider.mjs')], {
    env: { ...process.env, NODE_ENV: 'test', OIDC_TEST_PROVIDER: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (process.env['OIDC_TEST_PROVIDER_LOG']) process.stderr.write(c);
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // oidc-provider prints its development warnings first; the line that matters is ours.
    lines.on('line', (line) => line.startsWith('{"port"') && resolve(line));
    child.once('exit', (code) => reject(new Error(`the test OpenID provider exited (${code}): ${stderr}`)));
  });
  const { port, issuer } = JSON.parse(first) as { port: number; issuer: string };
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${issuer}/__test/${path}`, { method: 'PUT', body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`provider control ${path}: ${res.status}`);
  };
  return {
    issuer,
    port,
    setUsers: (users) => put('users', users),
    tamper: (idToken) => put('tamper', { idToken }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
