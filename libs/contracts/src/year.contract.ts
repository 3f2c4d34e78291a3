import { DOCUMENT_TYPE_KEYS } from '@rodtrad/domain';
import type { JsonSchema } from './json-schema';

const nullableString = { type: 'string', nullable: true };
const nullableDateTime = { type: 'string', format: 'date-time', nullable: true };

/** `/api/years/{year}/...`: a budget year between 2000 and 2100. */
export const budgetYearParamSchema: JsonSchema = { type: 'integer', minimum: 2000, maximum: 2100 };

// ---- year wheel -------------------------------------------------------------------------------

export interface CalendarEntryView {
  key: string;
  documentType: string | null;
  title: string;
  /** 'YYYY-MM-DD', null for lines timed relative to a trigger (åtgärdsplan). */
  date: string | null;
  period: string | null;
  relativeDays: number | null;
  description: string | null;
  /** True when the municipality changed this line from the source's default. */
  edited: boolean;
}

export const calendarEntrySchema: JsonSchema = {
  type: 'object',
  required: ['key', 'documentType', 'title', 'date', 'period', 'relativeDays', 'edited'],
  properties: {
    key: { type: 'string' },
    documentType: { type: 'string', nullable: true, enum: [...DOCUMENT_TYPE_KEYS, null] },
    title: { type: 'string' },
    date: { type: 'string', format: 'date', nullable: true },
    period: nullableString,
    relativeDays: { type: 'integer', nullable: true },
    description: nullableString,
    edited: { type: 'boolean' },
  },
};

export const calendarSchema: JsonSchema = {
  type: 'object',
  required: ['year', 'items'],
  properties: { year: { type: 'integer' }, items: { type: 'array', items: calendarEntrySchema } },
};

export interface UpdateCalendarEntryRequest {
  date?: string | null;
  period?: string | null;
  relativeDays?: number;
}

export const updateCalendarEntrySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'A fixed day (`date`) for a dated line; periodic lines (månadsrapport) name their `period`. The relative åtgärdsplan line takes `relativeDays` instead.',
  properties: {
    date: { type: 'string', format: 'date', nullable: true },
    period: { type: 'string', nullable: true, maxLength: 10 },
    relativeDays: { type: 'integer', minimum: 0, maximum: 365 },
  },
};

export const updateCalendarEntryResultSchema: JsonSchema = {
  type: 'object',
  required: ['entry', 'documentsRescheduled'],
  properties: { entry: calendarEntrySchema, documentsRescheduled: { type: 'integer', minimum: 0 } },
};

// ---- opening a year -----------------------------------------------------------------------------

export interface OpenYearResult {
  created: number;
  existing: number;
}

export const openYearResultSchema: JsonSchema = {
  type: 'object',
  required: ['created', 'existing'],
  properties: { created: { type: 'integer', minimum: 0 }, existing: { type: 'integer', minimum: 0 } },
};

// ---- the registrar's view -----------------------------------------------------------------------

export interface YearStatusRow {
  orgUnitId: string;
  orgUnitName: string;
  documentType: string;
  period: string | null;
  /** Null when the document has not been created yet (the year is not opened for the unit). */
  documentId: string | null;
  state: string | null;
  stateTitle: string | null;
  dueAt: string | null;
  overdue: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  diarienummer: string | null;
}

export const yearStatusRowSchema: JsonSchema = {
  type: 'object',
  required: [
    'orgUnitId',
    'orgUnitName',
    'documentType',
    'period',
    'documentId',
    'state',
    'dueAt',
    'overdue',
    'submittedAt',
    'decidedAt',
    'diarienummer',
  ],
  properties: {
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    documentType: { type: 'string', enum: [...DOCUMENT_TYPE_KEYS] },
    period: nullableString,
    documentId: nullableString,
    state: nullableString,
    stateTitle: nullableString,
    dueAt: nullableDateTime,
    overdue: { type: 'boolean' },
    submittedAt: nullableDateTime,
    decidedAt: nullableDateTime,
    diarienummer: nullableString,
  },
};

export const yearStatusSchema: JsonSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: yearStatusRowSchema } },
};

export interface YearStatusQuery {
  format?: 'json' | 'csv' | 'xlsx';
  namndId?: string;
  type?: string;
  state?: string;
}

export const yearStatusQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
    namndId: { type: 'string', maxLength: 36 },
    type: { type: 'string', enum: [...DOCUMENT_TYPE_KEYS] },
    state: { type: 'string', maxLength: 80 },
  },
};

// ---- the red thread -----------------------------------------------------------------------------

export const redThreadQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: { namndId: { type: 'string', maxLength: 36 } },
};

const docRef = {
  documentId: { type: 'string' },
  orgUnitId: { type: 'string' },
  orgUnitName: { type: 'string' },
  documentState: { type: 'string' },
};

const indicatorSchema: JsonSchema = {
  type: 'object',
  required: ['namn', 'ingangsvarde', 'malniva', 'latest', 'colour'],
  properties: {
    namn: { type: 'string' },
    ingangsvarde: { type: 'number' },
    malniva: { type: 'number' },
    matdatum: nullableString,
    enhet: nullableString,
    latest: {
      type: 'object',
      nullable: true,
      properties: {
        utfall: { type: 'number' },
        at: { type: 'string', format: 'date' },
        documentType: { type: 'string' },
        ...docRef,
      },
    },
    colour: { type: 'string', nullable: true, enum: ['green', 'yellow', 'red', null] },
  },
};

export const redThreadGoalSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'titel', 'namnd', 'documentId', 'indikatorer', 'strategier', 'aktiviteter'],
  properties: {
    id: { type: 'string' },
    titel: { type: 'string' },
    strategisktOmrade: { type: 'string' },
    beskrivning: nullableString,
    namnd: {
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' } },
    },
    documentId: { type: 'string' },
    documentState: { type: 'string' },
    indikatorer: { type: 'array', items: indicatorSchema },
    strategier: {
      type: 'array',
      items: { type: 'object', properties: { strategi: { type: 'string' }, hur: nullableString, ...docRef } },
    },
    bidrag: {
      type: 'array',
      items: { type: 'object', properties: { bidrag: { type: 'string' }, ...docRef } },
    },
    aktiviteter: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          titel: { type: 'string' },
          ansvarig: nullableString,
          klartDatum: nullableString,
          status: nullableString,
          ...docRef,
        },
      },
    },
  },
};

export const redThreadSchema: JsonSchema = {
  type: 'object',
  required: ['year', 'vision', 'strategicAreas', 'otherGoals', 'warnings'],
  properties: {
    year: { type: 'integer' },
    mandatePeriod: {
      type: 'object',
      nullable: true,
      properties: { startYear: { type: 'integer' }, endYear: { type: 'integer' } },
    },
    vision: nullableString,
    coreValues: { type: 'array', items: { type: 'object' } },
    strategicAreas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'namndmal'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          description: { type: 'string' },
          namndmal: { type: 'array', items: redThreadGoalSchema },
        },
      },
    },
    otherGoals: {
      type: 'array',
      description: 'Nämndmål whose strategisktOmrade is not one of the mandate period’s areas.',
      items: redThreadGoalSchema,
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['tooManyGoals'] },
          message: { type: 'string' },
          namndId: { type: 'string' },
          count: { type: 'integer' },
          max: { type: 'integer' },
        },
      },
    },
  },
};
