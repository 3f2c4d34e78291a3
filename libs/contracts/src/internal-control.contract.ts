import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

// ---- internal control followed up (#16): the risk matrix, a nämnd's risks in it, KS's summary ----

const level = {
  type: 'string',
  enum: ['low', 'medium', 'high'],
  description: 'low: låg risk; medium: medelrisk; high: hög risk (efter matrisens gränser)',
} as const;

const riskMatrix = {
  type: 'object',
  required: ['size', 'mediumFrom', 'highFrom', 'levels', 'updatedAt'],
  additionalProperties: false,
  properties: {
    size: { type: 'integer', description: 'Sannolikhet och konsekvens graderas 1..size (standard 4)' },
    mediumFrom: {
      type: 'integer',
      description: 'Riskvärdet (sannolikhet × konsekvens) där medelrisk börjar',
    },
    highFrom: { type: 'integer', description: 'Riskvärdet där hög risk börjar' },
    levels: {
      type: 'array',
      description: 'Nivåerna med sina intervall av riskvärden och namn, lägst först',
      items: {
        type: 'object',
        required: ['level', 'label', 'from', 'to'],
        additionalProperties: false,
        properties: {
          level,
          label: { type: 'string', description: 'Låg, Medel, Hög' },
          from: { type: 'integer' },
          to: { type: 'integer' },
        },
      },
    },
    updatedAt: { type: 'string', format: 'date-time', nullable: true },
  },
} as const;

export type RiskMatrixView = FromSchema<typeof riskMatrix>;
export const riskMatrixSchema: JsonSchema = riskMatrix;

const updateRiskMatrix = {
  type: 'object',
  required: ['size', 'mediumFrom', 'highFrom'],
  additionalProperties: false,
  properties: {
    size: {
      type: 'integer',
      minimum: 2,
      maximum: 10,
      description: 'Antal steg för sannolikhet och konsekvens',
    },
    mediumFrom: { type: 'integer', minimum: 2, maximum: 100, description: 'Riskvärdet där medelrisk börjar' },
    highFrom: { type: 'integer', minimum: 2, maximum: 100, description: 'Riskvärdet där hög risk börjar' },
  },
} as const;

export type UpdateRiskMatrixRequest = FromSchema<typeof updateRiskMatrix>;
export const updateRiskMatrixSchema: JsonSchema = updateRiskMatrix;

const documentRef = {
  type: 'object',
  nullable: true,
  required: ['documentId', 'title', 'state', 'final'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    state: { type: 'string' },
    final: { type: 'boolean', description: 'Fastställd/avslutad' },
  },
} as const;

const riskRef = {
  type: 'object',
  required: ['nr', 'risk'],
  additionalProperties: false,
  properties: {
    nr: { type: 'integer', description: 'Riskens plats i planen, från 1' },
    risk: { type: 'string' },
  },
} as const;

const namndRiskMatrix = {
  type: 'object',
  required: ['year', 'orgUnitId', 'orgUnitName', 'matrix', 'plan', 'rows', 'outside', 'total'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    matrix: riskMatrix,
    plan: {
      ...documentRef,
      description: 'Nämndens internkontrollplan: den fastställda, annars den som är under arbete',
    },
    rows: {
      type: 'array',
      description: 'En rad per sannolikhet, högst först; en cell per konsekvens 1..size',
      items: {
        type: 'object',
        required: ['sannolikhet', 'cells'],
        additionalProperties: false,
        properties: {
          sannolikhet: { type: 'integer' },
          cells: {
            type: 'array',
            items: {
              type: 'object',
              required: ['sannolikhet', 'konsekvens', 'riskvarde', 'level', 'risks'],
              additionalProperties: false,
              properties: {
                sannolikhet: { type: 'integer' },
                konsekvens: { type: 'integer' },
                riskvarde: { type: 'integer' },
                level,
                risks: { type: 'array', items: riskRef },
              },
            },
          },
        },
      },
    },
    outside: { type: 'array', items: riskRef, description: 'Risker utan bedömning eller utanför matrisen' },
    total: { type: 'integer' },
  },
} as const;

export type NamndRiskMatrixView = FromSchema<typeof namndRiskMatrix>;
export const namndRiskMatrixSchema: JsonSchema = namndRiskMatrix;

const counts = {
  planned: { type: 'integer', description: 'Kontroller i den fastställda planen' },
  performed: { type: 'integer', description: 'Genomförda (med eller utan avvikelse)' },
  withDeviation: { type: 'integer', description: 'Genomförda med avvikelse' },
  notPerformed: { type: 'integer', description: 'Ej genomförda' },
  unreported: { type: 'integer', description: 'Planerade kontroller utan rapporterat resultat' },
} as const;

const internalControlSummary = {
  type: 'object',
  required: ['year', 'report', 'namnder', 'totals'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    report: { type: 'string', enum: ['delarsrapport', 'verksamhetsberattelse'] },
    namnder: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'orgUnitId',
          'code',
          'name',
          'plan',
          'report',
          'planned',
          'performed',
          'withDeviation',
          'notPerformed',
          'unreported',
          'deviations',
        ],
        additionalProperties: false,
        properties: {
          orgUnitId: { type: 'string' },
          code: { type: 'string' },
          name: { type: 'string' },
          plan: { ...documentRef, description: 'Nämndens fastställda internkontrollplan' },
          report: { ...documentRef, description: 'Nämndens senaste inlämnade rapport av typen' },
          ...counts,
          deviations: {
            type: 'array',
            description: 'Kontroller med avvikelse eller som inte genomförts',
            items: {
              type: 'object',
              required: ['nr', 'kontroll', 'utfall', 'utfallText', 'beskrivning', 'atgard'],
              additionalProperties: false,
              properties: {
                nr: { type: 'integer', nullable: true, description: 'Kontrollens plats i planen' },
                kontroll: { type: 'string' },
                utfall: { type: 'string', enum: ['avvikelse', 'ej-genomford'] },
                utfallText: { type: 'string' },
                beskrivning: { type: 'string' },
                atgard: { type: 'string' },
              },
            },
          },
        },
      },
    },
    totals: {
      type: 'object',
      required: ['planned', 'performed', 'withDeviation', 'notPerformed', 'unreported'],
      additionalProperties: false,
      properties: counts,
    },
  },
} as const;

export type InternalControlSummaryView = FromSchema<typeof internalControlSummary>;
export const internalControlSummarySchema: JsonSchema = internalControlSummary;

const internalControlSummaryQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    report: {
      type: 'string',
      enum: ['delarsrapport', 'verksamhetsberattelse'],
      default: 'delarsrapport',
      description: 'Vilken rapport uppföljningen läses ur',
    },
  },
} as const;

export type InternalControlSummaryQuery = FromSchema<typeof internalControlSummaryQuery>;
export const internalControlSummaryQuerySchema: JsonSchema = internalControlSummaryQuery;
