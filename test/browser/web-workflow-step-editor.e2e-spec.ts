import { expectAccessible, formatViolations, screenshot, signIn, useBrowser } from './support/browser';

// #18, found problem 12: workflows were edited only as raw JSON. The visual step editor edits the
// same definition; the JSON follows. Åtgärdsplan: a draft only, never published here, so no other
// browser test sees a change.
describe('web: an administrator edits a workflow’s steps without writing JSON', () => {
  const browser = useBrowser({ width: 1366, height: 900 });

  it('changes a step’s title, editors, reminders and an event, adds a step, and saves a valid draft', async () => {
    const { page } = browser;
    await signIn(page);
    await page.goto('/admin/arbetsfloden');
    const section = page.getByRole('region', { name: 'Åtgärdsplan' });
    await section.getByRole('table').waitFor();
    await section.getByRole('button', { name: 'Nytt utkast av Åtgärdsplan' }).click();
    await page.getByRole('heading', { level: 1, name: /^Åtgärdsplan, version \d+$/ }).waitFor();

    const editor = page.getByRole('region', { name: 'Steg och behörigheter' });
    await editor.getByLabel('Steg att ändra').selectOption('draft');
    const step = editor.getByRole('group', { name: /^Steget / }).first();
    await step.getByLabel('Rubrik').first().fill('Utkast av förvaltningen');
    await step.getByRole('group', { name: 'Får redigera formuläret' }).getByLabel('Registrator').check();
    await step.getByLabel('Påminnelser, dagar före fristen').fill('10, 2');
    const submit = step.getByRole('group', { name: /^Händelsen .* \(SUBMIT\)$/ });
    await submit.getByLabel('Text på knappen').fill('Skicka till förvaltningschefen');
    await submit.getByLabel('Kräver en kommentar').check();
    // A reminder that is not a number of days is said at the field and not written.
    await step.getByLabel('Påminnelser, dagar före fristen').fill('tio');
    await step.getByText('Skriv hela dagar åtskilda med komma, till exempel 14, 3, 1.').waitFor();
    await step.getByLabel('Påminnelser, dagar före fristen').fill('10, 2');

    await editor.getByLabel('Stegets nyckel').fill('Kontroll');
    await editor.getByLabel('Rubrik').last().fill('Ekonomisk kontroll');
    await editor.getByRole('button', { name: 'Lägg till steget' }).click();
    await editor
      .getByText('Nyckeln skrivs med gemener a–z, siffror och _ och börjar med en bokstav.')
      .waitFor();
    await editor.getByLabel('Stegets nyckel').fill('ekonomisk_kontroll');
    await editor.getByRole('button', { name: 'Lägg till steget' }).click();
    await page.locator('[data-testid="workflow-diagram"] [data-state="ekonomisk_kontroll"]').waitFor();
    // The picture keeps its text readable (it was about 4 px): drawn at no less than 0.75 of its size,
    // a wider one scrolls sideways in its own region.
    const scale = await page
      .locator('[data-testid="workflow-diagram"] .react-flow__viewport')
      .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec(el.getAttribute('style') ?? '')?.[1] ?? 0));
    expect(scale).toBeGreaterThanOrEqual(0.75);
    // Lead the submission through the new step, so the draft stays valid.
    await editor.getByLabel('Steg att ändra').selectOption('draft');
    await editor
      .getByRole('group', { name: /^Händelsen .* \(SUBMIT\)$/ })
      .getByLabel('Leder till steget')
      .selectOption('ekonomisk_kontroll');
    await editor.getByLabel('Steg att ändra').selectOption('ekonomisk_kontroll');
    // A step that is not the last shows a form: the step editor offers the draft's forms by name.
    await editor.getByLabel('Formulär i steget').selectOption('review');
    await editor
      .getByRole('group', { name: 'Ansvarar för steget (får uppgiften i Mina uppgifter)' })
      .getByLabel('Förvaltningschef')
      .check();
    const added = editor.getByRole('group', { name: 'Ny händelse i steget' });
    await added.getByLabel('Händelsens nyckel').fill('CHECKED');
    await added.getByLabel('Text på knappen').fill('Kontrollerad');
    await added.getByLabel('Leder till steget').selectOption('review');
    await added.getByRole('button', { name: 'Lägg till händelsen' }).click();
    await editor
      .getByRole('group', { name: 'Händelsen Kontrollerad (CHECKED)' })
      .getByRole('group', { name: 'Får skicka händelsen' })
      .getByLabel('Förvaltningschef')
      .check();

    const json = JSON.parse(await page.getByRole('textbox', { name: 'Definition (JSON)' }).inputValue());
    const draft = json.machine.states.draft;
    expect(draft.meta.title).toBe('Utkast av förvaltningen');
    expect(draft.meta.editableBy).toContain('registrator');
    expect(draft.meta.deadline.reminders).toEqual([10, 2]);
    expect(draft.meta.events.SUBMIT).toMatchObject({
      label: 'Skicka till förvaltningschefen',
      requiresComment: true,
    });
    // The guard and effects of SUBMIT stay as they were.
    expect(draft.on.SUBMIT).toMatchObject({ target: 'ekonomisk_kontroll', guard: expect.anything() });
    expect(json.machine.states.ekonomisk_kontroll).toEqual({
      meta: {
        title: 'Ekonomisk kontroll',
        form: 'review',
        responsible: ['forvaltningschef'],
        events: { CHECKED: { label: 'Kontrollerad', roles: ['forvaltningschef'] } },
      },
      on: { CHECKED: { target: 'review' } },
    });

    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page
      .getByText(/Utkastet är sparat och giltigt\.|Definitionen har/)
      .first()
      .waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Definitionen har' }).allTextContents()).toEqual(
      [],
    );
    await page.getByText('Utkastet är sparat och giltigt.').waitFor();
    await screenshot(page, 'arbetsflode-stegredigerare');
    expect(formatViolations(await expectAccessible(page, 'Arbetsflöde, stegredigerare'))).toBe('');
  });
});
