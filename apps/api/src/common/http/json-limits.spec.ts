import { jsonStorageProblems, MAX_JSON_DEPTH } from './json-limits';

const nested = (levels: number): unknown => {
  let v: unknown = 'botten';
  for (let i = 0; i < levels; i++) v = { n: v };
  return v;
};

describe('jsonStorageProblems: what MariaDB could not store, found before anything is written', () => {
  it('accepts a realistic document and nesting up to the limit', () => {
    expect(
      jsonStorageProblems({
        data: { mal: [{ titel: 'Ökad måluppfyllelse 🎓', indikatorer: [{ varde: 12 }] }] },
      }),
    ).toEqual([]);
    expect(jsonStorageProblems(nested(MAX_JSON_DEPTH - 1))).toEqual([]);
  });

  it('points at the object nested one level too deep', () => {
    const problems = jsonStorageProblems({ data: nested(MAX_JSON_DEPTH) });
    expect(problems).toHaveLength(1);
    // The root is level 1 and /data level 2: the object at level 33 is the first one too deep.
    expect(problems[0].pointer).toBe('/data' + '/n'.repeat(MAX_JSON_DEPTH - 1));
    expect(problems[0].message).toMatch(/fler än 32 nivåer/);
  });

  it('walks 5,000 levels without exhausting the stack', () => {
    expect(jsonStorageProblems({ data: nested(5000) })).toHaveLength(1);
  });

  it('finds lone surrogates in values and in keys, with their pointers', () => {
    expect(jsonStorageProblems({ data: { titel: 'a\ud800b', ['x\udc00/y']: 1, ok: '😀' } })).toEqual([
      { pointer: '/data/x\udc00~1y', message: expect.stringMatching(/Namnet/) },
      { pointer: '/data/titel', message: expect.stringMatching(/Texten/) },
    ]);
  });
});
