import type { JsonObject } from '@rodtrad/workflow';
import { hasChoices, withChoices } from '../document-choices';

const plan: JsonObject = {
  type: 'object',
  properties: {
    risker: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          sannolikhet: { type: 'integer', enum: [1, 2, 3, 4] },
          konsekvens: { type: 'integer', enum: [1, 2, 3, 4] },
          riskvarde: { type: 'integer', minimum: 1, readOnly: true },
        },
      },
    },
  },
};

const report: JsonObject = {
  type: 'object',
  properties: { internkontroll: { type: 'array', items: { type: 'object' } } },
};

type Props = Record<string, JsonObject>;
const itemProps = (s: JsonObject) =>
  ((s['properties'] as Props)['risker']['items'] as JsonObject)['properties'] as Props;

describe('internal control in the forms (DocumentChoices)', () => {
  it('grades likelihood and consequence on the installation’s matrix, the risk value up to size²', () => {
    const props = itemProps(withChoices(plan, { riskScale: 5 }));
    expect(props['sannolikhet']['enum']).toEqual([1, 2, 3, 4, 5]);
    expect(props['konsekvens']['enum']).toEqual([1, 2, 3, 4, 5]);
    expect(props['riskvarde']).toMatchObject({ maximum: 25, readOnly: true });
    expect(hasChoices({ riskScale: 4 })).toBe(true);
  });

  it('starts a report’s follow-up with the adopted plan’s controls', () => {
    const controls = [
      { nr: 1, kontroll: 'Attestkontroll' },
      { nr: 2, kontroll: 'Nyckelinventering' },
    ];
    const out = withChoices(report, { controls });
    expect((out['properties'] as Props)['internkontroll']['default']).toEqual(controls);
    expect(hasChoices({ controls: [] })).toBe(false);
    expect(withChoices(report, { controls: [] })).toEqual(report);
  });
});
