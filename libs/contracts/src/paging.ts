import type { JsonSchema } from './json-schema';
/** Every list is paged the same way: `?limit=&offset=` → `{ items, total }`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export const pagingQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

export interface PagingQuery {
  limit: number;
  offset: number;
}

export const pageSchema = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['items', 'total'],
  properties: { items: { type: 'array', items: item }, total: { type: 'integer', minimum: 0 } },
});
