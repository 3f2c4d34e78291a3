import { expectAccessible, formatViolations, signIn, useBrowser } from './support/browser';

// #18, found problem 12: no user search; an empty username said "Värdet har fel form.".
describe('web: an administrator finds users and is told what a username must be', () => {
  const browser = useBrowser({ width: 1366, height: 768 });

  it('searches users by name or username, on a page that does not scroll sideways', async () => {
    const { page } = browser;
    await signIn(page);
    await page.goto('/admin');
    const users = page.getByRole('region', { name: 'Användare' });
    await users.getByRole('table').waitFor();
    await page.getByLabel('Sök användare på namn eller användarnamn').fill('transten');
    await users.getByRole('rowheader', { name: 'Erik Andersson' }).waitFor();
    // Only the one user whose name or username holds the text is listed.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent).join('|') ===
        'Erik Andersson',
    );
    await page.getByLabel('Sök användare på namn eller användarnamn').fill('ingen-sådan-person');
    await users.getByText('Ingen användare matchar ”ingen-sådan-person”.').waitFor();
    // The admin page does not scroll sideways on a 1366 px laptop.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(formatViolations(await expectAccessible(page, 'Administration, användarsökning'))).toBe('');
  });

  it('says an empty username is empty, and what a username may hold', async () => {
    const { page } = browser;
    await signIn(page);
    await page.goto('/admin');
    await page.getByRole('button', { name: 'Ny användare' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Namn', { exact: true }).fill('Test Testsson');
    await dialog.getByLabel('E-post').fill('test.testsson@hallsberg.se');
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await dialog.getByText('Fältet får inte vara tomt.').first().waitFor();
    await dialog.getByLabel('Användarnamn').fill('Test Testsson');
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await dialog
      .getByText('Värdet har fel form. Tillåtet: 2–80 gemener (a–z), siffror och . _ -.')
      .first()
      .waitFor();
  });
});
