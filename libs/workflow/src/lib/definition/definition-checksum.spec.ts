import { canonicalJson, definitionChecksum } from './definition-checksum';

describe('definitionChecksum', () => {
  it('does not depend on key order or formatting', () => {
    const a = { key: 'x', machine: { initial: 'a', states: { a: { meta: { title: 'A' } } } } };
    const b = JSON.parse(
      '{ "machine": { "states": { "a": { "meta": { "title": "A" } } }, "initial": "a" }, "key": "x" }',
    );
    expect(definitionChecksum(a)).toBe(definitionChecksum(b));
    expect(definitionChecksum(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when content changes, including array order', () => {
    expect(definitionChecksum({ r: [1, 2] })).not.toBe(definitionChecksum({ r: [2, 1] }));
    expect(definitionChecksum({ t: 'Utkast' })).not.toBe(definitionChecksum({ t: 'Utkasts' }));
  });

  it('writes canonical JSON like JSON.stringify without undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'å'], c: undefined })).toBe('{"a":[true,null,"å"],"b":1}');
  });
});
