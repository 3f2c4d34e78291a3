import { join } from 'node:path';
import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// A year of its own, so the red thread shows exactly what this test set up.
const YEAR = 2084;
const FILE = join(process.cwd(), 'test/fixtures/kolada/file-N03101.json');

describe('web: Kolada on the red thread (#19)', () => {
  const browser = useBrowser();

  beforeAll(async () => {
    const fvc = await apiAs('bin.fvc');
    const units = await fvc('GET', '/api/org-units');
    const bin = units.body.items.find((u: { code: string }) => u.code === 'BIN').id;
    const created = await fvc('POST', '/api/documents', {
      type: 'mal-och-budget',
      orgUnitId: bin,
      year: YEAR,
    });
    expect(created.status).toBe(201);
    const saved = await fvc('PUT', `/api/documents/${created.body.id}/data`, {
      expectedVersion: created.body.version,
      data: {
        namndmal: [
          {
            id: 'BIN-KOL',
            titel: 'En ekonomi i balans',
            strategisktOmrade: 'God service',
            indikatorer: [
              {
                namn: 'Årets resultat',
                ingangsvarde: 1,
                malniva: 2,
                matdatum: `${YEAR}-12-31`,
                enhet: '%',
                kolada: { kpi: 'N03101', jamforelsekommuner: ['1862', '1880'] },
              },
            ],
          },
        ],
        budget: { intakter: 60_000_000, kostnader: 600_000_000, netto: 540_000_000 },
      },
    });
    expect(saved.status).toBe(200);
  });

  it('imports a file from Kolada in Administration and shows the chart beside the comparison median', async () => {
    const { page } = browser;
    await signIn(page, user('admin'));
    await page.goto('/admin/kolada');
    await page.getByRole('heading', { level: 1, name: 'Kolada: nyckeltal och jämförelser' }).waitFor();
    await page.getByLabel('Fil (JSON)').setInputFiles(FILE);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('status').getByText('7 värden importerades från file-N03101.json.').waitFor();
    const runs = page.getByRole('region', { name: 'Senaste hämtningar och importer' });
    expect(await runs.getByRole('row').nth(1).textContent()).toContain('Fil: file-N03101.json');
    await expectAccessible(page, 'Administration › Kolada');
    await screenshot(page, 'kolada-admin');

    await page.goto(`/roda-traden/${YEAR}`);
    const chart = page.getByRole('figure', { name: 'Kolada: N03101' });
    await chart.waitFor();
    const svg = chart.getByRole('img', { name: /Kolada: N03101/ });
    expect(await svg.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await chart.locator('desc').textContent()).toBe(
      'Årets resultat: kommunens värde 1,9 % (2082), jämförelsegruppens median 2,1 %. Ingångsvärde 1 %, målnivå 2 %.',
    );
    expect(await chart.getByRole('list').textContent()).toContain('Median för jämförelsegruppen');
    expect(await chart.getByRole('list').textContent()).toContain('Jämförs med 2 kommuner');
    await chart.getByText('Visa värdena år för år').click();
    const table = chart.getByRole('table', { name: 'Årets resultat i Kolada (N03101), år för år' });
    expect(await table.getByRole('row').filter({ hasText: '2082' }).textContent()).toMatch(
      /1,9\s%.*2,1\s%\s*\(2 kommuner\)/,
    );
    expect(await chart.textContent()).toContain('Källa: Kolada (RKA), importerat från fil');
    await expectAccessible(page, 'Röda tråden med Kolada');
    await screenshot(page, 'kolada-roda-traden');
  });
});
