/**
 * A JSON Schema object, as ajv validates it and as the OpenAPI description publishes it.
 * Schemas here keep to the OpenAPI 3.0 subject (`nullable: true`, not `type: [.., 'null']`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema is open-ended by nature
export type JsonSchema = Record<string, any>;
