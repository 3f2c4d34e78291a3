import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs, eventually } from './support/http-api';

/**
 * KS's decision on an escalation in Chromium (#16): KS's secretary records "Lämna råd" with the
 * meeting's date and paragraph on the decision page (an error is shown at its field first), the
 * escalation then shows the decision and its history, and the nämnd's förvaltningschef sees the
 * advice on the åtgärdsplan. axe finds nothing serious on any page. A year of its own (2096).
 */
const YEAR = 2096;
const user = (username: string) => ({ username, password: process.env['DEMO_PASSWORD'] ?? 'demo' });
const ADVICE =
  'Redovisa effekten av omprioriteringen i delårsrapporten och se över avtalet för vinterväghållning.';
/** Yesterday in Sweden: a meeting is recorded after it was held. */
const MEETING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
  new Date(Date.now() - 86_400_000),
);

describe('web: kommunstyrelsens beslut om en avvikelse och rådet på åtgärdsplanen (#16)', () => {
  const browser = useBrowser();
  let escalationId = '';
  let planId = '';

  beforeAll(async () => {
    const units = await (await apiAs('registrator'))('GET', '/api/org-units?limit=500');
    const dsn = units.body.items.find((u: { code: string }) => u.code === 'DSN').id;
    const reported = await (
      await apiAs('dsn.ordforande')
    )('POST', '/api/escalations', {
      orgUnitId: dsn,
      year: YEAR,
      amount: -2_500_000,
      description: 'Vinterväghållningen har kostat mer än budgeterat.',
      measures: 'Omprioritering inom gatuunderhållet.',
    });
    if (reported.status !== 201)
      throw new Error(`report: ${reported.status} ${JSON.stringify(reported.body)}`);
    escalationId = reported.body.id;
    const ks = await apiAs('ks.sekreterare');
    planId = await eventually(async () => {
      const e = await ks('GET', `/api/escalations/${escalationId}`);
      return e.body.actionPlanDocumentId as string | null;
    }, 'the åtgärdsplan of the reported deviation');
  }, 60_000);

  it("lets KS's secretary record the decision, field errors first, then shows it with its history", async () => {
    const { page } = browser;
    await signIn(page, user('ks.sekreterare'));
    await page.goto(`/avvikelser/${escalationId}`);
    await page.getByRole('link', { name: /Registrera kommunstyrelsens beslut/ }).click();
    await page.waitForURL(`**/avvikelser/${escalationId}/beslut`);
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Kommunstyrelsens beslut: Rapporterad avvikelse – Drift- och servicenämnden',
      })
      .waitFor();
    expect(await expectAccessible(page, 'beslutssidan')).toEqual([]);

    // Nothing chosen: the summary says so and links to the choice.
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByRole('alert').getByText('Välj kommunstyrelsens beslut.').waitFor();
    await page.getByLabel('Lämna råd').check();
    await page.getByLabel('Sammanträdets datum').fill(MEETING);
    await page.getByLabel('Paragraf').fill('45');
    await page.getByLabel('Kommunstyrelsens råd till nämnden').fill(ADVICE);
    // The server refuses the paragraph at its field; nothing is recorded.
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    const paragraphError = page.locator('#decision-paragraph-error');
    await paragraphError.waitFor();
    expect(await paragraphError.innerText()).toContain('§ 45');
    expect(await page.getByLabel('Paragraf').getAttribute('aria-invalid')).toBe('true');
    expect(await expectAccessible(page, 'beslutssidan med fel')).toEqual([]);
    await screenshot(page, 'ks-beslut-fel');

    await page.getByLabel('Paragraf').fill('§ 45');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.waitForURL(`**/avvikelser/${escalationId}`);
    const decision = page.getByRole('region', { name: 'Kommunstyrelsens beslut' });
    // The advice in the decision, and again in the history below it.
    await decision.getByRole('definition').filter({ hasText: ADVICE }).waitFor();
    await decision
      .getByText(/Lämna råd/)
      .first()
      .waitFor();
    await page
      .getByText(`Kommunstyrelsen beslutade ${MEETING}, § 45, att lämna råd till nämnden: ${ADVICE}`)
      .waitFor();
    expect(await page.getByRole('link', { name: /Registrera kommunstyrelsens beslut/ }).count()).toBe(0);
    expect(await expectAccessible(page, 'avvikelsen med beslut')).toEqual([]);
    await screenshot(page, 'ks-beslut');
  }, 60_000);

  it("shows the nämnd KS's advice on its åtgärdsplan", async () => {
    const { page } = browser;
    await signIn(page, user('dsn.fvc'));
    await page.goto(`/dokument/${planId}`);
    const advice = page.getByRole('region', { name: 'Kommunstyrelsens råd' });
    await advice.getByText(ADVICE).waitFor();
    expect(await advice.innerText()).toContain('§ 45');
    await advice.getByRole('link', { name: 'öppna avvikelsen' }).waitFor();
    expect(await expectAccessible(page, 'åtgärdsplanen med rådet')).toEqual([]);
    await screenshot(page, 'atgardsplan-ks-rad');
  }, 60_000);
});
