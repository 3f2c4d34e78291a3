import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

// ---- Kolada (#19): nyckeltal and comparisons with similar municipalities -------------------------

const nullableNumber = { type: 'number', nullable: true } as const;

/** One year of an indicator's Kolada series (red thread, municipal report). */
const koladaPoint = {
  type: 'object',
  required: ['year', 'value', 'women', 'men', 'median', 'medianOf'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    value: { ...nullableNumber, description: 'Kommunens värde (totalt, T); null när Kolada saknar det' },
    women: { ...nullableNumber, description: 'Kvinnor (K), där Kolada delar upp på kön' },
    men: { ...nullableNumber, description: 'Män (M), där Kolada delar upp på kön' },
    median: { ...nullableNumber, description: 'Medianen av jämförelsekommunernas värden (totalt) samma år' },
    medianOf: { type: 'integer', description: 'Hur många jämförelsekommuner som hade ett värde' },
  },
} as const;

/** An indicator's link to Kolada with its figures, or null when it has none. */
export const koladaIndicatorSchemaLiteral = {
  type: 'object',
  nullable: true,
  required: [
    'kpi',
    'titel',
    'kommunId',
    'jamforelsegrupp',
    'jamforelsekommuner',
    'jamforelseAntal',
    'serie',
    'kalla',
  ],
  additionalProperties: false,
  properties: {
    kpi: { type: 'string', description: 'Nyckeltalets id i Kolada, t.ex. N15428' },
    titel: { type: 'string', nullable: true, description: 'Nyckeltalets namn i Kolada, när det hämtats' },
    kommunId: { type: 'string', description: 'Kommunens id i Kolada (KOLADA_MUNICIPALITY_ID)' },
    jamforelsegrupp: { type: 'string', nullable: true, description: 'Kommungrupp i Kolada, t.ex. G124026' },
    jamforelsekommuner: { type: 'array', items: { type: 'string' } },
    jamforelseAntal: {
      type: 'integer',
      description: 'Antal kommuner som medianen tas över (kommunen själv oräknad)',
    },
    serie: {
      type: 'array',
      items: koladaPoint,
      description: 'Per år, äldst först, till och med dokumentets år',
    },
    kalla: {
      type: 'object',
      nullable: true,
      required: ['typ', 'hamtad'],
      additionalProperties: false,
      description: 'Varifrån kommunens senaste värde kom: Koladas API eller en fil, och när',
      properties: {
        typ: { type: 'string', enum: ['api', 'file'] },
        hamtad: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
/** The indicator's Kolada figures as the red thread and the municipal report send them (null: no link). */
export type KoladaSeriesView = FromSchema<typeof koladaIndicatorSchemaLiteral>;
export const koladaIndicatorSchema: JsonSchema = koladaIndicatorSchemaLiteral;

const koladaRun = {
  type: 'object',
  required: ['id', 'source', 'status', 'startedAt', 'finishedAt', 'fileName', 'valuesStored', 'problems'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    source: { type: 'string', enum: ['api', 'file'], description: 'api: hämtning; file: import av fil' },
    status: { type: 'string', enum: ['running', 'done', 'failed'] },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time', nullable: true },
    fileName: { type: 'string', nullable: true },
    valuesStored: { type: 'integer' },
    problems: {
      type: 'array',
      items: { type: 'string' },
      description: 'Varje hämtning som misslyckades och varför (svenska); resten sparades',
    },
  },
} as const;
export type KoladaRunView = FromSchema<typeof koladaRun>;
export const koladaRunSchema: JsonSchema = koladaRun;

const koladaStatus = {
  type: 'object',
  required: ['baseUrl', 'municipalityId', 'fetchHours', 'linkedKpis', 'runs'],
  additionalProperties: false,
  properties: {
    baseUrl: { type: 'string', description: 'KOLADA_BASE_URL: Koladas API eller en spegel' },
    municipalityId: { type: 'string', description: 'KOLADA_MUNICIPALITY_ID' },
    fetchHours: { type: 'integer', description: 'KOLADA_FETCH_HOURS; 0: bara på begäran' },
    linkedKpis: {
      type: 'array',
      items: { type: 'string' },
      description: 'Nyckeltal som indikatorer är kopplade till i årets och senare dokument',
    },
    runs: {
      type: 'array',
      items: koladaRun,
      description: 'De senaste hämtningarna och importerna, nyast först',
    },
  },
} as const;
export type KoladaStatusView = FromSchema<typeof koladaStatus>;
export const koladaStatusSchema: JsonSchema = koladaStatus;

const koladaFetchRequested = {
  type: 'object',
  required: ['jobId'],
  additionalProperties: false,
  properties: { jobId: { type: 'string', description: 'Jobbet i arbetarens kö' } },
} as const;
export type KoladaFetchRequested = FromSchema<typeof koladaFetchRequested>;
export const koladaFetchRequestedSchema: JsonSchema = koladaFetchRequested;

const koladaImportResult = {
  ...koladaRun,
  required: [...koladaRun.required, 'groups'],
  properties: {
    ...koladaRun.properties,
    groups: { type: 'integer', description: 'Kommungrupper vars medlemmar filen angav' },
  },
} as const;
export type KoladaImportResult = FromSchema<typeof koladaImportResult>;
export const koladaImportResultSchema: JsonSchema = koladaImportResult;

export const koladaImportUploadSchema: JsonSchema = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description:
        'JSON sparad från Koladas API: ett svar från /v2/data/…, /v2/municipality_groups/… eller /v2/kpi/…, eller en lista av sådana svar (högst 20 MB)',
    },
  },
};
