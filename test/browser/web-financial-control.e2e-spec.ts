import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, monthlyReport, TEST_YEAR } from './support/http-api';

// Financial control in the browser (#15): the report form shows its deviations in words, and a
// nämnd reports a deviation between the regular reports with its proposed measures.
const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
const text = async (l: { textContent(): Promise<string | null> }) =>
  ((await l.textContent()) ?? '').replace(/\s/g, ' ');

describe('web: financial control', () => {
  const browser = useBrowser();

  it('the monthly report shows the budget and period deviations with underskott/överskott', async () => {
    const fvc = await apiAs('bin.fvc');
    const report = await monthlyReport(fvc, 'BIN', `${TEST_YEAR}-02`);
    const current = await fvc('GET', `/api/documents/${report.id}`);
    // Bildningsnämnden 2027: frame 548 Mkr (prefilled); forecast 560 Mkr, 12 Mkr over.
    const saved = await fvc('PUT', `/api/documents/${report.id}/data`, {
      data: {
        ekonomi: { periodbudget: 91_300_000, utfall: 94_100_000, prognos: 560_000_000 },
        investeringar: [
          { projekt: 'Ny förskola Östansjö', budget: 28_000_000, utfall: 9_400_000, prognos: 27_600_000 },
        ],
        analys: 'Ökade kostnader för skolskjuts och placeringar.',
        foreslagnaAtgarder: 'Anställningsstopp och översyn av skolskjutsavtalet.',
      },
      expectedVersion: current.body.version,
    });
    expect(saved.status).toBe(200);

    const { page } = browser;
    await signIn(page, user('bin.fvc'));
    await page.goto(`/dokument/${report.id}`);
    const ekonomi = page.locator('.ekonomi-field');
    await ekonomi.waitFor();
    // Amounts are shown as kronor, grouped (#18).
    const arsbudget = ekonomi.getByRole('textbox', { name: /^Årsbudget/ });
    expect(await arsbudget.inputValue()).toBe('548\u00a0000\u00a0000');
    expect(await arsbudget.isEditable()).toBe(false);
    const deviations = ekonomi.locator('.deviations');
    await deviations.getByText('underskott').first().waitFor();
    const shown = await text(deviations);
    expect(shown).toMatch(/årsbudget − prognos\)\s*−12 000 000 kr underskott/);
    expect(shown).toMatch(/periodens budget − utfall\)\s*−2 800 000 kr underskott/);
    expect(await text(page.locator('.investeringar-field .deviations'))).toMatch(/400 000 kr överskott/);
    await expectAccessible(page, 'Månadsrapport (ekonomi)');
    await screenshot(page, 'manadsrapport-ekonomi');

    // The words follow the figures as they are typed.
    await ekonomi.getByRole('textbox', { name: /^Prognos för helåret/ }).fill('544 000 000');
    await deviations.getByText('överskott').first().waitFor();
    expect(await text(deviations)).toMatch(/4 000 000 kr överskott/);
  });

  it('the nämnd reports a deviation between the reports; proposed measures are required', async () => {
    const { page } = browser;
    await signIn(page, user('bin.ordforande'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Rapportera avvikelse' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Rapportera avvikelse' }).waitFor();
    await expectAccessible(page, 'Rapportera avvikelse');

    await page.getByLabel('Avvikelse i kronor (frivilligt)').fill('-6 000 000');
    await page.getByLabel('Beskrivning av avvikelsen').fill('Fler elever med tilläggsbelopp än budgeterat.');
    await page.getByRole('button', { name: 'Rapportera till kommunstyrelsen' }).click();
    await page
      .locator('.field-error')
      .getByText(/Ange föreslagna åtgärder/)
      .waitFor();
    await expectAccessible(page, 'Rapportera avvikelse (fel)');

    await page.getByLabel('Föreslagna åtgärder').fill('Omfördelning inom grundskolan och vakansprövning.');
    await page.getByRole('button', { name: 'Rapportera till kommunstyrelsen' }).click();
    await page.getByText('Avvikelsen är rapporterad till kommunstyrelsen').waitFor();
    await expectAccessible(page, 'Rapportera avvikelse (skickad)');
    await screenshot(page, 'rapportera-avvikelse');
    await page.getByRole('link', { name: 'Öppna avvikelsen' }).click();
    await page.getByText('Omfördelning inom grundskolan och vakansprövning.').first().waitFor();
  });
});
