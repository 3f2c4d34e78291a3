import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

/** Every list is paged the same way: `?limit=&offset=` → `{ items, total }`. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** `?limit=&offset=`: the members every paged list's query schema spreads in. */
export const pagingProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

const pagingQuery = { 'x-query': true, type: 'object', properties: pagingProperties } as const;

/** After validation: ajv fills in the defaults. */
export type PagingQuery = Pick<FromSchema<typeof pagingQuery>, 'limit' | 'offset'>;
export const pagingQuerySchema: JsonSchema = pagingQuery;

/**
 * `Page<T>` as a schema, for a schema declared `as const` (FromSchema reads it); the generic type
 * above is its counterpart for types already derived.
 */
export const pageOf = <const S extends JsonSchema>(item: S) =>
  ({
    type: 'object',
    required: ['items', 'total'],
    additionalProperties: false,
    properties: { items: { type: 'array', items: item }, total: { type: 'integer', minimum: 0 } },
  }) as const;

export const pageSchema = (item: JsonSchema): JsonSchema => pageOf(item);

/** `{ items }`: a whole list, not paged (a document's history, the year's status rows). */
export const listOf = <const S extends JsonSchema>(item: S) =>
  ({
    type: 'object',
    required: ['items'],
    additionalProperties: false,
    properties: { items: { type: 'array', items: item } },
  }) as const;

export const listSchema = (item: JsonSchema): JsonSchema => listOf(item);
