import { DOCUMENT_TYPE_KEYS } from '@rodtrad/domain';
import { plainText, type JsonSchema } from './json-schema';

export interface AllowedEventView {
  type: string;
  label: string;
  requiresComment: boolean;
}

export interface DocumentSummaryView {
  id: string;
  type: string;
  title: string;
  orgUnitId: string;
  orgUnitName: string;
  year: number;
  period: string | null;
  state: string;
  stateTitle: string;
  version: number;
  final: boolean;
  dueAt: string | null;
  overdue: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  diarienummer: string | null;
}

export interface DocumentView extends DocumentSummaryView {
  data: Record<string, unknown>;
  form: { schema: Record<string, unknown>; uiSchema: Record<string, unknown> } | null;
  editable: boolean;
  allowedEvents: AllowedEventView[];
  definition: { key: string; version: number };
}

export interface HistoryEntryView {
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  onBehalfOf: { id: string; name: string } | null;
  via: 'user' | 'system' | 'email-link';
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  dataHash: string;
  hash: string;
}

const nullableString = { type: 'string', nullable: true };

export const documentSummarySchema: JsonSchema = {
  type: 'object',
  required: ['id', 'type', 'title', 'orgUnitId', 'year', 'period', 'state', 'version', 'dueAt'],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: [...DOCUMENT_TYPE_KEYS] },
    title: { type: 'string' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    year: { type: 'integer' },
    period: nullableString,
    state: { type: 'string' },
    stateTitle: { type: 'string' },
    version: { type: 'integer' },
    final: { type: 'boolean' },
    dueAt: { type: 'string', format: 'date-time', nullable: true },
    overdue: { type: 'boolean' },
    submittedAt: { type: 'string', format: 'date-time', nullable: true },
    decidedAt: { type: 'string', format: 'date-time', nullable: true },
    diarienummer: {
      ...nullableString,
      description:
        "Registration number given when KS or KF registers the document: 'KS 12/2027', gap-free per body and calendar year in Sweden",
    },
  },
};

export const documentViewSchema: JsonSchema = {
  ...documentSummarySchema,
  required: [...documentSummarySchema['required'], 'data', 'form', 'allowedEvents', 'definition', 'editable'],
  properties: {
    ...documentSummarySchema['properties'],
    data: { type: 'object', additionalProperties: true },
    form: {
      type: 'object',
      nullable: true,
      description: 'RJSF schema and uiSchema of the current step (null in a final step)',
      properties: { schema: { type: 'object' }, uiSchema: { type: 'object' } },
    },
    editable: { type: 'boolean', description: 'Whether the caller may save data in this step' },
    allowedEvents: {
      type: 'array',
      description: 'Events the caller may send now',
      items: {
        type: 'object',
        required: ['type', 'label', 'requiresComment'],
        properties: {
          type: { type: 'string' },
          label: { type: 'string' },
          requiresComment: { type: 'boolean' },
        },
      },
    },
    definition: {
      type: 'object',
      required: ['key', 'version'],
      properties: { key: { type: 'string' }, version: { type: 'integer' } },
    },
  },
};

export const documentQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    type: { type: 'string', enum: [...DOCUMENT_TYPE_KEYS] },
    orgUnitId: { type: 'string', minLength: 1 },
    state: { type: 'string', minLength: 1, maxLength: 80 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

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

export const historySchema: JsonSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          seq: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          actor: {
            type: 'object',
            nullable: true,
            properties: { id: { type: 'string' }, name: { type: 'string' } },
          },
          onBehalfOf: {
            type: 'object',
            nullable: true,
            properties: { id: { type: 'string' }, name: { type: 'string' } },
          },
          via: { type: 'string', enum: ['user', 'system', 'email-link'] },
          event: { type: 'string' },
          fromState: nullableString,
          toState: { type: 'string' },
          comment: nullableString,
          dataHash: { type: 'string' },
          hash: { type: 'string' },
        },
      },
    },
  },
};
