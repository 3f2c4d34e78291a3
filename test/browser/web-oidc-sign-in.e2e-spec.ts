import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isolatedStack, type TestApi, type TestOidcProvider } from '../support';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the test starts the API with its provider
import { CLIENT_ID, startApiWithProvider } from '../../apps/api/src/auth/oidc/testing/oidc-test-kit';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';

/**
 * A rektor signs in through the municipality's identity provider, a REAL OpenID provider
 * (oidc-provider on a free port), in Chromium: its login page, back to Mina uppgifter with the role
 * from her group; the provider's back-channel logout ends her session; a tampered ID token is
 * refused with a Swedish message. The API runs in this process (with OIDC_ISSUER set, serving the
 * built web app) on a database of its own.
 */
describe('web: sign-in through the municipality’s identity provider', () => {
  let api: TestApi;
  let provider: TestOidcProvider;
  let publicUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const env = await isolatedStack('oidc_web');
    ({ api, provider, publicUrl } = await startApiWithProvider(
      { ...env, WEB_DIST: 'dist/web' },
      {
        rita: {
          name: 'Rita Rektor',
          email: 'rita.rektor@hallsberg.example',
          email_verified: true,
          preferred_username: 'rita.rektor',
          groups: ['GRP-Rektor-Ekangen'],
        },
      },
    ));
    const admin = await api.login('admin');
    const [{ id: ekangen }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'EKA'");
    const mapped = await api.request('POST', '/api/group-mappings', {
      token: admin,
      body: { group: 'GRP-Rektor-Ekangen', role: 'enhetschef', orgUnitId: ekangen },
    });
    expect(mapped.status).toBe(201);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      baseURL: publicUrl,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  async function signInAtProvider(login: string): Promise<void> {
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Logga in med Hallsbergs konto' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('valfritt-losenord');
    await page.locator('button[type="submit"]').click();
  }

  it('offers the provider on an accessible sign-in page, and lands the rektor on Mina uppgifter with her group’s role', async () => {
    await page.goto('/');
    await page.waitForURL(/\/logga-in/);
    await page.getByRole('link', { name: 'Logga in med Hallsbergs konto' }).waitFor();
    expect(await expectAccessible(page, 'Logga in (med identitetsleverantör)')).toEqual([]);
    await screenshot(page, 'logga-in-oidc');

    await signInAtProvider('rita');
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({
      name: 'Rita Rektor',
      roles: [{ role: 'enhetschef', orgUnitName: 'Ekängsskolan', source: 'group' }],
    });
    await page.getByRole('banner').getByText('Rita Rektor', { exact: true }).waitFor();

    // The person signs out at the provider; it tells Rödtråd over the back channel.
    await page.goto(`${provider.issuer}/session/end?client_id=${CLIENT_ID}`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(/session\/end\/success/);
    await page.goto(`${publicUrl}/`);
    await page.waitForURL(/\/logga-in/);
    const after = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(after).toBe(401);
  });

  it('signs out at the provider too when the rektor signs out of Rödtråd', async () => {
    await signInAtProvider('rita');
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // RP-initiated logout: the provider asks, then sends the browser back to the sign-in page.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(/\/logga-in\?utloggad/);
    await page.getByText('Du är utloggad.').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    // Signed out at the provider as well: the next sign-in asks for the password again.
    await page.getByRole('link', { name: 'Logga in med Hallsbergs konto' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').waitFor();
  });

  it('refuses a tampered ID token and says so in Swedish', async () => {
    await provider.tamper('signature');
    try {
      await signInAtProvider('rita');
      await page.waitForURL(/\/logga-in\?oidc-fel=invalid-response/);
      await page.getByText('Svaret från inloggningstjänsten kunde inte godkännas').waitFor();
      expect(await expectAccessible(page, 'Logga in (fel från identitetsleverantören)')).toEqual([]);
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    } finally {
      await provider.tamper(null);
    }
  });

  it('lets an administrator map a group to a role on an accessible page', async () => {
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord', { exact: true }).fill(api.config.demoPassword);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Grupper och roller' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Grupper och roller' }).waitFor();
    await page.getByRole('cell', { name: 'Ekängsskolan', exact: true }).waitFor();
    expect(await expectAccessible(page, 'Grupper och roller')).toEqual([]);

    await page.getByLabel('Grupp', { exact: true }).fill('GRP-Rektor-Transten');
    await page.getByLabel('Roll', { exact: true }).selectOption('enhetschef');
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Transtenskolan' });
    await page.getByRole('button', { name: 'Koppla gruppen' }).click();
    await page.getByText('Gruppen är kopplad.').waitFor();
    await page.getByRole('rowheader', { name: 'GRP-Rektor-Transten' }).waitFor();
    expect(await expectAccessible(page, 'Grupper och roller (kopplad)')).toEqual([]);
    await screenshot(page, 'grupper-och-roller');
  });
});
