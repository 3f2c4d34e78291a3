import { expectAccessible, MOBILE, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

describe('web: pages', () => {
  const browser = useBrowser();

  it('renders Mina uppgifter with a list, an empty state or a not-yet-available notice', async () => {
    const { page } = browser;
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    const settled = page
      .locator('.task-list')
      .or(page.getByText('Inget väntar på dig just nu'))
      .or(page.getByText('Den här delen är inte tillgänglig ännu.'));
    await settled.first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'Mina uppgifter');
    await screenshot(page, 'mina-uppgifter');
  });

  it('lists users and the organisation on the admin page', async () => {
    const { page } = browser;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const users = page.getByRole('region', { name: 'Användare' });
    await users.getByRole('table').waitFor();
    const rows = users.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await users.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await page.locator('.org-tree li').first().waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .locator('[aria-current="page"]')
        .textContent(),
    ).toBe('Administration');
    await expectAccessible(page, 'Administration');
    await screenshot(page, 'administration');
  });

  it('deletes an empty unit after asking, and says why a unit in use cannot be deleted', async () => {
    const admin = await apiAs('admin');
    const units = await admin('GET', '/api/org-units?limit=500');
    const kommun = units.body.items.find((u: { kind: string }) => u.kind === 'kommun');
    const name = `Tillfälliga bolaget ${Date.now().toString(36)}`;
    const created = await admin('POST', '/api/org-units', {
      parentId: kommun.id,
      kind: 'bolag',
      name,
      code: `T${Date.now().toString(36).slice(-6).toUpperCase()}`,
    });
    expect(created.status).toBe(201);

    const { page } = browser;
    await signIn(page);
    await page.goto('/admin');
    const org = page.getByRole('region', { name: 'Organisation' });
    // Kommunfullmäktige has role holders: the server refuses, the dialog says why, nothing changes.
    await org.getByRole('button', { name: 'Ta bort Kommunfullmäktige' }).click();
    const refuse = page.getByRole('dialog', { name: 'Ta bort Kommunfullmäktige?' });
    await refuse.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await refuse.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await refuse
      .getByRole('alert')
      .getByText('Enheten har rolltilldelningar och kan inte tas bort.')
      .waitFor();
    await expectAccessible(page, 'Administration (ta bort enhet)');
    await refuse.getByRole('button', { name: 'Avbryt' }).click();
    await org.locator('.org-name', { hasText: 'Kommunfullmäktige' }).waitFor();

    await org.getByRole('button', { name: `Ta bort ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Ta bort ${name}?` });
    await confirm.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await page.getByText(`${name} är borttagen.`).waitFor();
    await org.locator('.org-name', { hasText: name }).waitFor({ state: 'detached' });
    expect((await admin('GET', `/api/org-units/${created.body.id}`)).status).toBe(404);
  });

  it('shows a Swedish page for an unknown approval link, without signing in', async () => {
    const { page } = browser;
    await page.goto('/approve/finns-inte-0000000000');
    await page.getByRole('heading', { level: 1, name: 'Länken är okänd' }).waitFor();
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);
    await expectAccessible(page, 'Godkännande (okänd länk)');
    await screenshot(page, 'godkannande-okand-lank');
  });

  it('shows the 404 page for an unknown address', async () => {
    const { page } = browser;
    await signIn(page);
    await page.goto('/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await expectAccessible(page, '404');
    await screenshot(page, 'sidan-finns-inte');
  });
});

describe('web: approval link on a phone', () => {
  const browser = useBrowser(MOBILE);

  it('fits the unknown-link page on a small screen', async () => {
    const { page } = browser;
    await page.goto('/approve/finns-inte-0000000000');
    await page.getByRole('heading', { level: 1, name: 'Länken är okänd' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'godkannande-okand-lank-mobil');
  });
});
