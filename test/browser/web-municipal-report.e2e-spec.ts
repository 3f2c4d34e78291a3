import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// A year of its own, so the page shows exactly what this test set up.
const YEAR = 2096;
type Data = Record<string, unknown>;

const fixture = (type: string): Data =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/documents', `${type}.json`), 'utf8')) as Data;

/** Creates a document as `username` and saves `data`; resolves with its id. */
async function draft(username: string, document: Data, data: Data): Promise<string> {
  const as = await apiAs(username);
  const created = await as('POST', '/api/documents', document);
  expect(created.status).toBe(201);
  const saved = await as('PUT', `/api/documents/${created.body.id}/data`, {
    data,
    expectedVersion: created.body.version,
  });
  expect(saved.status).toBe(200);
  return created.body.id;
}

/** Sends `event` as `username` (after merging `data`), expecting the document in `to`. */
async function act(username: string, id: string, event: string, to: string, data?: Data): Promise<void> {
  const as = await apiAs(username);
  let doc = await as('GET', `/api/documents/${id}`);
  if (data) {
    const saved = await as('PUT', `/api/documents/${id}/data`, {
      data: { ...doc.body.data, ...data },
      expectedVersion: doc.body.version,
    });
    expect(saved.status).toBe(200);
    doc = await as('GET', `/api/documents/${id}`);
  }
  const sent = await as('POST', `/api/documents/${id}/events`, {
    type: event,
    expectedVersion: doc.body.version,
  });
  expect(sent.status === 200 ? sent.body.state : sent.body).toBe(to);
}

describe('web: Kommunens rapport, compiled from the nämnder’s reports (#15)', () => {
  const browser = useBrowser();
  let budgetId: string;
  let annualId: string;

  beforeAll(async () => {
    const units = await (await apiAs('registrator'))('GET', '/api/org-units');
    const unit = (code: string) => units.body.items.find((u: { code: string }) => u.code === code).id;
    const budgetContent = { ...fixture('budget-och-flerarsplan') };
    for (const k of ['granskningskommentar', 'ksBeslut', 'skattesatsBeslut', 'beslut'])
      delete budgetContent[k];

    // KF's budget with its goals.
    const budget = await draft(
      'ksf.fvc',
      { type: 'budget-och-flerarsplan', orgUnitId: unit('KS'), year: YEAR, period: null },
      budgetContent,
    );
    await act('ksf.fvc', budget, 'SUBMIT', 'review');
    await act('ksf.fvc', budget, 'APPROVE', 'ks_treatment');
    await act('ks.sekreterare', budget, 'DECIDE', 'registration', {
      ksBeslut: { datum: `${YEAR - 1}-10-13`, paragraf: '§ 141' },
    });
    await act('registrator', budget, 'REGISTER', 'kf_tax_rate');
    await act('kf.sekreterare', budget, 'DECIDE_TAX_RATE', 'kf_decision', {
      skattesatsBeslut: { datum: `${YEAR - 1}-10-27`, paragraf: '§ 98', skattesats: 22.34 },
    });
    await act('kf.sekreterare', budget, 'DECIDE', 'adopted', {
      beslut: { datum: `${YEAR - 1}-11-24`, paragraf: '§ 107' },
    });
    budgetId = budget;

    // Bildningsnämnden's year: 6,8 Mkr over its budget.
    const vb = { ...fixture('verksamhetsberattelse') };
    for (const k of ['granskningskommentar', 'ksBeslut', 'beslut']) delete vb[k];
    const report = await draft(
      'bin.fvc',
      { type: 'verksamhetsberattelse', orgUnitId: unit('BIN'), year: YEAR, period: null },
      { ...vb, ekonomi: { arsbudget: 614_500_000, utfall: 621_300_000 } },
    );
    await act('bin.fvc', report, 'SUBMIT', 'review');

    // The municipality's annual report: a positive balanskravsresultat, so nothing escalates.
    const annual = await draft(
      'ksf.fvc',
      { type: 'arsredovisning', orgUnitId: unit('KS'), year: YEAR, period: null },
      {
        sammanfattning: `Kommunens årsredovisning ${YEAR}.`,
        malUtfall: fixture('arsredovisning')['malUtfall'],
        balanskravsutredning: { aretsResultat: 14_200_000, realisationsvinster: 1_900_000 },
      },
    );
    await act('ksf.fvc', annual, 'SUBMIT', 'review');
    annualId = annual;
  });

  it('shows the nämnder’s deviations in words, KF’s goals with traffic lights and the balanskravsutredning', async () => {
    const { page } = browser;
    await signIn(page, user('ks.ordforande'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Kommunens rapport' })
      .waitFor();
    await page.goto(`/kommunens-rapport/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Kommunens rapport ${YEAR}` }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Årsredovisning', exact: true }).getAttribute('aria-current'),
    ).toBe('page');

    const units = page.getByRole('region', { name: 'Nämndernas och bolagens ekonomi' });
    const bin = units.getByRole('row').filter({ hasText: 'Bildningsnämnden' });
    await bin.waitFor();
    expect(await bin.textContent()).toMatch(/−6\s800\s000\s*kr\s*\(underskott\)/);

    const goals = page.locator('section').filter({
      has: page.getByRole('heading', { level: 2, name: 'Finansiella mål' }),
    });
    const result = goals.getByRole('row').filter({ hasText: 'Resultatet ska uppgå till minst 2 %' });
    expect(await result.textContent()).toContain('Ej uppnått');
    expect(await result.textContent()).toContain('≥ 2 %');

    const balance = page.locator('section').filter({
      has: page.getByRole('heading', { level: 2, name: 'Balanskravsutredning' }),
    });
    expect(await balance.getByRole('row').filter({ hasText: 'Balanskravsresultat' }).textContent()).toMatch(
      /12\s300\s000\s*kr/,
    );
    await expectAccessible(page, 'Kommunens rapport');
    await screenshot(page, 'kommunens-rapport');

    await page.getByRole('link', { name: 'Delårsrapport för kommunen' }).click();
    await page.getByText('Inga inlämnade rapporter för perioden ännu.').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Balanskravsutredning' }).count()).toBe(0);
    await expectAccessible(page, 'Kommunens rapport, delårsrapport');
  });

  it('shows KF’s budget and the årsredovisning as documents with their forms', async () => {
    const { page } = browser;
    await signIn(page, user('ksf.fvc'));
    await page.goto(`/dokument/${annualId}`);
    await page.getByRole('heading', { level: 1, name: /Årsredovisning 2096/ }).waitFor();
    const statement = page.getByRole('group', { name: /^Balanskravsutredning/ });
    await statement.waitFor();
    await statement.getByText('Reducering av samtliga realisationsvinster').first().waitFor();
    await expectAccessible(page, 'Årsredovisning (granskning)');

    await page.goto(`/dokument/${budgetId}`);
    await page.getByRole('heading', { level: 1, name: /Budget och flerårsplan 2096/ }).waitFor();
    // Adopted: the history names KF's two decisions in Swedish.
    await page.getByText('Antagen av kommunfullmäktige').first().waitFor();
    await page
      .getByText(/Skattesatsen beslutad\s*Fullmäktiges beslut om skattesats → Beslut i kommunfullmäktige/)
      .waitFor();
    await expectAccessible(page, 'Budget och flerårsplan (antagen)');
  });
});
