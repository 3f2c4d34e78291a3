import type { FromSchema } from 'json-schema-to-ts';
import { DOCUMENT_TYPE_KEYS } from '@rodtrad/domain';
import { nullableDateTime, nullableString, plainText, type JsonSchema } from './json-schema';
import { DOCUMENT_PLACE_MEMBERS, documentPlace, personRef } from './document-place';
import { listOf, pagingProperties, type PagingQuery } from './paging';

const allowedEventView = {
  type: 'object',
  required: ['type', 'label', 'requiresComment'],
  additionalProperties: false,
  properties: {
    type: { type: 'string' },
    label: { type: 'string' },
    requiresComment: { type: 'boolean' },
  },
} as const;

export type AllowedEventView = FromSchema<typeof allowedEventView>;

/** An event of the caller's that a guard refuses now: shown disabled, with why and what must happen first. */
const unavailableEventView = {
  type: 'object',
  required: ['type', 'label', 'requiresComment', 'reason', 'blockedBy'],
  additionalProperties: false,
  properties: {
    ...allowedEventView.properties,
    reason: {
      type: 'string',
      description: 'Why it cannot be sent now, in Swedish (the refusal it would get)',
    },
    blockedBy: {
      type: 'object',
      nullable: true,
      description: 'The document that must be adopted first (the upstream document), when there is one',
      required: ['id', 'title'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, title: { type: 'string' } },
    },
  },
} as const;

export type UnavailableEventView = FromSchema<typeof unavailableEventView>;

/** Who sent a document back to the step it is in, when and why (null when it was not sent back). */
export const sentBackView = {
  type: 'object',
  nullable: true,
  description: 'Who sent the document back to this step, when and why; null when it was not sent back',
  required: ['by', 'at', 'comment', 'label', 'fromStateTitle'],
  additionalProperties: false,
  properties: {
    by: personRef,
    at: { type: 'string', format: 'date-time' },
    comment: { type: 'string' },
    label: { type: 'string', description: "The event's label, e.g. 'Returnera för ändring'" },
    fromStateTitle: { type: 'string', description: 'The step it came back from' },
  },
} as const;

export type SentBackView = FromSchema<typeof sentBackView>;

const documentSummary = {
  type: 'object',
  required: [
    'id',
    ...DOCUMENT_PLACE_MEMBERS,
    'version',
    'final',
    'dueAt',
    'overdue',
    'submittedAt',
    'decidedAt',
    'diarienummer',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    ...documentPlace,
    type: { type: 'string', enum: DOCUMENT_TYPE_KEYS },
    version: { type: 'integer' },
    final: { type: 'boolean' },
    dueAt: nullableDateTime,
    overdue: { type: 'boolean' },
    submittedAt: nullableDateTime,
    decidedAt: nullableDateTime,
    diarienummer: {
      ...nullableString,
      description:
        "Registration number given when KS or KF registers the document: 'KS 12/2027', gap-free per body and calendar year in Sweden",
    },
  },
} as const;

export type DocumentSummaryView = FromSchema<typeof documentSummary>;
export const documentSummarySchema: JsonSchema = documentSummary;

/** A step's form: its RJSF schema and uiSchema. */
export const formDefinition = {
  type: 'object',
  required: ['schema', 'uiSchema'],
  additionalProperties: false,
  properties: { schema: { type: 'object' }, uiSchema: { type: 'object' } },
} as const;

const documentView = {
  ...documentSummary,
  required: [
    ...documentSummary.required,
    'data',
    'form',
    'allowedEvents',
    'unavailableEvents',
    'sentBack',
    'definition',
    'editable',
  ],
  properties: {
    ...documentSummary.properties,
    data: { type: 'object', additionalProperties: true },
    form: {
      ...formDefinition,
      nullable: true,
      description: 'RJSF schema and uiSchema of the current step (null in a final step)',
    },
    editable: { type: 'boolean', description: 'Whether the caller may save data in this step' },
    allowedEvents: { type: 'array', description: 'Events the caller may send now', items: allowedEventView },
    unavailableEvents: {
      type: 'array',
      description:
        "The caller's events of this step that a guard refuses now (e.g. the upstream document is not adopted), with the reason",
      items: unavailableEventView,
    },
    sentBack: sentBackView,
    definition: {
      type: 'object',
      required: ['key', 'version'],
      additionalProperties: false,
      properties: { key: { type: 'string' }, version: { type: 'integer' } },
    },
  },
} as const;

export type DocumentView = FromSchema<typeof documentView>;
export const documentViewSchema: JsonSchema = documentView;

const historyEntryView = {
  type: 'object',
  required: [
    'seq',
    'at',
    'actor',
    'onBehalfOf',
    'via',
    'event',
    'fromState',
    'toState',
    'comment',
    'dataHash',
    'hash',
  ],
  additionalProperties: false,
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: personRef,
    onBehalfOf: personRef,
    via: { type: 'string', enum: ['user', 'system', 'email-link'] },
    event: { type: 'string' },
    fromState: nullableString,
    toState: { type: 'string' },
    comment: nullableString,
    dataHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

export type HistoryEntryView = FromSchema<typeof historyEntryView>;

export const historySchema: JsonSchema = listOf(historyEntryView);

const documentQuery = {
  'x-query': true,
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    type: { type: 'string', enum: DOCUMENT_TYPE_KEYS },
    orgUnitId: { type: 'string', minLength: 1 },
    state: { type: 'string', minLength: 1, maxLength: 80 },
    q: {
      type: 'string',
      minLength: 2,
      maxLength: 100,
      description:
        'Search: documents whose title or diarienummer contains this text (case-insensitive), e.g. `Alléskolan` or `BIN 2026/14`',
    },
    ...pagingProperties,
  },
} as const;

/** After validation: ajv fills in the defaults. */
export type DocumentQuery = FromSchema<typeof documentQuery> & Required<PagingQuery>;
export const documentQuerySchema: JsonSchema = documentQuery;

export const createDocumentSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'orgUnitId', 'year'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: [...DOCUMENT_TYPE_KEYS] },
    orgUnitId: { type: 'string', minLength: 1 },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    period: {
      type: 'string',
      nullable: true,
      description: "Report period: '2027-02' (månadsrapport), 'T1', 'D1'",
    },
    title: plainText(300),
  },
};

export const saveDataSchema: JsonSchema = {
  type: 'object',
  required: ['data', 'expectedVersion'],
  additionalProperties: false,
  properties: {
    data: { type: 'object', additionalProperties: true, description: 'The whole form data of the document' },
    expectedVersion: {
      type: 'integer',
      minimum: 1,
      description: 'The version the caller read; 409 if it is stale',
    },
  },
};

export const sendEventSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'expectedVersion'],
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'An event of allowedEvents, e.g. SUBMIT',
    },
    comment: { type: 'string', maxLength: 5000 },
    expectedVersion: { type: 'integer', minimum: 1 },
  },
};

export const transitionResultSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'state', 'version'],
  properties: {
    id: { type: 'string' },
    state: { type: 'string' },
    previousState: { type: 'string' },
    version: { type: 'integer' },
    final: { type: 'boolean' },
  },
};
