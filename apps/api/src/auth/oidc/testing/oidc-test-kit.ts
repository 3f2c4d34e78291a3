import {
  freePort,
  startOidcProvider,
  startTestApi,
  type ProviderUser,
  type TestApi,
  type TestOidcProvider,
} from '@rodtrad/testing';

export const CLIENT_ID = 'rodtrad';
export const CLIENT_SECRET = 'rodtrad-test-client-secret';

/** Rödtråd (on a port known beforehand, for its redirect URI) registered at a real test provider. */
export async function startApiWithProvider(
  env: Record<string, string>,
  users: Record<string, ProviderUser>,
  oidcEnv: Record<string, string> = {},
): Promise<{ api: TestApi; provider: TestOidcProvider; publicUrl: string }> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({
    users,
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${publicUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/logga-in?utloggad`],
        backchannel_logout_uri: `${publicUrl}/api/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
    ],
  });
  const api = await startTestApi(
    {
      ...env,
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_DISPLAY_NAME: 'Hallsbergs konto',
      ...oidcEnv,
    },
    { port },
  ).catch(async (e: unknown) => {
    await provider.stop();
    throw e;
  });
  return { api, provider, publicUrl };
}

/**
 * A browser over HTTP: cookies per host, redirects followed by hand, the provider's login form
 * filled in. Requests to Rödtråd's /api go through `api.request` (checked against the contract).
 */
export class HttpBrowser {
  readonly cookies = new Map<string, Map<string, string>>();

  constructor(private readonly api: TestApi) {}

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(host)?.get(name);
  }

  private remember(url: URL, headers: Headers): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    this.cookies.set(url.host, jar);
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  private cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  /** One request, no redirect followed. */
  async go(
    method: string,
    href: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; text: string; url: URL }> {
    const url = new URL(href, this.api.url);
    const headers: Record<string, string> = { cookie: this.cookieHeader(url) };
    if (url.origin === this.api.url && url.pathname.startsWith('/api/')) {
      const res = await this.api.request(method, url.pathname + url.search, {
        headers,
        ...(form ? { raw: new URLSearchParams(form).toString() } : {}),
      });
      this.remember(url, res.headers);
      return { status: res.status, location: res.headers.get('location'), text: res.text, url };
    }
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, {
      method,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    this.remember(url, res.headers);
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), url };
  }

  /**
   * Follows redirects from `href`, signing in at the provider's login page as `login` when it
   * shows; stops at the first answer outside the provider and Rödtråd's OpenID paths.
   */
  async follow(href: string, login?: string): Promise<{ status: number; url: URL; location: string | null }> {
    let next: { method: string; href: string; form?: Record<string, string> } = { method: 'GET', href };
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.go(next.method, next.href, next.form);
      const onApi = res.url.origin === this.api.url;
      if (res.status >= 300 && res.status < 400 && res.location) {
        const target = new URL(res.location, res.url);
        if (target.origin === this.api.url && !target.pathname.startsWith('/api/'))
          return { status: res.status, url: target, location: res.location };
        next = { method: 'GET', href: target.href };
        continue;
      }
      if (!onApi && res.status === 200 && /name="login"/.test(res.text)) {
        if (!login) throw new Error('the provider asks for a login, and none was given');
        const action = /<form[^>]*action="([^"]+)"/.exec(res.text)?.[1] as string;
        next = {
          method: 'POST',
          href: new URL(action.replace(/&amp;/g, '&'), res.url).href,
          form: { prompt: 'login', login, password: 'valfritt' },
        };
        continue;
      }
      return { status: res.status, url: res.url, location: res.location };
    }
    throw new Error('too many redirects');
  }
}
