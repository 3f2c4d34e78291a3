import { createFormValidator } from './form-validator';
import { draftSchema } from './draft-schema';

const schema = {
  type: 'object',
  required: ['titel', 'aktiviteter'],
  properties: {
    titel: { type: 'string', minLength: 1 },
    aktiviteter: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['klartDatum'],
        properties: { klartDatum: { type: 'string', format: 'date' } },
      },
    },
  },
};

describe('draftSchema', () => {
  const v = createFormValidator();

  it('lets a half-filled draft be saved', () => {
    expect(v.validate(schema, {})).not.toEqual([]);
    expect(v.validate(draftSchema(schema), {})).toEqual([]);
    expect(v.validate(draftSchema(schema), { aktiviteter: [{}] })).toEqual([]);
  });

  it('still refuses wrong types and formats while saving', () => {
    const errors = v.validate(draftSchema(schema), { titel: 5, aktiviteter: [{ klartDatum: '31/1' }] });
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/aktiviteter/0/klartDatum', '/titel']);
  });

  it('leaves the original schema untouched', () => {
    draftSchema(schema);
    expect(schema.required).toEqual(['titel', 'aktiviteter']);
  });
});
