/**
 * A JSON Schema object, as ajv validates it and as the OpenAPI description publishes it.
 * Schemas here keep to the OpenAPI 3.0 subject (`nullable: true`, not `type: [.., 'null']`).
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
export const plainText = (maxLength: number): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: PLAIN_TEXT_PATTERN,
});
