import type { FromSchema } from 'json-schema-to-ts';
import { KF_INFORMATION_TYPES } from '@rodtrad/domain';
import { nullableString, type JsonSchema } from './json-schema';

const kfInformationLine = {
  type: 'object',
  required: ['documentType', 'period', 'title', 'date', 'toKf', 'configured'],
  additionalProperties: false,
  properties: {
    documentType: { type: 'string', enum: KF_INFORMATION_TYPES },
    period: { type: 'string', description: 'Perioden, t.ex. T1' },
    title: { type: 'string', description: 'Årshjulets rad' },
    date: { ...nullableString, format: 'date', description: 'Årshjulets datum för raden' },
    toKf: {
      type: 'boolean',
      description: 'Rapporten går efter kommunstyrelsen vidare till kommunfullmäktige för kännedom',
    },
    configured: {
      type: 'boolean',
      description: 'Kommunen har valt för raden; annars gäller förvalet (§6.1: nej)',
    },
  },
} as const;

const kfInformation = {
  type: 'object',
  required: ['year', 'items'],
  additionalProperties: false,
  properties: { year: { type: 'integer' }, items: { type: 'array', items: kfInformationLine } },
} as const;

export type KfInformationView = FromSchema<typeof kfInformation>;
export const kfInformationSchema: JsonSchema = kfInformation;
export const kfInformationLineSchema: JsonSchema = kfInformationLine;

const setKfInformation = {
  type: 'object',
  required: ['toKf'],
  additionalProperties: false,
  properties: { toKf: { type: 'boolean' } },
} as const;

export type SetKfInformationRequest = FromSchema<typeof setKfInformation>;
export const setKfInformationSchema: JsonSchema = setKfInformation;

const hearing = {
  type: 'object',
  required: [
    'documentId',
    'title',
    'orgUnitId',
    'orgUnitName',
    'state',
    'stateTitle',
    'final',
    'meetingDate',
    'analysis',
    'conclusions',
    'budgetDialogueNotes',
    'annualReportDocumentId',
  ],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string', description: 'Bokslutsdialogen' },
    title: { type: 'string' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    state: { type: 'string' },
    stateTitle: { type: 'string' },
    final: { type: 'boolean', description: 'Mötets slutsatser är protokollförda' },
    meetingDate: { ...nullableString, format: 'date', description: 'Mötet i kommunstyrelsen' },
    analysis: { ...nullableString, description: 'Nämndens eller bolagets analys av året' },
    conclusions: { ...nullableString, description: 'Kommunstyrelsens slutsatser' },
    budgetDialogueNotes: { ...nullableString, description: 'Anteckningar från budgetdialogen i februari' },
    annualReportDocumentId: {
      ...nullableString,
      description: 'Nämndens verksamhetsberättelse (för ett bolag: dess bolagsrapport) för samma år',
    },
  },
} as const;

const gpfUnderlag = {
  type: 'object',
  required: ['year', 'hearingYear', 'budgetDialogueDate', 'hearings'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer', description: 'Budgetåret som GPF:en planerar' },
    hearingYear: {
      type: 'integer',
      description:
        'Året som bokslutsdialogerna följer upp (budgetåret − 2: bokslutet våren innan GPF:en beslutas)',
    },
    budgetDialogueDate: {
      ...nullableString,
      format: 'date',
      description: 'Budgetdialogen i februari enligt GPF-årets årshjul',
    },
    hearings: { type: 'array', items: hearing },
  },
} as const;

export type GpfUnderlagView = FromSchema<typeof gpfUnderlag>;
export type HearingView = FromSchema<typeof hearing>;
export const gpfUnderlagSchema: JsonSchema = gpfUnderlag;
