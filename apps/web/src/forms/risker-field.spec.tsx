import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldProps } from '@rjsf/utils';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { apiQuery, createQueryClient } from '../api/query-client';
import { RiskerField } from './risker-field';

// The internkontrollplan's risks as shipped, rendered by the field its ui schema names (#16), with
// the installation's matrix in the cache. RJSF's own ArrayField (the inputs) is left out: ESM only.
const ui = JSON.parse(readFileSync(join(process.cwd(), 'forms/internkontrollplan/content.ui.json'), 'utf8'));

function render(risker: Record<string, unknown>[], matrix = { size: 4, mediumFrom: 5, highFrom: 9 }): string {
  expect(ui.risker['ui:field']).toBe('risker');
  const client = createQueryClient();
  client.setQueryData(apiQuery('/api/risk-matrix').queryKey, { ...matrix, levels: [], updatedAt: null });
  const props = {
    schema: { type: 'array' },
    formData: risker,
    fieldPathId: { $id: 'doc_risker', path: ['risker'] },
    registry: { fields: { ArrayField: () => null } },
    onChange: () => undefined,
    readonly: true,
  } as unknown as FieldProps;
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <RiskerField {...props} />
    </QueryClientProvider>,
  );
}

describe('the risker field', () => {
  it('computes each risk value from its grades, whatever was typed, with its level in words', () => {
    const html = render([
      { risk: 'Felaktiga utbetalningar', sannolikhet: 3, konsekvens: 4, riskvarde: 2 },
      { risk: 'Nycklar', sannolikhet: 2, konsekvens: 2 },
      { risk: 'Ej bedömd' },
    ]);
    expect(html).toContain('Risk 1: Felaktiga utbetalningar');
    expect(html).toMatch(/data-testid="doc_risker-0-riskvarde">riskvärde 12 \(3 × 4\), hög risk/);
    expect(html).toMatch(/data-testid="doc_risker-1-riskvarde">riskvärde 4 \(2 × 2\), låg risk/);
    expect(html).toMatch(/data-testid="doc_risker-2-riskvarde">välj sannolikhet och konsekvens/);
  });

  it('colours by the installation’s thresholds', () => {
    const html = render([{ risk: 'Nycklar', sannolikhet: 2, konsekvens: 3 }], {
      size: 5,
      mediumFrom: 7,
      highFrom: 15,
    });
    expect(html).toMatch(/riskvärde 6 \(2 × 3\), låg risk/);
  });
});
