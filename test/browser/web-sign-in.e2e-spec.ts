import { DEMO_USER, expectAccessible, screenshot, signIn, useBrowser } from './support/browser';

describe('web: sign in', () => {
  const browser = useBrowser();

  it('shows an accessible Swedish sign-in page and signs in', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.waitForURL(/\/logga-in/);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expectAccessible(page, 'Logga in');
    await screenshot(page, 'logga-in');

    await page.getByLabel('Användarnamn').fill(DEMO_USER.username);
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('shows the signed-in user, roles and a sign-out button in the header', async () => {
    const { page } = browser;
    await signIn(page);
    const header = page.getByRole('banner');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    await header.getByText(me.name, { exact: true }).waitFor();
    expect(await header.getByRole('list', { name: 'Dina roller' }).getByRole('listitem').count()).toBe(
      me.roles.length,
    );
    const current = page.getByRole('navigation', { name: 'Huvudmeny' }).locator('[aria-current="page"]');
    expect(await current.textContent()).toBe('Mina uppgifter');
    await expectAccessible(page, 'app shell');
    await screenshot(page, 'header');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.getByText('Du är utloggad.').waitFor();
  });

  it('ties a wrong-password error to the password field', async () => {
    const { page } = browser;
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill(DEMO_USER.username);
    await page.getByLabel('Lösenord', { exact: true }).fill(`${DEMO_USER.password}-fel`);
    await page.getByRole('button', { name: 'Logga in' }).click();

    const summary = page.getByRole('alert');
    await summary.getByText('Fel användarnamn eller lösenord.').waitFor();
    // The summary takes focus, and links to the field.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    const password = page.locator('#login-password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(
      `[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`,
    );
    expect(await message.textContent()).toContain('Fel användarnamn eller lösenord.');
    await expectAccessible(page, 'Logga in (fel lösenord)');
    await screenshot(page, 'logga-in-fel-losenord');

    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
  });
});
