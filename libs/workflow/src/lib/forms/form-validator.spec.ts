import Ajv from 'ajv';
import { createFormValidator, FORM_AJV_OPTIONS, formErrorsFromAjv } from './form-validator';

const schema = {
  type: 'object',
  required: ['namn', 'beslut'],
  additionalProperties: false,
  properties: {
    namn: { type: 'string', minLength: 1, maxLength: 10 },
    kod: { type: 'string', minLength: 3, pattern: '^[A-Z]+$' },
    epost: { type: 'string', format: 'email' },
    antal: { type: 'integer', minimum: 0, maximum: 10 },
    andel: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 },
    status: { enum: ['gron', 'gul', 'rod'] },
    rader: { type: 'array', minItems: 2, maxItems: 3, uniqueItems: true, items: { type: 'string' } },
    en: { type: 'array', minItems: 1 },
    val: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    beslut: {
      type: 'object',
      required: ['datum', 'paragraf'],
      properties: { datum: { type: 'string', format: 'date' }, paragraf: { type: 'string' } },
    },
  },
};

describe('createFormValidator', () => {
  const validator = createFormValidator();

  it('returns [] for valid data', () => {
    expect(
      validator.validate(schema, { namn: 'A', beslut: { datum: '2026-01-31', paragraf: '§ 1' } }),
    ).toEqual([]);
  });

  it('points required errors at the missing field, in Swedish', () => {
    expect(validator.validate(schema, { beslut: {} })).toEqual([
      { pointer: '/namn', message: 'Fältet är obligatoriskt' },
      { pointer: '/beslut/datum', message: 'Fältet är obligatoriskt' },
      { pointer: '/beslut/paragraf', message: 'Fältet är obligatoriskt' },
    ]);
  });

  it('maps the common keywords to Swedish messages per field', () => {
    const errors = validator.validate(schema, {
      namn: '',
      kod: 'ab',
      epost: 'inte-en-adress',
      antal: 11.5,
      andel: 1,
      status: 'bla',
      rader: ['a', 'a', 'b', 'c'],
      en: [],
      val: true,
      extra: 1,
      beslut: { datum: '31/1', paragraf: 3 },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/extra', message: 'Fältet är inte tillåtet' },
        { pointer: '/namn', message: 'Fältet är obligatoriskt' },
        { pointer: '/kod', message: 'Ange minst 3 tecken' },
        { pointer: '/kod', message: 'Värdet har fel format' },
        { pointer: '/epost', message: 'Ange en giltig e-postadress' },
        { pointer: '/antal', message: 'Ange ett heltal' },
        { pointer: '/antal', message: 'Värdet får vara högst 10' },
        { pointer: '/andel', message: 'Värdet måste vara mindre än 1' },
        { pointer: '/status', message: 'Välj ett av de tillåtna värdena' },
        { pointer: '/rader', message: 'Högst 3 rader är tillåtna' },
        { pointer: '/rader', message: 'Värdena måste vara unika' },
        { pointer: '/en', message: 'Lägg till minst en rad' },
        { pointer: '/val', message: 'Värdet uppfyller inte något av alternativen' },
        { pointer: '/beslut/datum', message: 'Ange ett datum (ÅÅÅÅ-MM-DD)' },
        { pointer: '/beslut/paragraf', message: 'Ange en text' },
      ]),
    );
    expect(
      validator.validate(schema, {
        namn: 'x'.repeat(11),
        beslut: { datum: '2026-01-01', paragraf: '1' },
        antal: -1,
        rader: ['a'],
      }),
    ).toEqual([
      { pointer: '/namn', message: 'Ange högst 10 tecken' },
      { pointer: '/antal', message: 'Värdet måste vara minst 0' },
      { pointer: '/rader', message: 'Lägg till minst 2 rader' },
    ]);
  });

  it('accepts two schemas with the same $id', () => {
    expect(validator.validate({ $id: 'form', type: 'string' }, 1)).toEqual([
      { pointer: '', message: 'Ange en text' },
    ]);
    expect(validator.validate({ $id: 'form', type: 'number' }, 1)).toEqual([]);
  });

  it('maps errors of any ajv with the shared options (the browser path)', () => {
    const ajv = new Ajv(FORM_AJV_OPTIONS);
    const validate = ajv.compile({
      type: 'object',
      required: ['a'],
      if: { required: ['b'] },
      then: { required: ['c'] },
    });
    validate({ b: 1 });
    expect(formErrorsFromAjv(validate.errors)).toEqual([
      { pointer: '/c', message: 'Fältet är obligatoriskt' },
      { pointer: '/a', message: 'Fältet är obligatoriskt' },
    ]);
    expect(formErrorsFromAjv(null)).toEqual([]);
  });
});
