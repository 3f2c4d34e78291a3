import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// A year of its own: the other browser tests read TEST_YEAR's wheel as the default.
const YEAR = 2095;

describe('web: the registrar chooses the monthly reports and the month KS treats each (#15)', () => {
  const browser = useBrowser();

  it('refuses a KS month that is not after its month at the field, then saves and announces the months', async () => {
    const { page } = browser;
    await signIn(page, user('registrator'));
    await page.goto(`/arshjul/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Årshjul ${YEAR}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Månadsrapporter' }).waitFor();
    await page.getByText('Ändra månadsrapporterna').click();

    const february = page.getByLabel('Kommunstyrelsen behandlar rapporten för februari i');
    await february.waitFor();
    expect(await february.inputValue()).toBe('3');
    expect(await page.getByLabel('Månadsrapport för maj').isChecked()).toBe(false);
    await expectAccessible(page, 'Årshjul med månadsrapporterna');

    await february.selectOption('2');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('#wheel-months-ks-2[aria-invalid="true"]').waitFor();
    expect(await page.locator('#wheel-months-ks-2-error').textContent()).toBe(
      'Kommunstyrelsen behandlar rapporten en senare månad samma budgetår (2–12).',
    );
    await page.waitForFunction(() => document.activeElement?.id === 'wheel-months-ks-2');
    await expectAccessible(page, 'Månadsrapporterna med fel');

    await february.selectOption('3');
    await page.getByLabel('Månadsrapport för maj').check();
    await page.getByLabel('Kommunstyrelsen behandlar rapporten för maj i').selectOption('6');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Månadsrapporterna är sparade: februari (mars), mars (april), maj (juni), juli (september), september (oktober), oktober (november), november (december).',
      })
      .waitFor();
    // The wheel reloads with May's report in June.
    const june = page.locator('.wheel-month').filter({
      has: page.getByRole('heading', { level: 2, name: `Juni ${YEAR}` }),
    });
    await june
      .locator('.wheel-event')
      .filter({ hasText: `Månadsrapport maj ${YEAR}` })
      .waitFor();
    await screenshot(page, 'arshjul-manadsrapporter');

    const registrator = await apiAs('registrator');
    const wheel = await registrator('GET', `/api/years/${YEAR}/calendar`);
    expect(
      wheel.body.items
        .filter((e: { key: string }) => e.key === 'manadsrapport')
        .map((e: { period: string; ksMonth: number }) => [e.period, e.ksMonth]),
    ).toContainEqual([`${YEAR}-05`, 6]);
  });

  it('shows the editor to no one who may not change the wheel', async () => {
    const { page } = browser;
    await signIn(page, user('bin.fvc'));
    await page.goto(`/arshjul/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Årshjul ${YEAR}` }).waitFor();
    await page.locator('.wheel-event').first().waitFor();
    expect(await page.getByText('Ändra månadsrapporterna').count()).toBe(0);
  });
});
