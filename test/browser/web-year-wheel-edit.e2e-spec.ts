import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, TEST_YEAR } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
const ENHETSPLAN = 'Enhetsplan antas av enhetschef';
const NEW_DATE = `${TEST_YEAR}-02-19`;

describe('web: the registrar changes the dates of the year wheel', () => {
  const browser = useBrowser();
  let registrator: Awaited<ReturnType<typeof apiAs>>;
  let originalDate: string;

  beforeAll(async () => {
    registrator = await apiAs('registrator');
    // The year's documents exist, so moving a line has documents to move (idempotent).
    expect((await registrator('POST', `/api/years/${TEST_YEAR}/open`)).status).toBe(200);
    const wheel = await registrator('GET', `/api/years/${TEST_YEAR}/calendar`);
    originalDate = wheel.body.items.find((e: { key: string }) => e.key === 'enhetsplan').date;
    expect(originalDate).not.toBe(NEW_DATE);
  });

  afterAll(async () => {
    // Put the line back so other browser tests on this year see the default wheel.
    await registrator('PUT', `/api/years/${TEST_YEAR}/calendar/enhetsplan`, { date: originalDate });
  });

  it('moves a line: the field refuses a bad date, then the new date and the moved documents are announced', async () => {
    const { page } = browser;
    await signIn(page, user('registrator'));
    await page.goto(`/arshjul/${TEST_YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Årshjul ${TEST_YEAR}` }).waitFor();

    const edit = page.getByRole('button', { name: `Ändra ”${ENHETSPLAN}”` });
    await edit.click();
    const input = page.getByLabel(`Nytt datum för ”${ENHETSPLAN}”`);
    await input.waitFor();
    expect(await activeId(page)).toBe('wheel-edit-enhetsplan');
    expect(await input.inputValue()).toBe(originalDate);
    await expectAccessible(page, 'Årshjul med formulär öppet');

    // A date far from the budget year: the server's 422 is shown at the field, which takes focus.
    await input.fill(`${TEST_YEAR + 5}-01-31`);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('#wheel-edit-enhetsplan[aria-invalid="true"]').waitFor();
    const error = page.locator('#wheel-edit-enhetsplan-error');
    expect(await error.textContent()).toBe(`Datumet ska ligga nära budgetåret ${TEST_YEAR}.`);
    expect(await input.getAttribute('aria-describedby')).toContain('wheel-edit-enhetsplan-error');
    expect(await activeId(page)).toBe('wheel-edit-enhetsplan');
    await expectAccessible(page, 'Årshjul med fel i formuläret');
    await screenshot(page, 'arshjul-andra-datum-fel');

    await input.fill(NEW_DATE);
    await page.getByRole('button', { name: 'Spara' }).click();
    const announced = page.getByRole('status').filter({
      hasText: new RegExp(`^${ENHETSPLAN}: nytt datum ${NEW_DATE}\\. \\d+ dokument fick ny sista dag\\.$`),
    });
    await announced.waitFor();
    const moved = Number(/(\d+) dokument fick/.exec((await announced.textContent()) ?? '')?.[1]);
    expect(moved).toBeGreaterThan(1);

    // The wheel reloads: the line now sits in February, marked as changed, and focus is back on "Ändra".
    const february = page.locator('.wheel-month').filter({
      has: page.getByRole('heading', { level: 2, name: `Februari ${TEST_YEAR}` }),
    });
    const line = february.locator('.wheel-event').filter({ hasText: ENHETSPLAN });
    await line.locator(`time[datetime="${NEW_DATE}"]`).waitFor();
    expect(await line.locator('.wheel-event-head .badge').textContent()).toBe('ändrad');
    await page.waitForFunction(() => document.activeElement?.id === 'wheel-edit-button-enhetsplan');
    await screenshot(page, 'arshjul-andra-datum');

    // The running documents moved with the line (end of the day, Stockholm time): as many as announced.
    const docs = await registrator('GET', `/api/documents?year=${TEST_YEAR}&type=enhetsplan&limit=500`);
    const due = docs.body.items.filter(
      (d: { dueAt: string | null }) => d.dueAt === `${NEW_DATE}T22:59:59.000Z`,
    );
    expect(due).toHaveLength(moved);
  });

  it('edits the åtgärdsplan line in days; Avbryt and Escape close the form and return focus to "Ändra"', async () => {
    const { page } = browser;
    await signIn(page, user('registrator'));
    await page.goto(`/arshjul/${TEST_YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Årshjul ${TEST_YEAR}` }).waitFor();

    const edit = page.getByRole('button', { name: 'Ändra ”Åtgärdsplan”' });
    await edit.click();
    const days = page.getByLabel('Antal dagar för ”Åtgärdsplan”');
    await days.waitFor();
    expect(await activeId(page)).toBe('wheel-edit-atgardsplan');
    await days.fill('400');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('#wheel-edit-atgardsplan[aria-invalid="true"]').waitFor();
    expect(await page.locator('#wheel-edit-atgardsplan-error').textContent()).toBe(
      'Värdet får vara högst 365.',
    );

    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'wheel-edit-button-atgardsplan');
    expect(await days.count()).toBe(0);

    await page.keyboard.press('Enter');
    await days.waitFor();
    expect(await activeId(page)).toBe('wheel-edit-atgardsplan');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.id === 'wheel-edit-button-atgardsplan');
    const wheel = await registrator('GET', `/api/years/${TEST_YEAR}/calendar`);
    expect(wheel.body.items.find((e: { key: string }) => e.key === 'atgardsplan').relativeDays).toBe(30);
  });

  it('offers no "Ändra" to a user who may not change the wheel', async () => {
    const { page } = browser;
    await signIn(page, user('transten.rektor'));
    await page.goto(`/arshjul/${TEST_YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Årshjul ${TEST_YEAR}` }).waitFor();
    await page.locator('.wheel-event').first().waitFor();
    expect(await page.locator('.wheel-event').count()).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
  });
});

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);
