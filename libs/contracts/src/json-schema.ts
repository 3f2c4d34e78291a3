/**
 * A JSON Schema object, as ajv validates it and as the OpenAPI description publishes it.
 * Schemas here keep to the OpenAPI 3.0 subject (`nullable: true`, not `type: [.., 'null']`).
 *
 * Each contract is written once, as a schema declared `as const`; its TypeScript type is derived
 * from it with json-schema-to-ts (`FromSchema`), and the schema is exported typed as `JsonSchema`
 * for the API's validation and OpenAPI decorators:
 *
 *   const userView = { type: 'object', ... } as const;
 *   export type UserView = FromSchema<typeof userView>;
 *   export const userViewSchema: JsonSchema = userView;
 *
 * A response schema lists every member the server sends as required (nullable where it may be
 * null) and closes the object (`additionalProperties: false`): the integration tier checks every
 * response against it (test/support/api-contract.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema is open-ended by nature
export type JsonSchema = Record<string, any>;

/**
 * A name or title that ends up in pages, mail subjects and exports: no control characters and no
 * bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069), which
 * can make a text read differently from what it is ("Trojan Source").
 */
export const PLAIN_TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$';

/** A one-line text of 1 to `maxLength` characters without control or bidi-override characters. */
export const plainText = <N extends number>(maxLength: N) =>
  ({ type: 'string', minLength: 1, maxLength, pattern: PLAIN_TEXT_PATTERN }) as const;

/** Members that may be null, as OpenAPI 3.0 writes it. */
export const nullableString = { type: 'string', nullable: true } as const;
export const nullableInteger = { type: 'integer', nullable: true } as const;
export const nullableDateTime = { type: 'string', format: 'date-time', nullable: true } as const;
