import { statusRow, type OrgUnitView } from '@rodtrad/contracts';
import { expectAccessible, formatViolations, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

// #18, found problem 7: the registrar and KS saw "Inget väntar på dig just nu" with 15 overdue
// budgets; nobody saw what had happened to their documents; there was no search.
const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
// A year of its own, far ahead, for the documents this file creates.
const SEARCH_YEAR = 2095;

describe('web: overviews on the start page, and search', () => {
  const browser = useBrowser();
  let planId: string;
  let planTitle: string;

  beforeAll(async () => {
    const admin = await apiAs('admin');
    const units = (await admin('GET', '/api/org-units?limit=500')).body.items as OrgUnitView[];
    const tran = units.find((u) => u.code === 'TRAN') as OrgUnitView;
    const existing = await admin(
      'GET',
      `/api/documents?year=${SEARCH_YEAR}&type=enhetsplan&orgUnitId=${tran.id}`,
    );
    let plan = existing.body.items[0];
    if (!plan) {
      const created = await admin('POST', '/api/documents', {
        type: 'enhetsplan',
        orgUnitId: tran.id,
        year: SEARCH_YEAR,
      });
      expect(created.status).toBe(201);
      plan = created.body;
    }
    planId = plan.id;
    planTitle = plan.title;
    // The rektor works on it, so it is one of "my documents".
    const rektor = await apiAs('transten.rektor');
    const doc = (await rektor('GET', `/api/documents/${planId}`)).body;
    const saved = await rektor('PUT', `/api/documents/${planId}/data`, {
      data: doc.data,
      expectedVersion: doc.version,
    });
    expect(saved.status).toBe(200);
  });

  it('shows the registrar what is late, due soon and waiting per nämnd, each a link into the matrix', async () => {
    const { page } = browser;
    const year = new Date().getFullYear();
    const admin = await apiAs('admin');
    const units = (await admin('GET', '/api/org-units?limit=500')).body.items as OrgUnitView[];
    const byCode = (code: string) => units.find((u) => u.code === code) as OrgUnitView;
    const soon = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString();
    const past = new Date(Date.now() - 5 * 24 * 3600 * 1000).toISOString();
    // The year's status as the API would answer it: the start page's arithmetic is the subject.
    const items = [
      statusRow({
        ...unit(byCode('TRAN')),
        documentType: 'enhetsplan',
        overdue: true,
        dueAt: past,
        phase: 'in_progress',
        documentId: 'x1',
        state: 'draft',
      }),
      statusRow({
        ...unit(byCode('BIN')),
        documentType: 'mal-och-budget',
        dueAt: soon,
        phase: 'in_progress',
        documentId: 'x2',
        state: 'draft',
      }),
      statusRow({
        ...unit(byCode('SAN')),
        documentType: 'mal-och-budget',
        dueAt: soon,
        phase: 'submitted',
        documentId: 'x3',
        state: 'review',
      }),
    ];
    await page.route(`**/api/years/${year}/status`, (route) => route.fulfill({ json: { items } }));
    await signIn(page, user('registrator'));
    await page.goto('/');
    await page.getByRole('region', { name: `Året i korthet ${year}` }).waitFor();
    const table = page.getByRole('region', {
      name: `Försenat, snart förfallande och väntande per nämnd ${year}`,
    });
    await expect(table.getByRole('row').count()).resolves.toBe(3);
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual([
      'Bildningsnämnden',
      'Social- och arbetsmarknadsnämnden',
    ]);
    await screenshot(page, 'startsida-registrator');
    expect(formatViolations(await expectAccessible(page, 'startsida registrator'))).toBe('');

    await page
      .getByRole('link', { name: '1 försenade hos Bildningsnämnden, visa i inlämningsstatus' })
      .click();
    await page.waitForURL(/\/inlamning\/\d{4}\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('namnd')).toBe(String(byCode('BIN').id));
    expect(url.searchParams.get('sen')).toBe('1');
    await expect(page.getByLabel('Visa bara försenade').isChecked()).resolves.toBe(true);
  });

  it('counts in KS’s menu the escalations waiting for its decision', async () => {
    const { page } = browser;
    const dsn = await apiAs('dsn.ordforande');
    const units = (await dsn('GET', '/api/org-units?limit=500')).body.items as OrgUnitView[];
    const reported = await dsn('POST', '/api/escalations', {
      orgUnitId: (units.find((u) => u.code === 'DSN') as OrgUnitView).id,
      year: new Date().getFullYear(),
      amount: -1_200_000,
      description: 'Snöröjningen har kostat mer än budgeterat.',
      measures: 'Omprioritering inom gatuunderhållet.',
    });
    expect(reported.status).toBe(201);
    const ks = await apiAs('ks.ordforande');
    const { total } = (await ks('GET', '/api/escalations?awaitingDecision=true&limit=1')).body;
    expect(total).toBeGreaterThan(0);
    await signIn(page, user('ks.ordforande'));
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: `Avvikelser ${total} väntar på kommunstyrelsens beslut` }).waitFor();
    expect(formatViolations(await expectAccessible(page, 'startsida KS'))).toBe('');
  });

  it('shows what happened lately to my documents', async () => {
    const { page } = browser;
    await signIn(page, user('transten.rektor'));
    await page.goto('/');
    const activity = page.locator('section[aria-labelledby="activity-title"]');
    await activity.getByRole('heading', { name: 'Händelser i dina dokument' }).waitFor();
    await activity.getByRole('link', { name: planTitle }).first().waitFor();
    await expect(activity.textContent()).resolves.toContain('Du');
    expect(formatViolations(await expectAccessible(page, 'startsida rektor'))).toBe('');
    // The registrar's overview is not the rektor's.
    expect(await page.locator('section[aria-labelledby="year-overview-title"]').count()).toBe(0);
  });

  it('finds a document by its title from the header, only among what the user may read', async () => {
    const { page } = browser;
    await signIn(page, user('transten.rektor'));
    await page.goto('/');
    await page.getByRole('search').first().getByLabel('Sök på titel eller diarienummer').fill(planTitle);
    await page.getByRole('search').first().getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL(/\/sok\?q=/);
    await page.getByRole('heading', { level: 1, name: 'Sök dokument' }).waitFor();
    await page.getByText(/dokument matchar/).waitFor();
    const results = page.getByRole('region', { name: `Dokument som matchar ”${planTitle}”` });
    await results.getByRole('link', { name: planTitle }).waitFor();
    await screenshot(page, 'sok');
    expect(formatViolations(await expectAccessible(page, 'sök'))).toBe('');

    await page.getByLabel('Sök på titel eller diarienummer', { exact: true }).last().fill('Socialtjänstens');
    await page.getByRole('main').getByRole('button', { name: 'Sök' }).click();
    await page.getByText('Inga dokument matchar ”Socialtjänstens”.').waitFor();

    await page.getByLabel('Sök på titel eller diarienummer').last().fill('x');
    await page.getByRole('main').getByRole('button', { name: 'Sök' }).click();
    await page.getByText('Skriv minst 2 tecken för att söka.').waitFor();

    await page.goto(`/sok?q=${encodeURIComponent(planTitle)}`);
    await page.getByRole('link', { name: planTitle }).last().click();
    await page.waitForURL(new RegExp(`/dokument/${planId}`));
  });
});

function unit(u: OrgUnitView) {
  return { orgUnitId: String(u.id), orgUnitName: u.name };
}
