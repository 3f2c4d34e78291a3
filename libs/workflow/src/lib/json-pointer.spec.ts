import { joinPointer, parsePointer, resolvePointer } from './json-pointer';

describe('json pointers', () => {
  it('escapes ~ and / in tokens', () => {
    expect(joinPointer('/machine/states', 'a/b', 'c~d')).toBe('/machine/states/a~1b/c~0d');
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePointer('')).toEqual([]);
  });

  it('resolves values in objects and arrays, undefined when missing', () => {
    const doc = { beslut: { datum: '2025-01-31', rader: [{ x: 1 }] } };
    expect(resolvePointer(doc, '/beslut/datum')).toBe('2025-01-31');
    expect(resolvePointer(doc, '/beslut/rader/0/x')).toBe(1);
    expect(resolvePointer(doc, '/beslut/rader/1/x')).toBeUndefined();
    expect(resolvePointer(doc, '/beslut/rader/-')).toBeUndefined();
    expect(resolvePointer(doc, '/saknas/djupt')).toBeUndefined();
    expect(resolvePointer(doc, '')).toBe(doc);
  });

  it('rejects a string that is not a pointer', () => {
    expect(() => parsePointer('beslut/datum')).toThrow('Not a JSON pointer');
  });
});
