import { screenshot, signIn, useBrowser } from './support/browser';
import { MATRIX_COLUMNS, serveStatusMatrix, statusMatrixFixture } from './support/status-matrix-fixture';

// The registrar's matrix must stay usable for a large municipality (300 units). This checks that all
// of it renders and can be filtered; how fast is measured by `npm run bench -- web-matrix`.
const UNITS = 300;

describe('web: submission matrix with 300 units', () => {
  const browser = useBrowser();

  it('renders every unit and column, and filters by nämnd', async () => {
    const { page } = browser;
    const fixture = statusMatrixFixture(UNITS);
    await serveStatusMatrix(page, fixture);
    await signIn(page, { username: 'registrator', password: process.env['DEMO_PASSWORD'] ?? 'demo' });
    await page.goto(`/inlamning/${fixture.year}`);
    await page.getByRole('heading', { level: 1, name: `Inlämningsstatus ${fixture.year}` }).waitFor();
    const rows = page.locator('.status-table tbody tr');
    await rows.nth(UNITS - 1).waitFor();
    expect(await rows.count()).toBe(UNITS);
    expect(await rows.first().locator('td').count()).toBe(MATRIX_COLUMNS);
    await expect(rows.last().textContent()).resolves.toContain('Enhet 299');
    await screenshot(page, 'inlamningsstatus-300-enheter');

    await page.getByLabel('Nämnd eller bolag').selectOption({ label: 'Nämnd 3' });
    // Enheter 3, 13, …, 293 belong to Nämnd 3.
    await rows.nth(UNITS / 10).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(UNITS / 10);
    expect(await rows.first().textContent()).toContain('Enhet 003');
  });
});
