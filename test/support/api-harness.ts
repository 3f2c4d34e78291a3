import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '@rodtrad/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test code boots the app under test
import { createApiApp, type ApiApp } from '../../apps/api/src/bootstrap';
import { loadApiContract } from './api-contract';

export interface TestApi extends ApiApp {
  url: string;
  config: AppConfig;
  close(): Promise<void>;
  /**
   * fetch against the running API; JSON bodies are serialised for you. Every response is checked
   * against what /api/docs-json declares for it (./api-contract.ts): a mismatch throws.
   */
  request(
    method: string,
    path: string,
    opts?: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      raw?: string;
      /** A multipart/form-data body (fetch sets its content type and boundary). */
      form?: FormData;
    },
  ): Promise<TestResponse>;
  login(username: string, password?: string): Promise<string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
}

/** The real API (real MariaDB, real Redis) on an ephemeral port. */
export async function startTestApi(
  overrides: Record<string, string> = {},
  /** `port`: listen there (when PUBLIC_URL, e.g. an OpenID redirect URI, must be known first). */
  options: { port?: number } = {},
): Promise<TestApi> {
  const config = loadConfig({ ...process.env, ...overrides });
  const api = await createApiApp(config, { migrate: false });
  await api.app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const contract = await loadApiContract(url).catch(async (e: unknown) => {
    await api.app.close();
    throw e;
  });
  const request: TestApi['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
    let body: string | FormData | undefined = opts.raw;
    // A form: fetch writes the multipart content type with its boundary.
    if (opts.form !== undefined) body = opts.form;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    } else if (opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(url + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const mismatch = contract.check({
      method,
      path,
      status: res.status,
      contentType: res.headers.get('content-type'),
      text,
      body: parsed,
    });
    if (mismatch) throw new Error(`Response outside the API contract: ${mismatch}`);
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  const tokens = new Map<string, string>();
  return {
    ...api,
    url,
    config,
    request,
    async login(username, password = config.demoPassword) {
      const cached = tokens.get(username + '\0' + password);
      if (cached) return cached;
      const res = await request('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
      tokens.set(username + '\0' + password, res.body.token);
      return res.body.token as string;
    },
    close: () => api.app.close(),
  };
}
