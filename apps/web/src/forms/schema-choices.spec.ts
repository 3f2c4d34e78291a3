import { pendingChoiceSources, withChoiceTitles } from './schema-choices';

const source = { id: 'mb-1', title: 'Mål- och budget 2027 – Bildningsnämnden', adopted: false };
const form = {
  type: 'object',
  properties: {
    aktiviteter: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          namndmalId: {
            type: 'string',
            enum: ['BIN-1', 'BIN-2'],
            enumNames: ['BIN-1 – Fler behöriga', 'BIN-2 – Trygg skola'],
            'x-choices-from': source,
          },
          status: { type: 'string', enum: ['planerad', 'pagaende'] },
        },
      },
    },
  },
};

describe('choices in the form', () => {
  it('offers nämndmål by name, not by id', () => {
    const out = withChoiceTitles(form) as typeof form;
    const goal = out.properties.aktiviteter.items.properties.namndmalId as Record<string, unknown>;
    expect(goal['oneOf']).toEqual([
      { const: 'BIN-1', title: 'BIN-1 – Fler behöriga' },
      { const: 'BIN-2', title: 'BIN-2 – Trygg skola' },
    ]);
    expect(goal['enum']).toBeUndefined();
    // An enum without names stays as it is, and the original is not changed.
    expect(out.properties.aktiviteter.items.properties.status).toEqual({
      type: 'string',
      enum: ['planerad', 'pagaende'],
    });
    expect(form.properties.aktiviteter.items.properties.namndmalId.enum).toEqual(['BIN-1', 'BIN-2']);
  });

  it('names the upstream documents not adopted yet, once each', () => {
    expect(pendingChoiceSources(form)).toEqual([source]);
    const adopted = { ...source, adopted: true };
    expect(
      pendingChoiceSources({
        properties: { a: { 'x-choices-from': adopted }, b: { 'x-choices-from': adopted } },
      }),
    ).toEqual([]);
  });
});
