import type { FromSchema } from 'json-schema-to-ts';
import { nullableDateTime, nullableString, type JsonSchema } from './json-schema';

/** The paragraph of the secrecy law (offentlighets- och sekretesslagen) a mark rests on. */
const osl = {
  type: 'string',
  minLength: 3,
  maxLength: 120,
  pattern: '^OSL [0-9]+ kap\\. [0-9]+ ?[a-z]? ?§',
  description: 'Paragraph of offentlighets- och sekretesslagen, e.g. "OSL 21 kap. 1 §"',
} as const;

const secrecyPointer = {
  type: 'string',
  maxLength: 300,
  pattern: '^(/[A-Za-z0-9_]+(/[0-9]+)?(/[A-Za-z0-9_]+)?)*$',
  description:
    'Empty for the whole document; else a JSON pointer to a field of its form ("/analys", "/risker/2", "/budget/netto")',
} as const;

/** PUT /api/documents/{id}/secrecy */
const markSecrecy = {
  type: 'object',
  required: ['pointer', 'paragraph'],
  additionalProperties: false,
  properties: { pointer: secrecyPointer, paragraph: osl },
} as const;
export type MarkSecrecyBody = FromSchema<typeof markSecrecy>;
export const markSecrecySchema: JsonSchema = markSecrecy;

/** GET /api/documents/{id}/secrecy (and the answer of PUT and DELETE) */
const secrecyList = {
  type: 'object',
  required: ['items', 'canMark', 'fields'],
  additionalProperties: false,
  properties: {
    canMark: { type: 'boolean', description: 'Whether the caller may mark or lift secrecy here' },
    fields: {
      type: 'array',
      description: 'The fields of the document’s form that can be marked, in form order',
      items: {
        type: 'object',
        required: ['pointer', 'label'],
        additionalProperties: false,
        properties: { pointer: { type: 'string' }, label: { type: 'string' } },
      },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pointer', 'paragraph', 'markedAt'],
        additionalProperties: false,
        properties: {
          pointer: secrecyPointer,
          paragraph: { type: 'string' },
          markedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as const;
export type SecrecyListView = FromSchema<typeof secrecyList>;
export const secrecyListSchema: JsonSchema = secrecyList;

/** GET /api/years/{year}/archive while the package is under way or after it failed (202/200). */
const archiveStatus = {
  type: 'object',
  required: ['year', 'status', 'done', 'total', 'requestedAt', 'finishedAt', 'sha256', 'error'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    done: { type: 'integer', description: 'Documents packed so far' },
    total: { type: 'integer', description: 'Documents of the year' },
    requestedAt: { type: 'string', format: 'date-time' },
    finishedAt: nullableDateTime,
    sha256: { ...nullableString, description: 'Of the finished zip' },
    error: nullableString,
  },
} as const;
export type ArchiveStatusView = FromSchema<typeof archiveStatus>;
export const archiveStatusSchema: JsonSchema = archiveStatus;
