import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, TEST_YEAR } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });

describe('web: year wheel, red thread and administration', () => {
  const browser = useBrowser();

  it('opens the year from the year wheel with progress and the counts, and lists its events by month', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    // The menu opens this year's wheel (the year in Stockholm, where the browser is).
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årshjul' }).click();
    const thisYear = await page.evaluate(() => new Date().getFullYear());
    await page.getByRole('heading', { level: 1, name: `Årshjul ${thisYear}` }).waitFor();
    // The test's year is reached from the year before it, whatever today's year is.
    await page.goto(`/arshjul/${TEST_YEAR - 1}`);
    await page.getByRole('link', { name: /Nästa år/ }).click();
    await page.getByRole('heading', { level: 1, name: `Årshjul ${TEST_YEAR}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Januari ${TEST_YEAR}` }).waitFor();
    const ical = page.getByRole('link', { name: `Årshjulet ${TEST_YEAR} som kalenderfil (iCal)` });
    expect(await ical.getAttribute('href')).toBe(`/api/years/${TEST_YEAR}/calendar.ics`);

    await page.getByRole('button', { name: `Öppna året ${TEST_YEAR}` }).click();
    const result = page.getByText(/^Året är öppnat: \d+ dokument skapades, \d+ fanns redan\.$/);
    await result.waitFor({ timeout: 60_000 });
    // Behind each event: its documents, counted and listed.
    const enhetsplan = page.locator('.wheel-event').filter({ hasText: 'Enhetsplan' }).first();
    await enhetsplan
      .locator('summary')
      .filter({ hasText: /\d+ dokument/ })
      .click();
    await enhetsplan.getByRole('link', { name: /Transtenskolan/ }).waitFor();
    await expectAccessible(page, 'Årshjul');
    await screenshot(page, 'arshjul');
  });

  it('shows the red thread with traffic lights in words and filters it by nämnd', async () => {
    await writeGoalAndResult();
    const { page } = browser;
    await signIn(page, user('ks.ordforande'));
    await page.goto(`/roda-traden/${TEST_YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Röda tråden ${TEST_YEAR}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vision' }).waitFor();
    await page.locator('.thread-area').first().waitFor();
    await page.getByLabel('Nämnd').selectOption({ label: 'Bildningsnämnden' });
    await page.getByRole('heading', { level: 2, name: 'Vision' }).waitFor();
    const names = await page.locator('.thread-goal h3 .muted').allTextContents();
    expect(names.every((n) => n.includes('Bildningsnämnden'))).toBe(true);
    const goal = page.locator('.thread-goal').filter({ hasText: 'Fler elever når kunskapskraven' });
    const row = goal.getByRole('row', { name: /Andel behöriga till gymnasiet/ });
    await row.waitFor();
    // The light is told in words as well as colour.
    expect(await row.locator('.light').textContent()).toMatch(
      /^(Enligt plan|Delvis enligt plan|Inte enligt plan)$/,
    );
    expect(await row.textContent()).toContain('84 %');
    await expectAccessible(page, 'Röda tråden');
    await screenshot(page, 'roda-traden');
  });

  it('lets an admin create a user with a role, showing the server’s field errors first', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('region', { name: 'Användare' }).getByRole('table').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gränser för väsentlig avvikelse' }).waitFor();
    await expectAccessible(page, 'Administration');
    await screenshot(page, 'administration-formular');

    await page.getByRole('button', { name: 'Ny användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny användare' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('user-username');
    await dialog.getByLabel('Användarnamn').fill('Ny Person!');
    await dialog.getByLabel('Namn', { exact: true }).fill('Nina Persson');
    await dialog.getByLabel('E-post').fill('inte-en-adress');
    await dialog.getByRole('button', { name: 'Lägg till roll' }).click();
    await dialog.getByLabel('Roll', { exact: true }).selectOption({ label: 'Enhetschef' });
    await dialog.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Ekängsskolan' });
    await dialog.getByRole('button', { name: 'Skapa' }).click();

    // 422 from the server: each message at its field, and a summary that takes focus.
    const summary = dialog.getByRole('alert');
    await summary.waitFor();
    await expectInvalid(page, 'user-username');
    await expectInvalid(page, 'user-email');
    await expectAccessible(page, 'Ny användare med fel');
    await screenshot(page, 'administration-ny-anvandare-fel');

    await dialog.getByLabel('Användarnamn').fill('nina.persson');
    await dialog.getByLabel('E-post').fill('nina.persson@hallsberg.example');
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await page.getByText('Användaren Nina Persson är skapad.').waitFor();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('saves a nämnd’s deviation threshold', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto('/admin');
    const panel = page.getByRole('region', { name: 'Gränser för väsentlig avvikelse' });
    await panel.getByLabel('Nämnd').selectOption({ label: 'Bildningsnämnden' });
    await panel.getByLabel('Gräns i kronor').fill('tre miljoner');
    await panel.getByRole('button', { name: 'Spara' }).click();
    await expectInvalid(page, 'threshold-kronor');
    await panel.getByLabel('Gräns i kronor').fill('3 000 000');
    await panel.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Gränsen för Bildningsnämnden är sparad.').waitFor();
    await panel.getByText('Gäller nu: 3 000 000 kr').waitFor();
  });
});

/** Bildningsnämnden's nämndmål with an indicator, and a tertial result for it (as the förvaltningschef). */
async function writeGoalAndResult(): Promise<void> {
  const fvc = await apiAs('bin.fvc');
  const units = await fvc('GET', '/api/org-units');
  const bin = units.body.items.find((u: { code: string }) => u.code === 'BIN');
  const write = async (type: string, data: object) => {
    const found = await fvc('GET', `/api/documents?year=${TEST_YEAR}&type=${type}&orgUnitId=${bin.id}`);
    const doc = found.body.items[0];
    expect(doc).toBeDefined();
    const saved = await fvc('PUT', `/api/documents/${doc.id}/data`, { data, expectedVersion: doc.version });
    expect(saved.status).toBe(200);
  };
  const indicator = 'Andel behöriga till gymnasiet';
  await write('mal-och-budget', {
    namndmal: [
      {
        id: 'BIN-1',
        titel: 'Fler elever når kunskapskraven',
        strategisktOmrade: 'Livslångt lärande',
        indikatorer: [{ namn: indicator, ingangsvarde: 80, malniva: 90, enhet: '%' }],
      },
    ],
  });
  await write('tertialrapport', {
    maluppfyllelse: [{ namndmalId: 'BIN-1', indikator: indicator, utfall: 84 }],
  });
}

async function expectInvalid(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}[aria-invalid="true"]`).waitFor();
  const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
  expect(describedBy).toContain(`${id}-error`);
}
