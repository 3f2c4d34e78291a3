import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '@rodtrad/persistence';
import { isolatedStack, startTestApi, type TestApi } from '../support';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the test seeds the demo year as `npm start` does
import { seedDemoYear } from '../../apps/api/src/seed/demo-year-seeder';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';

/**
 * The lived-in demo in Chromium (#18), as a newcomer meets it after `npm start`: KS follows the
 * previous year's red thread down to the enheter and finds the escalated budget deviation; the
 * förvaltningschef comments on the åtgärdsplan (naming a colleague) and attaches underlag. Its own
 * API (built web app) on a database of its own, seeded with the demo year of a fixed day.
 */
const TODAY = new Date('2026-12-07T09:00:00Z');
const PREVIOUS = 2025;
const CURRENT = 2026;
const password = process.env['DEMO_PASSWORD'] ?? 'demo';

describe('web: the demo year', () => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const env = await isolatedStack('demo_web');
    const ds = await openDatabase({
      databaseUrl: env['DATABASE_URL'] as string,
      migrate: false,
      poolSize: 4,
    });
    try {
      const seeded = await seedDemoYear(ds, { today: TODAY });
      expect(seeded.refused).toEqual([]);
    } finally {
      await ds.destroy();
    }
    api = await startTestApi({ ...env, WEB_DIST: 'dist/web' });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: api.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  async function signIn(username: string): Promise<void> {
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  }

  it('shows KS the previous year’s red thread from the nämnd’s goal down to the enheter’s activities', async () => {
    await signIn('ks.ordforande');
    await page.goto(`/roda-traden/${PREVIOUS}`);
    await page.getByRole('heading', { level: 1, name: `Röda tråden ${PREVIOUS}` }).waitFor();
    await page.getByLabel('Nämnd').selectOption({ label: 'Bildningsnämnden' });
    const goal = page.locator('.thread-goal').filter({ hasText: 'Fler elever är behöriga till gymnasiet' });
    await goal.waitFor();
    // The förvaltning's strategy, an område's contribution and an enhet's activity, all adopted.
    await goal.getByText('Systematiskt arbete: fler elever är behöriga till gymnasiet').first().waitFor();
    await goal
      .getByText(/Grundskola bidrar/)
      .first()
      .waitFor();
    await goal
      .getByText(/Transtenskolan: aktivitet för fler elever/)
      .first()
      .waitFor();
    const light = goal
      .getByRole('row', { name: /Andel elever i åk 9 behöriga till gymnasiet/ })
      .locator('.light');
    expect(await light.textContent()).toBe('Enligt plan');
    expect(await expectAccessible(page, 'Röda tråden (demoåret)')).toEqual([]);
    await screenshot(page, 'demoar-roda-traden');
  });

  it('shows KS the budget deviation that escalated by itself, with its åtgärdsplan', async () => {
    await signIn('ks.ordforande');
    await page.goto('/avvikelser');
    const deviation = page.locator('li.escalation').filter({
      has: page.getByRole('heading', { level: 2, name: 'Väsentlig budgetavvikelse – Bildningsnämnden' }),
    });
    await deviation.waitFor();
    // An underskott in kronor (negative), and the åtgärdsplan the escalation created.
    expect(await deviation.textContent()).toMatch(/Avvikelse\s*[−-]\s*\d/);
    await deviation.getByRole('link', { name: 'Åtgärdsplanen' }).waitFor();
    expect(await expectAccessible(page, 'Avvikelser (demoåret)')).toEqual([]);
    await screenshot(page, 'demoar-avvikelser');
  });

  it('lets the förvaltningschef comment on the åtgärdsplan and attach underlag, both in the history', async () => {
    const [{ id }] = await api.dataSource.query(
      `SELECT d.id FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.type = 'atgardsplan' AND d.year = ? AND u.code = 'BIN'`,
      [CURRENT],
    );
    await signIn('bin.fvc');
    await page.goto(`/dokument/${id}`);
    const card = page.getByRole('region', { name: 'Kommentarer och underlag' });
    await card.waitFor();
    await card.getByLabel('Ny kommentar').fill('@bin.sekreterare Underlaget om skolskjutsarna är bifogat.');
    await card.getByRole('button', { name: 'Skicka kommentar' }).click();
    await card.getByText('Kommentaren är sparad. Ett mejl skickas till Johan Ek.').waitFor();
    await card.getByText('Underlaget om skolskjutsarna är bifogat.', { exact: false }).first().waitFor();

    await card.getByLabel('Bifoga en fil').setInputFiles({
      name: 'Skolskjutsar 2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% underlag\n%%EOF\n'),
    });
    await card.getByRole('button', { name: 'Bifoga', exact: true }).click();
    await card.getByText('Skolskjutsar 2026.pdf är bifogad.').waitFor();
    await card.getByRole('link', { name: 'Skolskjutsar 2026.pdf' }).waitFor();

    const history = page.getByRole('region', { name: 'Historik' });
    await history.getByText('Underlag bifogat').waitFor();
    await history.getByText('Kommentar', { exact: true }).waitFor();
    expect(await expectAccessible(page, 'Dokument med kommentarer och underlag')).toEqual([]);
    await screenshot(page, 'demoar-kommentarer-och-underlag');
  });
});
