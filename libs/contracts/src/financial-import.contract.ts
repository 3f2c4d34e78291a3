import type { FromSchema } from 'json-schema-to-ts';
import { nullableInteger, nullableString, plainText, type JsonSchema } from './json-schema';

/**
 * Imports of budget and outcome from the financial system (#19). Amounts are whole kronor of net
 * cost: a cost positive, an income negative (docs/financial-control.md).
 */

const code = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[^\\s\\u0000-\\u001f]+$' } as const;
const accountBound = {
  type: 'string',
  minLength: 1,
  maxLength: 10,
  pattern: '^[0-9]+$',
  description: 'Leading digits of an account: "3" is class 3, "84" the accounts 84xx',
} as const;

const refusedLine = {
  type: 'object',
  required: ['line', 'reason'],
  additionalProperties: false,
  properties: {
    line: {
      type: 'integer',
      minimum: 0,
      description: 'Line (row) of the file, from 1; 0 for the file as a whole',
    },
    reason: { type: 'string' },
  },
} as const;

const unmappedCode = {
  type: 'object',
  required: ['code', 'name', 'budget', 'utfall'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', description: 'A responsibility code (ansvar) that no mapping covers' },
    name: { ...nullableString, description: 'Its name in the file (#OBJEKT), when given' },
    budget: { type: 'integer', description: 'Its budget in the file, kronor of net cost' },
    utfall: { type: 'integer', description: 'Its outcome in the file, kronor of net cost' },
  },
} as const;

const filledReport = {
  type: 'object',
  required: [
    'documentId',
    'type',
    'period',
    'orgUnitId',
    'orgUnitName',
    'outcome',
    'reason',
    'periodbudget',
    'utfall',
    'prognos',
    'arsbudget',
    'importedArsbudget',
    'arsbudgetDifference',
  ],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    type: { type: 'string', enum: ['manadsrapport', 'tertialrapport', 'delarsrapport'] },
    period: { type: 'string' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
    outcome: {
      type: 'string',
      enum: ['filled', 'unchanged', 'refused', 'no-figures'],
      description:
        'filled: figures written; unchanged: already the imported ones; refused: not in its draft step (or not valid), reason says why; no-figures: no code maps to the nämnd',
    },
    reason: nullableString,
    periodbudget: {
      ...nullableInteger,
      description: 'Budget January to the period, summed over the nämnd’s units',
    },
    utfall: {
      ...nullableInteger,
      description: 'Outcome January to the period, summed over the nämnd’s units',
    },
    prognos: {
      ...nullableInteger,
      description: 'The nämnd’s forecast: kept, or prefilled from its last report',
    },
    arsbudget: {
      ...nullableInteger,
      description: 'KF’s frame for the nämnd (never overwritten by an import)',
    },
    importedArsbudget: {
      ...nullableInteger,
      description: 'The financial system’s budget for the whole year',
    },
    arsbudgetDifference: { ...nullableInteger, description: 'importedArsbudget − arsbudget' },
  },
} as const;

const financialImport = {
  type: 'object',
  required: [
    'id',
    'format',
    'fileName',
    'sha256',
    'sizeBytes',
    'importedBy',
    'importedByName',
    'importedAt',
    'status',
    'year',
    'period',
    'linesRead',
    'linesImported',
    'linesSkipped',
    'linesRefused',
    'budget',
    'utfall',
    'refused',
    'unmapped',
    'reports',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    format: { type: 'string', enum: ['sie', 'csv', 'xlsx'] },
    fileName: { type: 'string' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file as uploaded' },
    sizeBytes: { type: 'integer', minimum: 0 },
    importedBy: nullableString,
    importedByName: nullableString,
    importedAt: { type: 'string', format: 'date-time' },
    status: {
      type: 'string',
      enum: ['imported', 'rejected'],
      description: 'rejected: the file had refused lines and nothing was imported',
    },
    year: nullableInteger,
    period: { ...nullableString, description: 'The month the reports were filled for (ÅÅÅÅ-MM)' },
    linesRead: { type: 'integer', minimum: 0 },
    linesImported: { type: 'integer', minimum: 0, description: 'Lines whose amounts were imported' },
    linesSkipped: {
      type: 'integer',
      minimum: 0,
      description:
        'Lines read and left out: headings, other records, other years, account totals, accounts outside net cost',
    },
    linesRefused: { type: 'integer', minimum: 0 },
    budget: { type: 'integer', description: 'Total budget imported, kronor of net cost' },
    utfall: { type: 'integer', description: 'Total outcome imported, kronor of net cost' },
    refused: { type: 'array', items: refusedLine, description: 'Each refused line (at most 1 000 kept)' },
    unmapped: { type: 'array', items: unmappedCode },
    reports: { type: 'array', items: filledReport },
  },
} as const;

export type FinancialImportView = FromSchema<typeof financialImport>;
export const financialImportSchema: JsonSchema = financialImport;

const financialImportList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: financialImport } },
} as const;

export type FinancialImportList = FromSchema<typeof financialImportList>;
export const financialImportListSchema: JsonSchema = financialImportList;

/** POST /api/imports/ekonomi: multipart/form-data. */
export const financialImportUploadSchema: JsonSchema = {
  type: 'object',
  required: ['file'],
  properties: {
    format: {
      type: 'string',
      enum: ['sie', 'csv', 'xlsx'],
      description: 'By default from the file name: .se/.si/.sie SIE 4, .csv CSV, .xlsx Excel',
    },
    period: {
      type: 'string',
      pattern: '^[0-9]{4}-[0-9]{2}$',
      description: 'The month to fill the reports for; by default the file’s last month with outcome',
    },
    file: { type: 'string', format: 'binary', description: 'The file, sent last (streamed)' },
  },
};

const responsibilityMapping = {
  type: 'object',
  required: ['id', 'from', 'to', 'orgUnitId', 'orgUnitName'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    from: { type: 'string', description: 'A responsibility code, or the first of a range' },
    to: { type: 'string', description: 'The last code of the range (= from for one code)' },
    orgUnitId: { type: 'string' },
    orgUnitName: { type: 'string' },
  },
} as const;

export type ResponsibilityMappingView = FromSchema<typeof responsibilityMapping>;
export const responsibilityMappingSchema: JsonSchema = responsibilityMapping;

const responsibilityMappingList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: responsibilityMapping } },
} as const;

export type ResponsibilityMappingList = FromSchema<typeof responsibilityMappingList>;
export const responsibilityMappingListSchema: JsonSchema = responsibilityMappingList;

const createResponsibilityMapping = {
  type: 'object',
  required: ['from', 'orgUnitId'],
  additionalProperties: false,
  properties: {
    from: code,
    to: { ...code, description: 'Leave out (or equal to from) for one code' },
    orgUnitId: { type: 'string', minLength: 1, maxLength: 36 },
  },
} as const;

export type CreateResponsibilityMappingRequest = FromSchema<typeof createResponsibilityMapping>;
export const createResponsibilityMappingSchema: JsonSchema = createResponsibilityMapping;

const columnHeading = plainText(100);

const financialImportSettings = {
  type: 'object',
  required: ['sieDimension', 'netCostAccounts', 'columnMapping'],
  additionalProperties: false,
  properties: {
    sieDimension: {
      type: 'integer',
      minimum: 1,
      maximum: 9999,
      description:
        'The SIE dimension whose objects are the responsibility codes (1: Kostnadsställe/resultatenhet)',
    },
    netCostAccounts: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      description: 'Accounts that make up net cost, by leading digits; by default classes 3–7 (Kommun-Bas)',
      items: {
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: { from: accountBound, to: accountBound },
      },
    },
    columnMapping: {
      type: 'object',
      description: 'Headings of the CSV/Excel export’s first row for each field',
      required: ['period', 'code', 'account', 'budget', 'outcome'],
      additionalProperties: false,
      properties: {
        period: columnHeading,
        code: columnHeading,
        account: { ...columnHeading, nullable: true, description: 'Null: the export has no account column' },
        budget: columnHeading,
        outcome: columnHeading,
      },
    },
  },
} as const;

export type FinancialImportSettingsView = FromSchema<typeof financialImportSettings>;
export const financialImportSettingsSchema: JsonSchema = financialImportSettings;
