import type { Page } from 'playwright-core';
import { expectAccessible, formatViolations, screenshot, signIn, useBrowser } from './support/browser';
import { FULL_YEAR_MONTHS, serveStatusMatrix, statusMatrixFixture } from './support/status-matrix-fixture';

// #18, found problem 6: the registrar's matrix at 1366 px. Before, about 5 of 18 columns were
// visible in a box scrolling both ways, filters were lost on reload, the exports ignored them, the
// status filter used one workflow's step names, and "Saknas" was missing from the legend.
const LAPTOP = { width: 1366, height: 768 };
const fixture = statusMatrixFixture(40, 2099, FULL_YEAR_MONTHS);

async function asRegistrar(page: Page): Promise<void> {
  await serveStatusMatrix(page, fixture);
  await signIn(page, { username: 'registrator', password: process.env['DEMO_PASSWORD'] ?? 'demo' });
}

describe('web: the registrar’s matrix on a 1366 px laptop', () => {
  const browser = useBrowser(LAPTOP);

  it('shows every column of a full year without scrolling sideways, with a full legend', async () => {
    const { page } = browser;
    await asRegistrar(page);
    await page.goto(`/inlamning/${fixture.year}`);
    await page.getByRole('heading', { level: 1, name: `Inlämningsstatus ${fixture.year}` }).waitFor();
    const table = page.locator('.status-table');
    await table.locator('tbody tr').nth(39).waitFor();
    expect(await table.locator('thead th[scope=col]').count()).toBe(1 + 6 + FULL_YEAR_MONTHS.length);
    await screenshot(page, 'inlamningsstatus-1366');
    const { scrollWidth, clientWidth } = await page
      .locator('.table-scroll')
      .evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // The header stays in view while the rows scroll.
    await page.locator('.table-scroll').evaluate((el) => el.scrollBy(0, 600));
    const header = await table.locator('thead th').first().boundingBox();
    const box = await page.locator('.table-scroll').boundingBox();
    expect(Math.round(header?.y ?? -1)).toBe(Math.round(box?.y ?? -2) + 1);
    const legend = page.locator('.legend');
    for (const word of ['Klar', 'Väntar på beslut', 'Behöver åtgärd', 'Pågår eller ej påbörjad', 'Saknas'])
      await expect(legend.textContent()).resolves.toContain(word);
    const violations = await expectAccessible(page, 'inlamningsstatus 1366');
    expect(formatViolations(violations)).toBe('');
  });

  it('filters by phase across document types, keeps the filter on reload and exports what it shows', async () => {
    const { page } = browser;
    await asRegistrar(page);
    await page.goto(`/inlamning/${fixture.year}`);
    const rows = page.locator('.status-table tbody tr');
    await rows.nth(39).waitFor();
    await page.getByLabel('Nämnd eller bolag').selectOption({ label: 'Nämnd 3' });
    await page.getByLabel('Fas').selectOption({ label: 'Inlämnad, väntar på beslut' });
    await page.getByLabel('Visa bara försenade').check();
    await page.waitForURL(/fas=submitted/);
    const url = new URL(page.url());
    expect(url.searchParams.get('namnd')).toBe('n3');
    expect(url.searchParams.get('sen')).toBe('1');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(4);
    // Every shown row has a late cell under review (the fixture's "review" is the submitted phase).
    for (let i = 0; i < shown; i++)
      await expect(rows.nth(i).locator('td.cell-overdue').count()).resolves.toBeGreaterThan(0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Inlämningsstatus ${fixture.year}` }).waitFor();
    await expect(page.getByLabel('Fas').inputValue()).resolves.toBe('submitted');
    await expect(page.getByLabel('Visa bara försenade').isChecked()).resolves.toBe(true);
    await rows.first().waitFor();
    expect(await rows.count()).toBe(shown);

    const csv = await page.getByRole('link', { name: `Ladda ner inlämningsstatus ${fixture.year} som CSV` });
    const href = new URL((await csv.getAttribute('href')) ?? '', 'http://x');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      format: 'csv',
      namndId: 'n3',
      phase: 'submitted',
      overdue: 'true',
    });
  });

  it('shows the steps, diarienummer and dates in each cell when asked', async () => {
    const { page } = browser;
    await asRegistrar(page);
    await page.goto(`/inlamning/${fixture.year}?visning=detaljer`);
    await page.locator('.status-table tbody tr').first().waitFor();
    await expect(page.getByLabel('Visa steg, diarienummer och datum i varje ruta').isChecked()).resolves.toBe(
      true,
    );
    await expect(page.locator('.status-table .dnr').count()).resolves.toBeGreaterThan(0);
    await page.getByLabel('Visa steg, diarienummer och datum i varje ruta').uncheck();
    await page.waitForURL((u) => !u.searchParams.has('visning'));
    await expect(page.locator('.status-table .dnr').count()).resolves.toBe(0);
  });
});
