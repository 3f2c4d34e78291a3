import type { FromSchema } from 'json-schema-to-ts';
import { DOCUMENT_PHASES, DOCUMENT_TYPE_KEYS } from '@rodtrad/domain';
import { nullableDateTime, nullableString, type JsonSchema } from './json-schema';
import { koladaIndicatorSchemaLiteral } from './kolada.contract';
import { listOf } from './paging';

/** `/api/years/{year}/...`: a budget year between 2000 and 2100. */
export const budgetYearParamSchema: JsonSchema = { type: 'integer', minimum: 2000, maximum: 2100 };

// ---- year wheel -------------------------------------------------------------------------------

const calendarEntry = {
  type: 'object',
  required: [
    'key',
    'documentType',
    'title',
    'date',
    'period',
    'relativeDays',
    'ksMonth',
    'description',
    'edited',
  ],
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    documentType: { type: 'string', nullable: true, enum: [...DOCUMENT_TYPE_KEYS, null] },
    title: { type: 'string' },
    date: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'null for lines timed relative to a trigger (åtgärdsplan)',
    },
    period: nullableString,
    relativeDays: { type: 'integer', nullable: true },
    ksMonth: {
      type: 'integer',
      nullable: true,
      minimum: 1,
      maximum: 12,
      description: 'Månadsrapport: the month (1–12) KS treats the report in (§6.1); null on other lines',
    },
    description: nullableString,
    edited: {
      type: 'boolean',
      description: "True when the municipality changed this line from the source's default",
    },
  },
} as const;

export type CalendarEntryView = FromSchema<typeof calendarEntry>;
export const calendarEntrySchema: JsonSchema = calendarEntry;

export const calendarSchema: JsonSchema = {
  type: 'object',
  required: ['year', 'items'],
  additionalProperties: false,
  properties: { year: { type: 'integer' }, items: { type: 'array', items: calendarEntry } },
};

const updateCalendarEntry = {
  type: 'object',
  additionalProperties: false,
  description:
    'A fixed day (`date`) for a dated line; periodic lines (månadsrapport) name their `period`. The relative åtgärdsplan line takes `relativeDays` instead.',
  properties: {
    date: { type: 'string', format: 'date', nullable: true },
    period: { type: 'string', nullable: true, maxLength: 10 },
    relativeDays: { type: 'integer', minimum: 0, maximum: 365 },
  },
} as const;

export type UpdateCalendarEntryRequest = FromSchema<typeof updateCalendarEntry>;
export const updateCalendarEntrySchema: JsonSchema = updateCalendarEntry;

const updateCalendarEntryResult = {
  type: 'object',
  required: ['entry', 'documentsRescheduled'],
  additionalProperties: false,
  properties: { entry: calendarEntry, documentsRescheduled: { type: 'integer', minimum: 0 } },
} as const;

export type UpdateCalendarEntryResult = FromSchema<typeof updateCalendarEntryResult>;
export const updateCalendarEntryResultSchema: JsonSchema = updateCalendarEntryResult;

const monthlyPeriods = {
  type: 'object',
  required: ['periods'],
  additionalProperties: false,
  description:
    'The monthly reports of the budget year and the month KS treats each (§6.1: February in March, March in April, July in September, September in October, October in November, November in December). Each month 1–12 once; the KS month after it, in the budget year.',
  properties: {
    periods: {
      type: 'array',
      maxItems: 12,
      items: {
        type: 'object',
        required: ['month', 'ksMonth'],
        additionalProperties: false,
        properties: {
          month: { type: 'integer', minimum: 1, maximum: 12, description: 'Månaden rapporten avser' },
          ksMonth: {
            type: 'integer',
            minimum: 1,
            maximum: 12,
            description: 'Månaden kommunstyrelsen behandlar den',
          },
        },
      },
    },
  },
} as const;

export type MonthlyPeriodsRequest = FromSchema<typeof monthlyPeriods>;
export const monthlyPeriodsSchema: JsonSchema = monthlyPeriods;

const monthlyPeriodsResult = {
  type: 'object',
  required: ['items', 'documentsRescheduled'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: calendarEntry,
      description: 'The monthly report lines of the wheel after the change',
    },
    documentsRescheduled: { type: 'integer', minimum: 0 },
  },
} as const;

export type MonthlyPeriodsResult = FromSchema<typeof monthlyPeriodsResult>;
export const monthlyPeriodsResultSchema: JsonSchema = monthlyPeriodsResult;

// ---- opening a year -----------------------------------------------------------------------------

const openYearResult = {
  type: 'object',
  required: ['created', 'existing'],
  additionalProperties: false,
  properties: { created: { type: 'integer', minimum: 0 }, existing: { type: 'integer', minimum: 0 } },
} as const;

export type OpenYearResult = FromSchema<typeof openYearResult>;
export const openYearResultSchema: JsonSchema = openYearResult;

// ---- the registrar's view -----------------------------------------------------------------------

const yearStatusRow = {
  type: 'object',
  required: [
    'orgUnitId',
    'orgUnitName',
    'documentType',
    'period',
    'documentId',
    'state',
    'stateTitle',
    'dueAt',
    'overdue',
    'submittedAt',
    'decidedAt',
    'diarienummer',
    'phase',
  ],
  additionalProperties: false,
  properties: {
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    documentType: { type: 'string', enum: DOCUMENT_TYPE_KEYS },
    period: nullableString,
    documentId: {
      ...nullableString,
      description: 'null when the document has not been created yet (the year is not opened for the unit)',
    },
    state: nullableString,
    stateTitle: nullableString,
    dueAt: nullableDateTime,
    overdue: { type: 'boolean' },
    submittedAt: nullableDateTime,
    decidedAt: nullableDateTime,
    diarienummer: nullableString,
    phase: {
      type: 'string',
      enum: DOCUMENT_PHASES,
      description:
        'Where the document stands, in the same words for every type: not_started (no document, or created and never saved), in_progress (a draft, also one returned for changes), submitted (under review or awaiting decision), decided (its workflow has ended). Lateness is `overdue`, not a phase.',
    },
  },
} as const;

export type YearStatusRow = FromSchema<typeof yearStatusRow>;
export const yearStatusRowSchema: JsonSchema = yearStatusRow;

export const yearStatusSchema: JsonSchema = listOf(yearStatusRow);

const yearStatusQuery = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
    namndId: { type: 'string', maxLength: 36 },
    type: { type: 'string', enum: DOCUMENT_TYPE_KEYS },
    state: {
      type: 'string',
      maxLength: 80,
      description: 'A workflow state key (e.g. `review`); prefer `phase`, which means the same across types',
    },
    phase: { type: 'string', enum: DOCUMENT_PHASES, description: 'Only rows in this phase' },
    overdue: {
      type: 'string',
      enum: ['true', 'false'],
      description: '`true`: only late rows (past their due date and not decided); `false`: only rows on time',
    },
  },
} as const;

export type YearStatusQuery = FromSchema<typeof yearStatusQuery, { keepDefaultedPropertiesOptional: true }>;
export const yearStatusQuerySchema: JsonSchema = yearStatusQuery;

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
} as const;
const docRefKeys = ['documentId', 'orgUnitId', 'orgUnitName', 'documentState'] as const;

const indicator = {
  type: 'object',
  required: ['namn', 'ingangsvarde', 'malniva', 'matdatum', 'enhet', 'latest', 'colour', 'kolada'],
  additionalProperties: false,
  properties: {
    namn: { type: 'string' },
    ingangsvarde: { type: 'number', nullable: true, description: 'null when the goal does not state it' },
    malniva: { type: 'number', nullable: true, description: 'null when the goal does not state it' },
    matdatum: nullableString,
    enhet: nullableString,
    latest: {
      type: 'object',
      nullable: true,
      required: ['utfall', 'at', 'documentType', ...docRefKeys],
      additionalProperties: false,
      properties: {
        utfall: { type: 'number' },
        at: { type: 'string', format: 'date' },
        documentType: { type: 'string' },
        ...docRef,
      },
    },
    colour: { type: 'string', nullable: true, enum: ['green', 'yellow', 'red', null] },
    kolada: koladaIndicatorSchemaLiteral,
  },
} as const;

const redThreadGoal = {
  type: 'object',
  required: [
    'id',
    'titel',
    'strategisktOmrade',
    'beskrivning',
    'namnd',
    'documentId',
    'documentState',
    'indikatorer',
    'strategier',
    'bidrag',
    'aktiviteter',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    titel: { type: 'string' },
    strategisktOmrade: { type: 'string' },
    beskrivning: nullableString,
    namnd: {
      type: 'object',
      required: ['id', 'name', 'code'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' } },
    },
    documentId: { type: 'string' },
    documentState: { type: 'string' },
    indikatorer: { type: 'array', items: indicator },
    strategier: {
      type: 'array',
      items: {
        type: 'object',
        required: ['strategi', 'hur', ...docRefKeys],
        additionalProperties: false,
        properties: { strategi: { type: 'string' }, hur: nullableString, ...docRef },
      },
    },
    bidrag: {
      type: 'array',
      items: {
        type: 'object',
        required: ['bidrag', ...docRefKeys],
        additionalProperties: false,
        properties: { bidrag: { type: 'string' }, ...docRef },
      },
    },
    aktiviteter: {
      type: 'array',
      items: {
        type: 'object',
        required: ['titel', 'ansvarig', 'klartDatum', 'status', ...docRefKeys],
        additionalProperties: false,
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
} as const;

const redThread = {
  type: 'object',
  required: ['year', 'mandatePeriod', 'vision', 'coreValues', 'strategicAreas', 'otherGoals', 'warnings'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    mandatePeriod: {
      type: 'object',
      nullable: true,
      required: ['startYear', 'endYear'],
      additionalProperties: false,
      properties: { startYear: { type: 'integer' }, endYear: { type: 'integer' } },
    },
    vision: nullableString,
    coreValues: { type: 'array', items: { type: 'object' } },
    strategicAreas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'description', 'namndmal'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          description: { type: 'string' },
          namndmal: { type: 'array', items: redThreadGoal },
        },
      },
    },
    otherGoals: {
      type: 'array',
      description: 'Nämndmål whose strategisktOmrade is not one of the mandate period’s areas.',
      items: redThreadGoal,
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message', 'namndId', 'count', 'max'],
        additionalProperties: false,
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
} as const;

export type RedThreadIndicatorView = FromSchema<typeof indicator>;
export type RedThreadGoalView = FromSchema<typeof redThreadGoal>;
export type RedThreadView = FromSchema<typeof redThread>;
export const redThreadGoalSchema: JsonSchema = redThreadGoal;
export const redThreadSchema: JsonSchema = redThread;
