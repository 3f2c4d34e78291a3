import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as contracts from './index';
import type { EscalationDetail, UserView, YearStatusRow } from './index';

const schemas = Object.entries(contracts).filter(
  (e): e is [string, Record<string, unknown>] =>
    e[0].endsWith('Schema') && typeof e[1] === 'object' && e[1] !== null,
);

/** Every place in a schema where a subschema sits, with its JSON pointer. */
function* subschemas(node: unknown, at = ''): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const s = node as Record<string, unknown>;
  yield [at, s];
  for (const key of ['properties', 'patternProperties'])
    for (const [k, v] of Object.entries((s[key] as object) ?? {})) yield* subschemas(v, `${at}/${key}/${k}`);
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else'])
    yield* subschemas(s[key], `${at}/${key}`);
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    for (const [i, v] of ((s[key] as unknown[]) ?? []).entries()) yield* subschemas(v, `${at}/${key}/${i}`);
}

describe('the contracts', () => {
  it.each(schemas)('%s compiles with the options the API validates with', (_name, schema) => {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true }));
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(schemas)('%s keeps to OpenAPI 3.0 (nullable: true, one type per schema)', (_name, schema) => {
    const wrong = [...subschemas(schema)].flatMap(([at, s]) => [
      ...(Array.isArray(s['type']) ? [`${at}: type is a list`] : []),
      ...(s['nullable'] && typeof s['type'] !== 'string' ? [`${at}: nullable without a type`] : []),
      ...(Array.isArray(s['enum']) && s['enum'].includes(null) && !s['nullable']
        ? [`${at}: null in enum without nullable`]
        : []),
      ...(Array.isArray(s['required']) && s['type'] === 'object' && s['properties']
        ? (s['required'] as string[])
            .filter((k) => !(k in (s['properties'] as object)))
            .map((k) => `${at}: required ${k} is not a property`)
        : []),
    ]);
    expect(wrong).toEqual([]);
  });

  it('derives the types from the schemas: a value the schema accepts is a value of the type', () => {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const user: UserView = {
      id: 'u1',
      username: 'anna',
      name: 'Anna',
      email: 'anna@example.se',
      active: true,
      roles: [{ role: 'admin', orgUnitId: 'kommun' }],
      groupRoles: [{ role: 'enhetschef', orgUnitId: 'tran' }],
    };
    const row: YearStatusRow = contracts.statusRow({
      orgUnitId: 'bin',
      orgUnitName: 'Barn- och utbildningsnämnden',
      documentType: 'mal-och-budget',
    });
    expect(ajv.validate(contracts.userViewSchema, user)).toBe(true);
    expect(ajv.validate(contracts.yearStatusRowSchema, row)).toBe(true);
    // @ts-expect-error -- the schema closes the object: a member it does not name is no part of the type
    const extra: UserView = { ...user, requestedBy: null };
    expect(ajv.validate(contracts.userViewSchema, extra)).toBe(false);
    const restoration: EscalationDetail['restoration'] = null;
    expect(restoration).toBeNull();
  });
});
