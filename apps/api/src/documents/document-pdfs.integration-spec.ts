import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutDocument, secrecyText, type LayoutBlock } from '@rodtrad/domain';
import { loadFormCatalog, loadShippedDefinitions, type WorkflowDefinition } from '@rodtrad/workflow';
import { decisionOf, formsInWorkflowOrder, renderPdf } from '@rodtrad/engine';
import { inOrder, readPdfBack } from '@rodtrad/testing';

/**
 * Every shipped document type, with its fixture's data and its real forms, rendered to PDF and
 * read back with poppler (pdfinfo, pdffonts, pdftotext): tagged, titled, fonts embedded, and the
 * labels and values in the order of the form.
 */
const root = join(__dirname, '../../../..');
const catalog = loadFormCatalog(join(root, 'forms'));
const shipped = loadShippedDefinitions(join(root, 'workflows'))
  .map((s) => s.definition as WorkflowDefinition)
  .filter((d) => existsSync(join(root, 'test/fixtures/documents', `${d.key}.json`)));

function defOf(definition: WorkflowDefinition) {
  const forms = Object.fromEntries(
    catalog
      .list()
      .filter((f) => f.type === definition.key)
      .map((f) => [f.step, catalog.get(f.type, f.step) as NonNullable<ReturnType<typeof catalog.get>>]),
  );
  return { definition, forms };
}

function layoutOf(definition: WorkflowDefinition, secrecy: { pointer: string; paragraph: string }[] = []) {
  const data = JSON.parse(
    readFileSync(join(root, 'test/fixtures/documents', `${definition.key}.json`), 'utf8'),
  );
  return layoutDocument({
    municipality: 'Hallsbergs kommun',
    title: `${definition.title} 2027, Bildningsnämnden`,
    typeTitle: definition.title,
    unitName: 'Bildningsnämnden',
    year: 2027,
    period: null,
    stateTitle: 'Fastställd',
    diarienummer: 'BIN 7/2026',
    decision: decisionOf(definition, data),
    forms: formsInWorkflowOrder(defOf(definition)),
    data,
    redThread: {
      goals: ['BIN-1: Fler elever är behöriga'],
      up: ['Mål och budget, Bildningsnämnden (BIN 3/2026)'],
      down: [],
    },
    secrecy,
  });
}

/** What a reader should find, in order: each heading, each label and value, each table's cells. */
const expectedTexts = (blocks: LayoutBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'heading' || b.kind === 'paragraph'
      ? [b.text]
      : b.kind === 'field'
        ? [`${b.label}:`, b.value]
        : b.kind === 'list'
          ? b.items
          : [b.caption, ...b.headers],
  );

describe('document PDFs read back with poppler', () => {
  it('covers every shipped document type that has a fixture', () => {
    expect(shipped.map((d) => d.key)).toEqual(
      expect.arrayContaining(['mal-och-budget', 'internkontrollplan', 'manadsrapport']),
    );
  });

  it.each(shipped.map((d) => [d.key, d] as const))(
    '%s: tagged, Swedish, titled, fonts embedded, content in form order',
    async (_key, definition) => {
      const layout = layoutOf(definition);
      const pdf = await renderPdf(layout);
      const back = readPdfBack(pdf);
      expect(back.info['Tagged']).toBe('yes');
      expect(back.info['Title']).toBe(layout.title);
      expect(back.fonts.length).toBeGreaterThan(0);
      expect(back.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(
        inOrder(
          back.text,
          expectedTexts(layout.blocks).filter((t) => t.length < 60),
        ),
      ).toEqual({ ok: true });
    },
  );

  it('shows amounts in kronor, the decision and the risk matrix of the internal control plan', async () => {
    const ikp = shipped.find((d) => d.key === 'internkontrollplan') as WorkflowDefinition;
    const back = readPdfBack(await renderPdf(layoutOf(ikp)));
    expect(
      inOrder(back.text, [
        'Risker och kontroller',
        'Risk',
        'Sannolikhet',
        'Konsekvens',
        'Riskmatris',
        'Sannolikhet 4',
      ]),
    ).toEqual({ ok: true });
    const mob = shipped.find((d) => d.key === 'mal-och-budget') as WorkflowDefinition;
    const text = readPdfBack(await renderPdf(layoutOf(mob))).text.replace(/\s+/g, ' ');
    expect(text).toContain('604 500 000 kr');
    expect(text).toContain('Paragraf: § 87');
    expect(text).toContain('Nämndmål 1: Fler elever är behöriga till gymnasiet');
  });

  it('declares the document language sv-SE and a structure tree with headings, tables and paragraphs', async () => {
    const ikp = shipped.find((d) => d.key === 'internkontrollplan') as WorkflowDefinition;
    const pdf = (await renderPdf(layoutOf(ikp), { creationDate: new Date('2026-01-01') })).toString('latin1');
    // PDFKit writes the catalog and structure elements uncompressed.
    expect(pdf).toMatch(/\/Lang \(sv-SE\)/);
    for (const tag of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI'])
      expect(pdf).toMatch(new RegExp(`/S /${tag}\\b`));
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
  });

  it('leaves a secret field out of the public version', async () => {
    const mob = shipped.find((d) => d.key === 'mal-och-budget') as WorkflowDefinition;
    const text = readPdfBack(
      await renderPdf(layoutOf(mob, [{ pointer: '/budget', paragraph: 'OSL 19 kap. 1 §' }])),
    ).text.replace(/\s+/g, ' ');
    expect(text).not.toContain('604 500 000 kr');
    expect(text).toContain(secrecyText('OSL 19 kap. 1 §'));
  });
});
