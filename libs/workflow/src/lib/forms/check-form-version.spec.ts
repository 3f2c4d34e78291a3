import { checkFormVersion } from './check-form-version';
import { loadFormCatalog } from './form-catalog';

describe('checkFormVersion', () => {
  it('accepts every shipped form', () => {
    const catalog = loadFormCatalog('forms');
    const problems = catalog
      .list()
      .flatMap(({ type, step }) =>
        checkFormVersion(catalog.get(type, step) as never).map(
          (p) => `${type}/${step}${p.pointer}: ${p.message}`,
        ),
      );
    expect(problems).toEqual([]);
  });

  it('refuses a schema that is not valid JSON Schema, with a pointer', () => {
    expect(checkFormVersion({ schema: { type: 'object', properties: { a: { type: 'text' } } } })).toEqual([
      expect.objectContaining({ pointer: expect.stringMatching(/^\/schema\/properties\/a\/type/) }),
    ]);
  });

  it('refuses a root that RJSF cannot render as a form', () => {
    expect(checkFormVersion({ schema: { type: 'string' } })).toEqual([
      { pointer: '/schema/type', message: expect.stringContaining('object') },
    ]);
  });

  it('refuses a uiSchema naming fields that do not exist, also nested and in ui:order', () => {
    const schema = {
      type: 'object',
      properties: {
        rader: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
      },
    };
    expect(
      checkFormVersion({
        schema,
        uiSchema: {
          'ui:order': ['rader', 'saknas', '*'],
          rader: { items: { text: { 'ui:widget': 'textarea' }, fel: {} } },
          annat: { 'ui:widget': 'textarea' },
        },
      }).map((p) => p.pointer),
    ).toEqual(['/uiSchema/ui:order/1', '/uiSchema/rader/items/fel', '/uiSchema/annat']);
  });
});
