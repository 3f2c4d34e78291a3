import type { Browser } from 'playwright-core';
import { LocalSmtpServer } from '../support/local-smtp';
import { expectAccessible, newContext, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, type HttpAnswer } from './support/http-api';

// Issue #18 as its user groups met it: an enhetschef writes an enhetsplan (a fresh form that is
// not "unsaved", labels said once, nämndmål chosen by name), the område's chief decides on a
// phone from the mailed link in one vocabulary, the enhetschef finds why it came back where
// they look, the last step says what must happen first instead of refusing with an API path,
// the registrar sees the diarienummer, amounts are kronor, and a printed page is the text.
const YEAR = 2088; // a year of its own, far ahead: nothing of it is late
const SMTP_PORT = Number(new URL(process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025').port);
const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
type Api = Awaited<ReturnType<typeof apiAs>>;
type Data = Record<string, unknown>;

const GOAL = 'Fler elever är behöriga till gymnasiet';
const RETURN_REASON = 'Koppla aktiviteten till ett mätbart nämndmål och ange vem som följer upp.';

async function ok(answer: Promise<HttpAnswer>, status = 200): Promise<HttpAnswer['body']> {
  const a = await answer;
  if (a.status !== status) throw new Error(`Expected ${status}, got ${a.status}: ${JSON.stringify(a.body)}`);
  return a.body;
}

async function create(as: Api, type: string, orgUnitId: string, data?: Data, period: string | null = null) {
  const doc = await ok(as('POST', '/api/documents', { type, orgUnitId, year: YEAR, period }), 201);
  if (!data) return doc;
  await ok(as('PUT', `/api/documents/${doc.id}/data`, { data, expectedVersion: doc.version }));
  return ok(as('GET', `/api/documents/${doc.id}`));
}

async function send(as: Api, id: string, type: string, data?: Data, comment?: string) {
  let doc = await ok(as('GET', `/api/documents/${id}`));
  if (data) {
    await ok(
      as('PUT', `/api/documents/${id}/data`, {
        data: { ...doc.data, ...data },
        expectedVersion: doc.version,
      }),
    );
    doc = await ok(as('GET', `/api/documents/${id}`));
  }
  return ok(as('POST', `/api/documents/${id}/events`, { type, comment, expectedVersion: doc.version }));
}

describe('web: reasons where people look, no dead ends, forms that behave (#18)', () => {
  const browser = useBrowser();
  const smtp = new LocalSmtpServer();
  const ids: { plan: string; upstream: string; upstreamTitle: string; goals: string; report: string } = {
    plan: '',
    upstream: '',
    upstreamTitle: '',
    goals: '',
    report: '',
  };
  let planTitle = '';

  beforeAll(async () => {
    smtp.port = SMTP_PORT;
    await smtp.start();
    const admin = await apiAs('admin');
    const units = await ok(admin('GET', '/api/org-units'));
    const unit = (code: string) => units.items.find((u: { code: string }) => u.code === code).id;
    const named = (name: string) => units.items.find((u: { name: string }) => u.name === name).id;
    // Bildningsnämnden's Mål- och budget, not adopted yet, with its goals as they stand.
    const goals = await create(admin, 'mal-och-budget', unit('BIN'));
    await ok(
      (await apiAs('bin.fvc'))('PUT', `/api/documents/${goals.id}/data`, {
        data: {
          namndmal: [
            { id: 'BIN-1', titel: GOAL, strategisktOmrade: 'Livslångt lärande' },
            { id: 'BIN-2', titel: 'Alla elever känner sig trygga i skolan', strategisktOmrade: 'Trygghet' },
          ],
        },
        expectedVersion: goals.version,
      }),
    );
    ids.goals = goals.id;
    // Grundskola's verksamhetsplan, the enhetsplan's upstream document, not adopted either.
    const upstream = await create(admin, 'verksamhetsplan', named('Grundskola'));
    ids.upstream = upstream.id;
    ids.upstreamTitle = upstream.title;
    const plan = await create(admin, 'enhetsplan', named('Ekängsskolan'));
    ids.plan = plan.id;
    planTitle = plan.title;
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it('an enhetschef opens a fresh plan: nothing "unsaved", labels said once, nämndmål chosen by name', async () => {
    const { page } = browser;
    await signIn(page, user('ekangen.rektor'));
    await page.goto(`/dokument/${ids.plan}`);
    await page.getByRole('heading', { level: 2, name: 'Innehåll' }).waitFor();
    // Before anything is typed: no "unsaved changes", and the step's button works.
    expect(await page.getByText('Du har osparade ändringar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Skicka till områdeschef' }).isEnabled()).toBe(true);

    // The goals come from a Mål- och budget not adopted yet: the form says so and links to it.
    const pending = page.locator('.choices-pending');
    await pending.getByText(/som inte är fastställd ännu/).waitFor();
    expect(await pending.getByRole('link').getAttribute('href')).toBe(`/dokument/${ids.goals}`);

    const activity = page.locator('[id$="aktiviteter_0_titel"]');
    if ((await activity.count()) === 0)
      await page
        .getByRole('button', { name: /Lägg till/ })
        .first()
        .click();
    // "Aktiviteter / Aktivitet / Aktivitet" no more: the row's field says what to write.
    expect((await page.locator('label[for$="aktiviteter_0_titel"]').textContent())?.trim()).toMatch(
      /^Vad ska göras/,
    );
    await activity.fill('Läsfrämjande insatser i åk 1–3');
    const goal = page.locator('[id$="aktiviteter_0_namndmalId"]');
    expect(await goal.evaluate((el) => el.tagName)).toBe('SELECT');
    await goal.selectOption({ label: `BIN-1 – ${GOAL}` });
    await page.locator('[id$="aktiviteter_0_ansvarig"]').fill('Cecilia Olsson');
    await page.locator('[id$="aktiviteter_0_klartDatum"]').fill(`${YEAR}-06-15`);
    // The reviewer's comment is not the author's to write.
    expect(await page.locator('[id$="granskningskommentar"]').isEditable()).toBe(false);
    await expectAccessible(page, 'Enhetsplan, ny');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.getByRole('button', { name: 'Skicka till områdeschef' }).click();
    await page.getByText('Klart: Skicka till områdeschef.').waitFor();
    const saved = await ok((await apiAs('ekangen.rektor'))('GET', `/api/documents/${ids.plan}`));
    expect(saved.data.aktiviteter[0].namndmalId).toBe('BIN-1');
  });

  it('the server refuses a nämndmål that does not exist and keeps what the author may not change', async () => {
    const author = await apiAs('ostansjo.rektor');
    const units = await ok(author('GET', '/api/org-units'));
    const other = await create(
      await apiAs('admin'),
      'enhetsplan',
      units.items.find((u: { name: string }) => u.name === 'Östansjö skola').id,
    );
    const refused = await author('PUT', `/api/documents/${other.id}/data`, {
      data: { aktiviteter: [{ titel: 'x', namndmalId: 'BIN-99' }] },
      expectedVersion: other.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        pointer: '/aktiviteter/0/namndmalId',
        message: expect.stringMatching(/finns inte i nämndens Mål- och budget/),
      },
    ]);
  });

  it('the område chief decides on a phone from the mailed link, in the words the mail used', async () => {
    const mail = await smtp.waitFor(
      (mails) =>
        mails.find(
          (m) =>
            m.to.includes('grundskola.chef@hallsberg.example') &&
            m.subject.includes(planTitle) &&
            /\/approve\//.test(m.text),
        ),
      60_000,
    );
    expect(mail.text).toContain('välj Godkänn enhetsplanen eller Returnera för ändring');
    expect(mail.text).not.toMatch(/Avslå|avslag/);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const link = /https?:\/\/\S+\/approve\/[\w-]+/.exec(mail.text)?.[0] as string;

    // Mina uppgifter: one row for the plan, not a task and an approval with two statuses.
    await signIn(browser.page, user('grundskola.chef'));
    const rows = browser.page.locator('.task').filter({ hasText: planTitle });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.getByText('Ta ställning: godkänn eller returnera för ändring').waitFor();
    await rows.getByText('Granskning av områdeschef').waitFor();

    const phone = await newContext(browser.context.browser() as Browser, { width: 375, height: 812 });
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Godkännande' }).waitFor();
    await page.getByText('Skickat för godkännande av Cecilia Olsson.').waitFor();
    expect(await page.getByRole('link', { name: 'Öppna hela dokumentet' }).getAttribute('href')).toBe(
      `/dokument/${ids.plan}`,
    );
    // The decision comes before the whole document, on the first screens.
    const decision = await page.getByRole('heading', { level: 2, name: 'Ditt beslut' }).boundingBox();
    const content = await page.getByRole('heading', { level: 2, name: 'Dokumentets innehåll' }).boundingBox();
    expect(decision && content && decision.y < content.y).toBe(true);
    expect(decision && decision.y < 1200).toBe(true);
    expect(await page.getByText('Avslå').count()).toBe(0);
    // The approver sees the goal by name, not "BIN-1" alone.
    const goal = page.locator('[id$="aktiviteter_0_namndmalId"]');
    expect(await goal.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(
      `BIN-1 – ${GOAL}`,
    );
    await expectAccessible(page, 'Godkännande på telefon');
    await screenshot(page, 'godkannande-telefon');

    await page.getByLabel('Returnera för ändring').check();
    await page.getByLabel(/Kommentar/).fill(RETURN_REASON);
    await page.getByRole('button', { name: 'Skicka beslut' }).click();
    await page.getByText('Du har returnerat dokumentet för ändring.').waitFor();
    await phone.close();
  });

  it('the enhetschef finds who returned the plan, when and why, in the mail, the task list and the page', async () => {
    const mail = await smtp.waitFor(
      (mails) =>
        mails.find(
          (m) => m.to.includes('ekangen.rektor@hallsberg.example') && m.subject.includes('returnerats'),
        ),
      60_000,
    );
    expect(mail.text).toContain('Jonas Bergström skickade tillbaka dokumentet (Returnera för ändring)');
    expect(mail.text).toContain(`Skäl: ${RETURN_REASON}`);
    expect(mail.text).toContain(`/dokument/${ids.plan}`);

    const { page } = browser;
    await signIn(page, user('ekangen.rektor'));
    const row = page.locator('.task').filter({ hasText: planTitle });
    await row.getByText(/Skickat tillbaka \(Returnera för ändring\) av Jonas Bergström/).waitFor();
    await row.getByText(RETURN_REASON).waitFor();
    await row.getByRole('link').first().click();
    const notice = page.locator('.sent-back');
    await notice.getByRole('heading', { name: 'Skickat tillbaka: Returnera för ändring' }).waitFor();
    await notice.getByText(RETURN_REASON).waitFor();
    await notice
      .getByText(/Jonas Bergström skickade tillbaka dokumentet från steget Granskning av områdeschef/)
      .waitFor();
    // Above the form, where the author looks first.
    const noticeBox = await notice.boundingBox();
    const formBox = await page.getByRole('heading', { level: 2, name: 'Innehåll' }).boundingBox();
    expect(noticeBox && formBox && noticeBox.y < formBox.y).toBe(true);
    await expectAccessible(page, 'Enhetsplan, returnerad');
    await screenshot(page, 'enhetsplan-returnerad');
  });

  it('the last step says what must happen first, names the document and links to it; no API path', async () => {
    const author = await apiAs('ekangen.rektor');
    await send(author, ids.plan, 'SUBMIT');
    await send(await apiAs('grundskola.chef'), ids.plan, 'APPROVE');
    const view = await ok(author('GET', `/api/documents/${ids.plan}`));
    expect(view.allowedEvents.map((e: { type: string }) => e.type)).not.toContain('ADOPT');
    expect(view.unavailableEvents).toEqual([
      expect.objectContaining({
        type: 'ADOPT',
        label: 'Anta enhetsplanen',
        reason: expect.stringContaining(ids.upstreamTitle),
        blockedBy: { id: ids.upstream, title: ids.upstreamTitle },
      }),
    ]);

    const { page } = browser;
    await signIn(page, user('ekangen.rektor'));
    await page.goto(`/dokument/${ids.plan}`);
    const adopt = page.getByRole('button', { name: 'Anta enhetsplanen' });
    await adopt.waitFor();
    expect(await adopt.isDisabled()).toBe(true);
    const reason = page.locator('.event-reason');
    await reason
      .getByText(`Det överordnade dokumentet ${ids.upstreamTitle} är inte fastställt ännu`, { exact: false })
      .waitFor();
    expect(await page.locator('main').textContent()).not.toContain('/api/');
    await expectAccessible(page, 'Enhetsplan, antagande väntar');
    await screenshot(page, 'enhetsplan-anta-vantar');
    expect(
      await reason.getByRole('link', { name: `Gå till ${ids.upstreamTitle}` }).getAttribute('href'),
    ).toBe(`/dokument/${ids.upstream}`);
  });

  it('the registrar sees the diarienummer in the header once the report is registered', async () => {
    const fvc = await apiAs('bin.fvc');
    const units = await ok(fvc('GET', '/api/org-units'));
    const bin = units.items.find((u: { code: string }) => u.code === 'BIN').id;
    const report = await create(
      fvc,
      'manadsrapport',
      bin,
      {
        ekonomi: {
          arsbudget: 548_000_000,
          periodbudget: 91_300_000,
          utfall: 91_000_000,
          prognos: 548_000_000,
        },
        analys: 'Enligt plan.',
        foreslagnaAtgarder: 'Inga.',
      },
      `${YEAR}-03`,
    );
    await send(fvc, report.id, 'SUBMIT');
    await send(fvc, report.id, 'APPROVE');
    await send(await apiAs('bin.sekreterare'), report.id, 'DECIDE', {
      beslut: { datum: `${YEAR}-04-20`, paragraf: '§ 41' },
    });
    const registered = await send(await apiAs('registrator'), report.id, 'REGISTER');
    expect(registered.state).toBe('ks_treatment');
    const { diarienummer } = await ok(fvc('GET', `/api/documents/${report.id}`));
    expect(diarienummer).toMatch(/\d+\/\d{4}/);
    ids.report = report.id;

    const { page } = browser;
    await signIn(page, user('registrator'));
    await page.goto(`/dokument/${report.id}`);
    const header = page.locator('.meta-grid');
    await header.getByText('Diarienummer').waitFor();
    await header.getByText(diarienummer).waitFor();
    await expectAccessible(page, 'Månadsrapport, registrerad');
  });

  it('amounts are kronor: shown grouped, typed with spaces, decimals refused with a message', async () => {
    const { page } = browser;
    await signIn(page, user('bin.fvc'));
    await page.goto(`/dokument/${ids.goals}`);
    await page.getByRole('heading', { level: 2, name: 'Innehåll' }).waitFor();
    const netto = page.locator('[id$="budget_netto"]');
    const intakter = page.locator('[id$="budget_intakter"]');
    const kostnader = page.locator('[id$="budget_kostnader"]');
    await intakter.fill('64 000 000');
    await kostnader.fill('668500000');
    await netto.fill('11900000,50');
    await page.getByText(/Ange beloppet i hela kronor, utan öre/).waitFor();
    await netto.fill('604 500 000');
    await netto.blur();
    expect(await page.getByText(/Ange beloppet i hela kronor, utan öre/).count()).toBe(0);
    await kostnader.blur();
    expect(await kostnader.inputValue()).toBe('668\u00a0500\u00a0000');
    await expectAccessible(page, 'Mål- och budget, belopp');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    const saved = await ok((await apiAs('bin.fvc'))('GET', `/api/documents/${ids.goals}`));
    expect(saved.data.budget).toEqual({ intakter: 64_000_000, kostnader: 668_500_000, netto: 604_500_000 });
    expect(await netto.inputValue()).toBe('604\u00a0500\u00a0000');
  });

  it('a printed document is its text: no menu, no buttons, no empty input boxes', async () => {
    const { page } = browser;
    await signIn(page, user('ekangen.rektor'));
    await page.goto(`/dokument/${ids.plan}`);
    await page.getByRole('heading', { level: 2, name: 'Innehåll' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Spara' }).isVisible()).toBe(false);
    const field = page.locator('[id$="aktiviteter_0_titel"]');
    expect(await field.inputValue()).toBe('Läsfrämjande insatser i åk 1–3');
    const look = await field.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopStyle, background: s.backgroundColor };
    });
    expect(look).toEqual({ border: 'none', background: 'rgba(0, 0, 0, 0)' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
