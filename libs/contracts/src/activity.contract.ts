import type { FromSchema } from 'json-schema-to-ts';
import { DOCUMENT_TYPE_KEYS } from '@rodtrad/domain';
import { nullableString, type JsonSchema } from './json-schema';
import { listOf } from './paging';
import { personRef } from './document-place';

/**
 * One thing that happened to a document the caller has worked on: a step taken, a save, a
 * return, by whom and when. The start page's "Händelser i dina dokument".
 */
const activityEntry = {
  type: 'object',
  required: [
    'documentId',
    'title',
    'type',
    'at',
    'actor',
    'byMe',
    'event',
    'eventLabel',
    'fromStateTitle',
    'toStateTitle',
    'comment',
  ],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string', enum: DOCUMENT_TYPE_KEYS },
    at: { type: 'string', format: 'date-time' },
    actor: { ...personRef, description: 'null when the system acted (a deadline, an import)' },
    byMe: { type: 'boolean', description: 'The caller did it' },
    event: { type: 'string', description: 'The event key, e.g. SUBMIT, RETURN, or SAVE for a saved draft' },
    eventLabel: {
      ...nullableString,
      description:
        "The event's label in the step it was sent from, e.g. 'Skicka till områdeschef'; null for what no step names (CREATE, SAVE, MIGRATE)",
    },
    fromStateTitle: {
      ...nullableString,
      description: 'The step it left; null when the document was created',
    },
    toStateTitle: { type: 'string', description: 'The step it is in after the event' },
    comment: nullableString,
  },
} as const;

export type ActivityEntryView = FromSchema<typeof activityEntry>;
export const activitySchema: JsonSchema = listOf(activityEntry);

const activityQuery = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
} as const;

export type ActivityQuery = FromSchema<typeof activityQuery, { keepDefaultedPropertiesOptional: true }>;
export const activityQuerySchema: JsonSchema = activityQuery;
