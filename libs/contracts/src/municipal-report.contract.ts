import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';
import { koladaIndicatorSchemaLiteral } from './kolada.contract';

// ---- the municipality's own reports, compiled (GET /api/years/{year}/municipal-report) ----------

const kronor = (description: string) =>
  ({
    type: 'integer',
    nullable: true,
    description: `${description} Hela kronor nettokostnad (kostnad positiv, nettointäkt negativ); null när ingen rapport angav det.`,
  }) as const;

const ekonomiFields = {
  arsbudget: kronor('Årsbudget för hela året.'),
  periodbudget: kronor('Budget för perioden (årets början till periodens slut).'),
  utfall: kronor('Utfall för perioden.'),
  prognos: kronor('Prognos för helåret; i årsredovisningen årets utfall.'),
  budgetavvikelse: kronor('arsbudget − prognos; negativt = underskott (prognosen överskrider budgeten).'),
  periodavvikelse: kronor('periodbudget − utfall; negativt = underskott för perioden.'),
} as const;

const unitRow = {
  type: 'object',
  required: [
    'orgUnitId',
    'code',
    'name',
    'documentId',
    'state',
    'ekonomi',
    'budgetavvikelse',
    'periodavvikelse',
  ],
  additionalProperties: false,
  properties: {
    orgUnitId: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    documentId: { type: 'string', description: 'Nämndens/bolagets rapport som siffrorna kommer från' },
    state: { type: 'string', description: 'Rapportens steg, t.ex. ks_treatment' },
    ekonomi: {
      type: 'object',
      required: ['arsbudget', 'periodbudget', 'utfall', 'prognos'],
      additionalProperties: false,
      properties: {
        arsbudget: ekonomiFields.arsbudget,
        periodbudget: ekonomiFields.periodbudget,
        utfall: ekonomiFields.utfall,
        prognos: ekonomiFields.prognos,
      },
    },
    budgetavvikelse: ekonomiFields.budgetavvikelse,
    periodavvikelse: ekonomiFields.periodavvikelse,
  },
} as const;

const goalFollowUp = {
  type: 'object',
  required: [
    'mal',
    'indikator',
    'riktning',
    'startvarde',
    'malvarde',
    'utfall',
    'light',
    'bedomning',
    'kolada',
  ],
  additionalProperties: false,
  properties: {
    mal: { type: 'string' },
    indikator: { type: 'string' },
    enhet: { type: 'string' },
    riktning: {
      type: 'string',
      enum: ['minst', 'hogst'],
      description: 'minst: utfall ≥ målvärde; hogst: utfall ≤ målvärde',
    },
    startvarde: { type: 'number', nullable: true },
    malvarde: { type: 'number' },
    utfall: { type: 'number', nullable: true },
    light: {
      type: 'string',
      enum: ['green', 'yellow', 'red', 'grey'],
      description:
        'green: uppnått; yellow: ej uppnått men bättre än ingångsvärdet; red: ej uppnått; grey: utfall saknas',
    },
    bedomning: { type: 'string', description: 'Bedömningen i ord (svenska)' },
    kolada: {
      ...koladaIndicatorSchemaLiteral,
      description:
        'Målets nyckeltal i Kolada med jämförelsegruppens median, när målet är kopplat; utan angivet utfall används Koladas värde för året',
    },
  },
} as const;

const colourCount = {
  type: 'object',
  required: ['green', 'yellow', 'red', 'saknas'],
  additionalProperties: false,
  properties: {
    green: { type: 'integer' },
    yellow: { type: 'integer' },
    red: { type: 'integer' },
    saknas: { type: 'integer', description: 'Indikatorer utan utfall i verksamhetsberättelsen' },
  },
} as const;

const rollUpColour = {
  type: 'string',
  nullable: true,
  enum: ['green', 'yellow', 'red', null],
  description:
    'green: minst tre av fyra uppmätta indikatorer gröna; red: mer än en av fyra röda; yellow: däremellan; null: inga uppmätta',
} as const;

const goalFulfilmentByArea = {
  type: 'object',
  nullable: true,
  description:
    'Årsredovisningen: nämndmålens indikatorer vid årets slut per strategiskt område, med kommunledningsgruppens analys; null i delårsrapporten',
  required: ['omraden', 'analys'],
  additionalProperties: false,
  properties: {
    omraden: {
      type: 'array',
      items: {
        type: 'object',
        required: ['omrade', 'strategic', 'colour', 'bedomning', 'indikatorer', 'namndmal'],
        additionalProperties: false,
        properties: {
          omrade: { type: 'string' },
          strategic: {
            type: 'boolean',
            description: 'false för Övriga mål (mål utan mandatperiodens område)',
          },
          colour: rollUpColour,
          bedomning: { type: 'string' },
          indikatorer: colourCount,
          namndmal: {
            type: 'array',
            items: {
              type: 'object',
              required: ['namndId', 'namnd', 'id', 'titel', 'colour', 'indikatorer'],
              additionalProperties: false,
              properties: {
                namndId: { type: 'string' },
                namnd: { type: 'string' },
                id: { type: 'string' },
                titel: { type: 'string' },
                colour: rollUpColour,
                indikatorer: colourCount,
              },
            },
          },
        },
      },
    },
    analys: { type: 'string', nullable: true, description: 'Kommunledningsgruppens analys' },
  },
} as const;

const municipalReport = {
  type: 'object',
  required: [
    'year',
    'type',
    'documentId',
    'budgetDocumentId',
    'units',
    'total',
    'finansiellaMal',
    'malGodEkonomiskHushallning',
    'balanskravsutredning',
    'maluppfyllelse',
  ],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    type: { type: 'string', enum: ['delarsrapport-kommunen', 'arsredovisning'] },
    documentId: { type: 'string', nullable: true, description: 'Kommunens egen rapport för året' },
    budgetDocumentId: {
      type: 'string',
      nullable: true,
      description: 'Fullmäktiges antagna Budget och flerårsplan som målen kommer från',
    },
    units: { type: 'array', items: unitRow, description: 'Varje nämnds, KS:s och bolags inlämnade rapport' },
    total: {
      type: 'object',
      required: ['arsbudget', 'periodbudget', 'utfall', 'prognos', 'budgetavvikelse', 'periodavvikelse'],
      additionalProperties: false,
      properties: ekonomiFields,
    },
    maluppfyllelse: goalFulfilmentByArea,
    finansiellaMal: { type: 'array', items: goalFollowUp },
    malGodEkonomiskHushallning: { type: 'array', items: goalFollowUp },
    balanskravsutredning: {
      type: 'object',
      nullable: true,
      description:
        'Årsredovisningens balanskravsutredning; null i delårsrapporten eller innan årets resultat angetts',
      required: ['rows', 'balanskravsresultat', 'needsSpecialAtgardsplan'],
      additionalProperties: false,
      properties: {
        rows: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'label', 'amount'],
            additionalProperties: false,
            properties: {
              field: { type: 'string' },
              label: { type: 'string' },
              amount: {
                type: 'integer',
                description: 'Radens påverkan i hela kronor; negativ för ett avdrag',
              },
            },
          },
        },
        balanskravsresultat: {
          type: 'integer',
          description: 'Hela kronor; negativt = underskott som ska återställas inom tre år',
        },
        needsSpecialAtgardsplan: { type: 'boolean' },
      },
    },
  },
} as const;

export type MunicipalReportCompilationView = FromSchema<typeof municipalReport>;
export const municipalReportSchema: JsonSchema = municipalReport;

const municipalReportQuery = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { type: 'string', enum: ['delarsrapport-kommunen', 'arsredovisning'] } },
} as const;

export type MunicipalReportQuery = FromSchema<typeof municipalReportQuery>;
export const municipalReportQuerySchema: JsonSchema = municipalReportQuery;
