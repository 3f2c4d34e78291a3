import type { FromSchema } from 'json-schema-to-ts';
import { nullableDateTime, type JsonSchema } from './json-schema';
import { DOCUMENT_PLACE_MEMBERS, documentPlace } from './document-place';
import { pagingProperties } from './paging';
import { sentBackView } from './document.contract';

/** GET /api/tasks: an open document whose current step waits for one of the caller's roles. */
const taskView = {
  type: 'object',
  required: ['documentId', ...DOCUMENT_PLACE_MEMBERS, 'dueAt', 'overdue', 'action', 'events', 'sentBack'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    ...documentPlace,
    dueAt: nullableDateTime,
    overdue: { type: 'boolean' },
    action: { type: 'string', description: 'What to do next, in Swedish' },
    events: { type: 'array', items: { type: 'string' }, description: 'Events the caller may send now' },
    sentBack: sentBackView,
  },
} as const;

export type TaskView = FromSchema<typeof taskView>;
export const taskViewSchema: JsonSchema = taskView;

const taskQuery = {
  'x-query': true,
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    ...pagingProperties,
  },
} as const;

/** After validation: ajv fills in the defaults. */
export type TaskQuery = Pick<FromSchema<typeof taskQuery>, 'year' | 'limit' | 'offset'>;
export const taskQuerySchema: JsonSchema = taskQuery;
