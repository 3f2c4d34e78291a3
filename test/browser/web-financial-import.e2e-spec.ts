import { join } from 'node:path';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// The fixtures' year, which no other end-to-end test uses: the import fills only this test's report.
const YEAR = 2091;
const SIE = join(process.cwd(), 'test/fixtures/sie/hallsberg-2091-03.se');
const BROKEN = join(process.cwd(), 'test/fixtures/sie/hallsberg-2091-03-broken.se');

describe('web: import from the financial system (#19)', () => {
  const browser = useBrowser();
  const unit: Record<string, string> = {};

  beforeAll(async () => {
    const admin = await apiAs('admin');
    const units = await admin('GET', '/api/org-units?limit=500');
    for (const u of units.body.items as { id: string; code: string }[]) unit[u.code] = u.id;
    for (const [from, to, code] of [
      ['4100', '4100', 'BIF'],
      ['4200', '4299', 'FSK'],
      ['4310', '4310', 'TRAN'],
    ] as const) {
      const added = await admin('POST', '/api/imports/ekonomi/mappings', { from, to, orgUnitId: unit[code] });
      expect(added.status).toBe(201);
    }
    const fvc = await apiAs('bin.fvc');
    const created = await fvc('POST', '/api/documents', {
      type: 'manadsrapport',
      orgUnitId: unit['BIN'],
      year: YEAR,
      period: `${YEAR}-03`,
    });
    expect(created.status).toBe(201);
  });

  it('uploads an SIE 4 file, shows the reports filled and the unmapped code, and maps it', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto('/admin/ekonomi-import');
    await page.getByRole('heading', { level: 1, name: 'Import från ekonomisystemet' }).waitFor();
    await page.getByLabel('Fil', { exact: true }).setInputFiles(SIE);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('status').getByText('Filen hallsberg-2091-03.se är inläst.').waitFor();

    const reports = page.getByRole('region', {
      name: 'Rapporterna för perioden och vad importen gjorde med dem',
    });
    const bin = reports.getByRole('row').filter({ hasText: 'Bildningsnämnden' });
    const cells = (await bin.textContent()) ?? '';
    expect(cells).toContain('Månadsrapport 2091-03');
    expect(cells).toContain('Ifylld');
    expect(cells).toMatch(/17\s850\s000\skr/);
    expect(cells).toMatch(/18\s360\s002\skr/);
    const unmapped = page.getByRole('region', { name: 'Ansvarskoder utan koppling' });
    expect(await unmapped.getByRole('row').filter({ hasText: '9990' }).textContent()).toContain(
      'Ofördelat, ännu ej kopplat',
    );
    await expectAccessible(page, 'Import från ekonomisystemet, resultat');
    await screenshot(page, 'financial-import-result');

    // The unmapped code goes to Central elevhälsa, through the form.
    await page.getByLabel('Ansvarskod (eller intervallets första)').fill('9990');
    await page.getByLabel('Enhet', { exact: true }).selectOption(unit['ELEV'] as string);
    await page.getByRole('button', { name: 'Koppla', exact: true }).click();
    await page.getByRole('status').getByText('Ansvarskoderna är kopplade.').waitFor();
    const mapped = page.getByRole('region', { name: 'Kopplade ansvarskoder' });
    expect(await mapped.getByRole('row').filter({ hasText: '9990' }).textContent()).toContain(
      'Central elevhälsa',
    );
  });

  it('a file with a broken line imports nothing and names the line', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto('/admin/ekonomi-import');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(BROKEN);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(
        'Filen hallsberg-2091-03-broken.se har fel och ingenting importerades. Se de avvisade raderna.',
      )
      .waitFor();
    const refused = page.getByRole('region', { name: 'Avvisade rader med radnummer och skäl' });
    const row = refused.getByRole('row').filter({ hasText: '153' });
    expect(await row.textContent()).toContain('#PSALDO: raden har fler fält än posten har');
    expect(await page.getByText('Avvisad: ingenting importerades').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Import från ekonomisystemet, avvisad fil');
    await screenshot(page, 'financial-import-rejected');
  });
});
