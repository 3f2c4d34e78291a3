import { expectAccessible, screenshot, signIn, useBrowser } from './support/browser';

// Förvaltningsplan: no other browser test starts one, so publishing a version here changes nothing they see.
describe('web: an administrator edits a workflow', () => {
  const browser = useBrowser();

  it('adds a state in the editor, sees the diagram change and an error appear and disappear, publishes', async () => {
    const { page } = browser;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Arbetsflöden' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsflöden' }).waitFor();
    const section = page.getByRole('region', { name: 'Förvaltningsplan' });
    await section.getByRole('table').waitFor();
    await expectAccessible(page, 'Arbetsflöden');
    await section.getByRole('button', { name: 'Nytt utkast av Förvaltningsplan' }).click();
    await page.getByRole('heading', { level: 1, name: /^Förvaltningsplan, version \d+$/ }).waitFor();

    const nodes = page.locator('[data-testid="workflow-diagram"] .wf-node');
    await nodes.first().waitFor();
    expect(await nodes.count()).toBe(3);

    // A new state nothing leads to yet: drawn at once, refused on save with its pointer.
    const editor = page.getByRole('textbox', { name: 'Definition (JSON)' });
    const definition = JSON.parse(await editor.inputValue());
    definition.machine.states.quality_check = {
      meta: {
        title: 'Kvalitetsgranskning',
        form: 'review',
        editableBy: ['handlaggare'],
        responsible: ['forvaltningschef'],
        events: { QUALITY_OK: { label: 'Godkänn kvaliteten', roles: ['forvaltningschef'] } },
      },
      on: { QUALITY_OK: { target: 'review' } },
    };
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.locator('[data-testid="workflow-diagram"] [data-state="quality_check"]').waitFor();
    expect(await nodes.count()).toBe(4);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Definitionen har' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('/definition/machine/states/quality_check');
    await screenshot(page, 'arbetsflode-fel');

    // Lead the submission through it: the error goes away.
    definition.machine.states.draft.on.SUBMIT.target = 'quality_check';
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat och giltigt.').waitFor();
    expect(await problems.count()).toBe(0);
    await page.getByRole('listitem').filter({ hasText: 'SUBMIT → Kvalitetsgranskning' }).first().waitFor();

    let confirmText = '';
    page.once('dialog', (dialog) => {
      confirmText = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: /^Publicera version \d+$/ }).click();
    // The editor reloads as the published version (the short "publicerad" notice may already be
    // gone by then): that read-only page is the proof.
    await page.getByText(/är publicerad och ändras aldrig/).waitFor();
    expect(confirmText).toContain('Nya dokument av typen startar på version');
    await expectAccessible(page, 'Arbetsflöde, publicerad version');
    await screenshot(page, 'arbetsflode-publicerad');
  });
});
