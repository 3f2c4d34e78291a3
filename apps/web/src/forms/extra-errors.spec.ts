import { mapFieldErrors, parsePointer } from './extra-errors';
import { fieldTitle, propertyPath } from './schema-title';

describe('parsePointer', () => {
  it('splits and unescapes RFC 6901 pointers', () => {
    expect(parsePointer('/goals/0/a~1b~0c')).toEqual(['goals', '0', 'a/b~c']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('#/a%20b')).toEqual(['a b']);
  });
});

describe('mapFieldErrors', () => {
  it('places body-relative pointers at the fields of the form data', () => {
    const { extraErrors, general } = mapFieldErrors([
      { pointer: '/data/goals/0/title', message: 'Skriv en rubrik.' },
      { pointer: '/data/goals/0/title', message: 'Högst 80 tecken.' },
      { pointer: '/data/budget', message: 'Måste vara ett tal.' },
    ]);
    expect(general).toEqual([]);
    expect(extraErrors).toEqual({
      goals: { 0: { title: { __errors: ['Skriv en rubrik.', 'Högst 80 tecken.'] } } },
      budget: { __errors: ['Måste vara ett tal.'] },
    });
  });

  it('accepts pointers relative to the form data', () => {
    const { extraErrors } = mapFieldErrors([{ pointer: '/summary', message: 'Fyll i.' }]);
    expect(extraErrors).toEqual({ summary: { __errors: ['Fyll i.'] } });
  });

  it('puts errors about the whole document at the root and request errors aside', () => {
    const { extraErrors, general, count } = mapFieldErrors([
      { pointer: '/data', message: 'Dokumentet är ofullständigt.' },
      { pointer: '/expectedVersion', message: 'Saknas.' },
    ]);
    expect(extraErrors).toEqual({ __errors: ['Dokumentet är ofullständigt.'] });
    expect(general).toEqual(['Saknas.']);
    expect(count).toBe(2);
  });
});

describe('fieldTitle', () => {
  const schema = {
    type: 'object',
    properties: {
      summary: { type: 'string', title: 'Sammanfattning' },
      goals: {
        type: 'array',
        items: { type: 'object', properties: { title: { type: 'string', title: 'Mål' } } },
      },
    },
  };

  it('finds the title of a nested field, with its row', () => {
    expect(fieldTitle(schema, propertyPath('.goals.0.title'))).toBe('Mål (1)');
    expect(fieldTitle(schema, propertyPath("['summary']"))).toBe('Sammanfattning');
    expect(fieldTitle(schema, propertyPath('.unknown'))).toBeUndefined();
  });
});
