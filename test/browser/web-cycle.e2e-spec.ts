import { LocalSmtpServer } from '../support/local-smtp';
import type { Browser } from 'playwright-core';
import { BASE_URL, expectAccessible, newContext, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, eventually, monthlyReport, TEST_YEAR } from './support/http-api';

// The governance cycle in the browser, in order: the registrar's matrix, an enhetschef writes and
// submits an enhetsplan, the område's chief approves it from the mailed link, KS sees a deviation.
const SMTP_PORT = Number(new URL(process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025').port);
const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });

describe('web: the governance cycle', () => {
  const browser = useBrowser();
  const smtp = new LocalSmtpServer();

  beforeAll(async () => {
    smtp.port = SMTP_PORT;
    await smtp.start();
    const registrar = await apiAs('registrator');
    const opened = await registrar('POST', `/api/years/${TEST_YEAR}/open`);
    expect(opened.status).toBe(200);
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it('a registrar filters the submission matrix and exports it', async () => {
    const { page } = browser;
    await signIn(page, user('registrator'));
    await page.goto(`/inlamning/${TEST_YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Inlämningsstatus ${TEST_YEAR}` }).waitFor();
    const table = page.locator('.status-table');
    await table.waitFor();
    const allRows = await table.locator('tbody tr').count();
    expect(allRows).toBeGreaterThan(10);

    await page.getByLabel('Nämnd eller bolag').selectOption({ label: 'Bildningsnämnden' });
    await page.getByLabel('Dokumenttyp').selectOption({ label: 'Enhetsplan' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('.status-table tbody tr').length < n,
      allRows,
    );
    const filtered = await table.locator('tbody tr').count();
    expect(filtered).toBeLessThan(allRows);
    await table.getByRole('rowheader', { name: 'Transtenskolan' }).waitFor();
    expect(await table.getByRole('rowheader', { name: 'Socialtjänsten' }).count()).toBe(0);
    expect(await table.locator('thead th').count()).toBe(2);
    await expectAccessible(page, 'Inlämningsstatus (filtrerad)');
    await screenshot(page, 'inlamningsstatus');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Ladda ner inlämningsstatus ${TEST_YEAR} som CSV` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`status-${TEST_YEAR}.csv`);
    const path = await download.path();
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(csv).toContain('Transtenskolan');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Ladda ner inlämningsstatus ${TEST_YEAR} som Excel` }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`status-${TEST_YEAR}.xlsx`);
  });

  it('an enhetschef fills in the enhetsplan, corrects a validation error and submits it', async () => {
    const { page } = browser;
    await signIn(page, user('transten.rektor'));
    const task = page
      .locator('.task')
      .filter({ hasText: 'Transtenskolan' })
      .filter({ hasText: 'Enhetsplan' });
    await task.first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Innehåll' }).waitFor();
    await expectAccessible(page, 'Enhetsplan (utkast)');

    const activity = page.locator('[id$="aktiviteter_0_titel"]');
    if ((await activity.count()) === 0)
      await page
        .getByRole('button', { name: /Lägg till/ })
        .first()
        .click();
    await activity.fill('Läsfrämjande insatser i åk 1–3');
    // Chosen by name from the nämnd's Mål- och budget when it has goals (#18), typed only before.
    const goal = page.locator('[id$="aktiviteter_0_namndmalId"]');
    if ((await goal.evaluate((el) => el.tagName)) === 'SELECT') await goal.selectOption({ index: 1 });
    else await goal.fill('BIN-1');
    await page.locator('[id$="aktiviteter_0_ansvarig"]').fill('Erik Andersson');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();

    // The date is missing: the server refuses the submission and its message appears at the field.
    await page.getByRole('button', { name: 'Skicka till områdeschef' }).click();
    await page.getByText('Rätta felen i formuläret och spara igen.').waitFor();
    const date = page.locator('[id$="aktiviteter_0_klartDatum"]');
    const dateField = page.locator('.form-group, .field').filter({ has: date }).last();
    await dateField.getByText('Fältet är obligatoriskt').waitFor();
    await page
      .locator('.errors')
      .getByText(/Klart senast/)
      .waitFor();
    await screenshot(page, 'enhetsplan-valideringsfel');
    await expectAccessible(page, 'Enhetsplan med valideringsfel');

    await date.fill(`${TEST_YEAR}-06-15`);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();

    await page.getByRole('button', { name: 'Skicka till områdeschef' }).click();
    await page.getByText('Klart: Skicka till områdeschef.').waitFor();
    await page.locator('.meta-grid').getByText('Granskning av områdeschef').waitFor();
    // The diagram marks the new step, and the history shows the submission.
    const steps = page.locator('.workflow-steps');
    await steps.waitFor();
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Granskning av områdeschef');
    await page.getByRole('img', { name: /Diagram över arbetsflödet.*Granskning av områdeschef/ }).waitFor();
    // The history arrives on its own request: wait for its second entry rather than count at once.
    await page.locator('.timeline li').nth(1).waitFor();
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('heading', { level: 2, name: 'Röda tråden' }).waitFor();
    await expectAccessible(page, 'Enhetsplan (inlämnad)');
    await screenshot(page, 'dokument-enhetsplan');
  });

  it('the område chief approves from the mailed link, without signing in', async () => {
    const mail = await smtp.waitFor(
      (mails) =>
        mails.find((m) => m.to.includes('grundskola.chef@hallsberg.example') && /\/approve\//.test(m.text)),
      60_000,
    );
    const link = /https?:\/\/\S+\/approve\/[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(link?.startsWith(BASE_URL)).toBe(true);

    // Signed in, the chief also finds the approval in Mina uppgifter, with what to do.
    await signIn(browser.page, user('grundskola.chef'));
    const pending = browser.page
      .locator('.task')
      .filter({ hasText: 'Godkännande' })
      .filter({ hasText: 'Transtenskolan' });
    await pending.getByText('Ta ställning: godkänn eller returnera för ändring').waitFor();
    await expectAccessible(browser.page, 'Mina uppgifter med godkännande');
    await screenshot(browser.page, 'mina-uppgifter-godkannande');

    // The link itself works in a browser that has never signed in.
    const guest = await newContext(browser.context.browser() as Browser);
    const page = await guest.newPage();
    await page.goto(link as string);
    await page.getByRole('heading', { level: 1, name: 'Godkännande' }).waitFor();
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);
    // The document is shown read-only, with what the enhetschef wrote.
    const activity = page.locator('[id$="aktiviteter_0_titel"]');
    await activity.waitFor();
    expect(await activity.inputValue()).toBe('Läsfrämjande insatser i åk 1–3');
    expect(await activity.isEditable()).toBe(false);
    await expectAccessible(page, 'Godkännande');
    await screenshot(page, 'godkannande');

    await page.getByRole('button', { name: 'Skicka beslut' }).click();
    await page.getByText('Välj ett beslut.').first().waitFor();
    await page.getByLabel('Godkänn').check();
    await page.getByRole('button', { name: 'Skicka beslut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tack! Ditt beslut är registrerat' }).waitFor();
    await screenshot(page, 'godkannande-klart');

    // The link is single use.
    await page.goto(link as string);
    await page.getByRole('heading', { level: 1, name: 'Länken är redan använd' }).waitFor();
    await expectAccessible(page, 'Godkännande (använd länk)');
    await guest.close();
  });

  it('KS sees an escalation after a deviating monthly report and acknowledges it', async () => {
    const fvc = await apiAs('bin.fvc');
    const report = await monthlyReport(fvc, 'BIN', `${TEST_YEAR}-03`);
    const saved = await fvc('PUT', `/api/documents/${report.id}/data`, {
      data: {
        ekonomi: { periodbudget: 91_300_000, utfall: 94_100_000, prognos: 560_000_000 },
        analys: 'Ökade kostnader för skolskjuts och placeringar.',
        foreslagnaAtgarder: 'Anställningsstopp och översyn av skolskjutsavtalet.',
      },
      expectedVersion: report.version,
    });
    expect(saved.status).toBe(200);
    const sent = await fvc('POST', `/api/documents/${report.id}/events`, {
      type: 'SUBMIT',
      expectedVersion: saved.body.version,
    });
    expect(sent.status).toBe(200);
    const ks = await apiAs('ks.ordforande');
    const escalation = await eventually(async () => {
      const res = await ks('GET', `/api/escalations?status=open&year=${TEST_YEAR}`);
      return res.body.items?.find((e: { sourceDocumentId: string }) => e.sourceDocumentId === report.id);
    }, 'the escalation of the monthly report');

    const { page } = browser;
    await signIn(page, user('ks.ordforande'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avvikelser' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelser' }).waitFor();
    const card = page.locator('.escalation').filter({ hasText: 'Bildningsnämnden' }).first();
    await card.waitFor();
    // Amounts in Swedish: minus sign, spaces between thousands, "kr" (the threshold depends on the
    // nämnd's settings, which another test may have changed).
    const text = (await card.textContent())?.replace(/\s/g, ' ') ?? '';
    expect(text).toMatch(/−12 000 000 kr/);
    expect(text).toContain(`${String(escalation.threshold).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`);
    await card.getByRole('link', { name: 'Öppna rapporten' }).waitFor();
    await card.getByRole('link', { name: 'Åtgärdsplanen' }).waitFor();
    await expectAccessible(page, 'Avvikelser');
    await screenshot(page, 'avvikelser');

    await card.getByRole('button', { name: /Kvittera/ }).click();
    const dialog = page.getByRole('dialog', { name: /Kvittera avvikelsen för Bildningsnämnden/ });
    await dialog.waitFor();
    // Focus moves into the dialog, to the comment field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('event-comment');
    await expectAccessible(page, 'Avvikelser (kvittera)');
    await dialog.getByLabel('Kommentar (frivillig)').fill('Tas upp på KS 14 april.');
    await dialog.getByRole('button', { name: 'Kvittera' }).click();
    await page.getByText('Avvikelsen är kvitterad.').waitFor();
    await card.getByText('Kvitterad', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: /Kvittera/ }).count()).toBe(0);
    await screenshot(page, 'avvikelser-kvitterad');

    // The link in KS's mails opens the one escalation with its details; old links still work.
    await page.goto(`/eskaleringar/${escalation.id}`);
    await page.waitForURL(`**/avvikelser/${escalation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Avvikelse' }).waitFor();
    const only = page.locator('.escalation');
    await only.getByText('Beskrivning', { exact: true }).waitFor();
    expect(await only.count()).toBe(1);
    expect(await only.textContent()).toContain('Bildningsnämnden');
    await page.getByRole('link', { name: 'Alla avvikelser' }).waitFor();
    await expectAccessible(page, 'Avvikelse');
  });
});
