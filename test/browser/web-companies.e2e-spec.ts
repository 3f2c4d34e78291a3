import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// A year of its own, so the page shows exactly what this test set up.
const YEAR = 2095;
type Data = Record<string, unknown>;
const ASSESSMENT_STATEMENT =
  'Verksamheten har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna';

const fixture = (type: string): Data =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/documents', `${type}.json`), 'utf8')) as Data;

describe('web: Bolag och kommunalförbund, the companies’ reports and KS’s assessment (#16)', () => {
  const browser = useBrowser();
  let reportTitle: string;

  beforeAll(async () => {
    // Hallsbergs Bostads AB's VD hands its interim report to KS (once, whatever earlier runs left).
    const vd = await apiAs('hbab.vd');
    const units = await vd('GET', '/api/org-units');
    const hbab = units.body.items.find((u: { code: string }) => u.code === 'HBAB').id;
    const listed = await vd('GET', `/api/documents?type=bolagsrapport&year=${YEAR}&orgUnitId=${hbab}`);
    let report = listed.body.items[0];
    if (!report) {
      const created = await vd('POST', '/api/documents', {
        type: 'bolagsrapport',
        orgUnitId: hbab,
        year: YEAR,
        period: 'D1',
      });
      expect(created.status).toBe(201);
      const data = { ...fixture('bolagsrapport') };
      delete data['ksBeslut'];
      const saved = await vd('PUT', `/api/documents/${created.body.id}/data`, {
        data,
        expectedVersion: created.body.version,
      });
      expect(saved.status).toBe(200);
      const sent = await vd('POST', `/api/documents/${created.body.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: saved.body.version,
      });
      expect(sent.status === 200 ? sent.body.state : sent.body).toBe('ks_treatment');
      report = created.body;
    }
    reportTitle = report.title;
  });

  it('KS’s secretary sees the holdings and the companies’ reports, and starts the assessment with a row per company', async () => {
    const { page } = browser;
    await signIn(page, user('ks.sekreterare'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Bolag och förbund' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Bolag och kommunalförbund \d{4}$/ }).waitFor();
    await page.goto(`/bolag/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Bolag och kommunalförbund ${YEAR}` }).waitFor();

    const owned = page.getByRole('region', { name: 'Ägande' });
    const hbab = owned.getByRole('row').filter({ hasText: 'Hallsbergs Bostads AB' });
    await hbab.waitFor();
    expect(await hbab.textContent()).toMatch(/Helägt bolag\s*100 %/);
    const forbund = owned.getByRole('row').filter({ hasText: 'Sydnärkes utbildningsförbund' });
    expect(await forbund.textContent()).toContain('Kommunalförbund');
    expect(await forbund.textContent()).toContain('Askersund, Hallsberg, Kumla, Laxå');
    // Only an administrator edits the holding.
    expect(await page.getByRole('button', { name: /^Ändra ägandet/ }).count()).toBe(0);

    const reports = page.getByRole('region', { name: 'Bolagens rapporter till kommunstyrelsen' });
    await reports.getByRole('link', { name: reportTitle }).waitFor();
    await expectAccessible(page, 'Bolag och kommunalförbund');
    await screenshot(page, 'bolag-och-kommunalforbund');

    const start = page.getByRole('button', { name: `Starta bedömningen för ${YEAR}` });
    if (await start.count()) await start.click();
    else
      await page
        .getByRole('region', { name: 'Kommunstyrelsens bedömning enligt 6 kap. 9 §' })
        .getByRole('link')
        .first()
        .click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`Kommunstyrelsens bedömning av bolagen ${YEAR}`) })
      .waitFor();
    // One prefilled row per company: its name read-only.
    const names = page.getByRole('textbox', { name: /^Bolag\s*\*?$/ });
    await names.first().waitFor();
    const values = await Promise.all((await names.all()).map((n) => n.inputValue()));
    expect(values).toContain('Hallsbergs Bostads AB');
    // KS answers the statement of 6 kap. 9 § for each company: Ja or Nej, with a motivation.
    await page.getByText(ASSESSMENT_STATEMENT).first().waitFor();
    await page.getByRole('radio', { name: 'Ja', exact: true }).first().waitFor();
    await page.getByRole('radio', { name: 'Nej', exact: true }).first().waitFor();
    await expectAccessible(page, 'Kommunstyrelsens bedömning av bolagen');
    await screenshot(page, 'ks-bolagsbedomning');
  });

  it('an administrator changes a company’s share and is told field by field when it is out of range', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto(`/bolag/${YEAR}`);
    await page.getByRole('button', { name: 'Ändra ägandet i Hallsbergs Bostads AB' }).click();
    const share = page.getByLabel('Kommunens ägarandel i procent');
    await share.fill('0');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('alert')
      .getByText('Ägarandelen ska vara större än 0 och högst 100 procent (100 = helägt).')
      .waitFor();
    expect(await share.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Ändra ägande, fel');

    await share.fill('100');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').getByText('Ägandet i Hallsbergs Bostads AB är sparat.').waitFor();
    expect(
      await page
        .getByRole('region', { name: 'Ägande' })
        .getByRole('row')
        .filter({ hasText: 'Hallsbergs Bostads AB' })
        .textContent(),
    ).toMatch(/Helägt bolag\s*100 %/);
    await expectAccessible(page, 'Bolag och kommunalförbund, sparat');
  });
});
