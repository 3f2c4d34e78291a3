import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldProps } from '@rjsf/utils';
import { renderToStaticMarkup } from 'react-dom/server';
import { EkonomiField } from './ekonomi-fields';

// The ekonomi of the forms as shipped (forms/<type>/content.schema.json), rendered by the field
// their ui schemas name (#15). RJSF's own ObjectField (the inputs) is left out: it loads as ESM only.
interface ShippedForm {
  properties: Record<string, unknown>;
  ekonomi: Record<string, unknown>;
}
const form = (type: string, part: 'schema' | 'ui'): ShippedForm =>
  JSON.parse(readFileSync(join(process.cwd(), 'forms', type, `content.${part}.json`), 'utf8'));

const plain = (html: string) => html.replace(/\u00a0|\u202f/g, ' ');

function render(type: string, ekonomi: Record<string, number>): string {
  expect(form(type, 'ui').ekonomi['ui:field']).toBe('ekonomi');
  const props = {
    schema: form(type, 'schema').properties['ekonomi'],
    formData: ekonomi,
    fieldPathId: { $id: 'doc_ekonomi', path: ['ekonomi'] },
    registry: { fields: { ObjectField: () => null } },
    onChange: () => undefined,
    readonly: true,
  } as unknown as FieldProps;
  return plain(renderToStaticMarkup(<EkonomiField {...props} />));
}

describe('the ekonomi field', () => {
  it('shows the verksamhetsberättelse’s year deviation, årsbudget − utfall, in words', () => {
    // Bildningsnämnden overran its 614,5 Mkr by 6,8 Mkr.
    const html = render('verksamhetsberattelse', { arsbudget: 614_500_000, utfall: 621_300_000 });
    expect(html).toContain('Budgetavvikelse för året (årsbudget − utfall)');
    expect(html).toMatch(/data-testid="doc_ekonomi-avvikelse-ar">.*−6 800 000 kr.*underskott/);
    // No period and no forecast at year end.
    expect(html).not.toContain('Avvikelse för perioden');
    expect(html).not.toContain('Prognos');
    const surplus = render('verksamhetsberattelse', { arsbudget: 498_000_000, utfall: 497_000_000 });
    expect(surplus).toMatch(/data-testid="doc_ekonomi-avvikelse-ar">.*1 000 000 kr.*överskott/);
  });

  it('keeps the monthly report’s two deviations: årsbudget − prognos and the period’s', () => {
    const html = render('manadsrapport', {
      arsbudget: 550_000_000,
      periodbudget: 183_300_000,
      utfall: 187_900_000,
      prognos: 562_000_000,
    });
    expect(html).toContain('Budgetavvikelse helår (årsbudget − prognos)');
    expect(html).toMatch(/data-testid="doc_ekonomi-avvikelse-ar">.*−12 000 000 kr.*underskott/);
    expect(html).toMatch(/data-testid="doc_ekonomi-avvikelse-period">.*−4 600 000 kr.*underskott/);
  });
});
