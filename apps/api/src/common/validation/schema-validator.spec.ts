import { PLAIN_TEXT_PATTERN } from '@rodtrad/contracts';
import { validatorFor } from './schema-validator';

// #18: "an empty username says 'Värdet har fel form.'": a pattern's failure says what is wrong.
describe('messages of a pattern that does not match', () => {
  const schema = {
    type: 'object',
    properties: {
      username: {
        type: 'string',
        pattern: '^[a-z0-9._-]{2,80}$',
        description: '2–80 gemener (a–z), siffror och . _ -',
      },
      code: { type: 'string', pattern: '^[A-Z]+$' },
      text: { type: 'string', pattern: PLAIN_TEXT_PATTERN },
    },
  };
  const validate = validatorFor(schema);

  it('calls an empty field empty', () => {
    expect(validate({ username: '' })).toEqual([
      { pointer: '/username', message: 'Fältet får inte vara tomt.' },
    ]);
  });

  it('says what is allowed when the schema describes it', () => {
    expect(validate({ username: 'Anna Berg' })).toEqual([
      {
        pointer: '/username',
        message: 'Värdet har fel form. Tillåtet: 2–80 gemener (a–z), siffror och . _ -.',
      },
    ]);
  });

  it('falls back to the plain message without a description, and names hidden characters', () => {
    expect(validate({ code: 'abc' })).toEqual([{ pointer: '/code', message: 'Värdet har fel form.' }]);
    expect(validate({ text: 'a\u202Eb' })[0]?.message).toContain('styrtecken');
  });
});
