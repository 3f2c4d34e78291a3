import type { FromSchema } from 'json-schema-to-ts';
import { ESCALATION_DECISIONS, ESCALATION_KINDS } from '@rodtrad/domain';
import { nullableDateTime, nullableInteger, nullableString, type JsonSchema } from './json-schema';

/**
 * The largest amount in kronor the API takes (10 000 miljarder kr): far beyond any municipality's
 * figures, and well inside the database's BIGINT, so no amount is ever stored clamped.
 */
export const MAX_KRONOR = 10_000_000_000_000;

const kind = { type: 'string', enum: ESCALATION_KINDS } as const;
const status = {
  type: 'string',
  enum: ['open', 'acknowledged', 'tracking', 'closed'],
  description:
    'tracking: fullmäktige har antagit den särskilda åtgärdsplanen och återställandet följs upp år för år tills underskottet är återställt',
} as const;

export type EscalationKindView = FromSchema<typeof kind>;
export type EscalationStatusView = FromSchema<typeof status>;

const viewProperties = {
  id: { type: 'string' },
  kind,
  status,
  orgUnitId: { type: 'string' },
  orgUnitName: { type: 'string' },
  year: { type: 'integer' },
  sourceDocumentId: nullableString,
  amount: { ...nullableInteger, description: 'Avvikelse i kronor (negativ vid underskott)' },
  threshold: { ...nullableInteger, description: 'Nämndens gräns för väsentlig avvikelse i kronor' },
  actionPlanDocumentId: nullableString,
  actionPlanState: nullableString,
  toBody: { type: 'string', enum: ['ks', 'kf'] },
  createdAt: { type: 'string', format: 'date-time' },
} as const;
const viewRequired = [
  'id',
  'kind',
  'status',
  'orgUnitId',
  'orgUnitName',
  'year',
  'sourceDocumentId',
  'amount',
  'threshold',
  'actionPlanDocumentId',
  'actionPlanState',
  'toBody',
  'createdAt',
] as const satisfies readonly (keyof typeof viewProperties)[];

const escalationView = {
  type: 'object',
  required: viewRequired,
  additionalProperties: false,
  properties: viewProperties,
} as const;

export type EscalationView = FromSchema<typeof escalationView>;
export const escalationViewSchema: JsonSchema = escalationView;

const restorationYear = {
  type: 'object',
  required: [
    'year',
    'planned',
    'achieved',
    'balanceResult',
    'behindPlan',
    'sourceDocumentId',
    'followUpEscalationId',
  ],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    planned: { type: 'integer', description: 'Planerat återställande enligt planen, kronor' },
    achieved: {
      ...nullableInteger,
      description:
        'Återställt detta år (årets positiva balanskravsresultat, högst det som återstod); null tills årsredovisningen lämnats',
    },
    balanceResult: {
      ...nullableInteger,
      description: 'Årets balanskravsresultat enligt kommunens årsredovisning (balanskravsutredningen)',
    },
    behindPlan: { type: 'boolean', description: 'Mindre återställt hittills än planerat hittills' },
    sourceDocumentId: { ...nullableString, description: 'Årets verksamhetsberättelse' },
    followUpEscalationId: {
      ...nullableString,
      description: 'Den nya eskaleringen till fullmäktige som årets eftersläpning öppnade',
    },
  },
} as const;

export type RestorationYearView = FromSchema<typeof restorationYear>;

const decisionKind = {
  type: 'string',
  enum: ESCALATION_DECISIONS,
  description:
    'lamna_rad: kommunstyrelsen lämnar råd till nämnden; fora_till_kf: ärendet förs till kommunfullmäktige; anteckna: antecknas för kännedom',
} as const;

const kfMatterView = {
  type: 'object',
  required: [
    'documentId',
    'title',
    'state',
    'stateTitle',
    'final',
    'kfDecisionDate',
    'kfParagraph',
    'kfDecision',
  ],
  additionalProperties: false,
  description: 'Ärendet till kommunfullmäktige som beslutet skapade, och fullmäktiges beslut när det fattats',
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    state: { type: 'string' },
    stateTitle: { type: 'string' },
    final: { type: 'boolean', description: 'Fullmäktige har beslutat' },
    kfDecisionDate: { ...nullableString, format: 'date' },
    kfParagraph: nullableString,
    kfDecision: { ...nullableString, description: 'Fullmäktiges beslut med egna ord' },
  },
} as const;

const escalationDecisionView = {
  type: 'object',
  required: [
    'decision',
    'label',
    'meetingDate',
    'paragraph',
    'advice',
    'comment',
    'adviceRecipients',
    'decidedBy',
    'decidedByName',
    'decidedAt',
    'kfMatter',
  ],
  additionalProperties: false,
  properties: {
    decision: decisionKind,
    label: { type: 'string', description: 'Beslutet på svenska' },
    meetingDate: { type: 'string', format: 'date', description: 'Kommunstyrelsens sammanträde' },
    paragraph: { type: 'string', description: 'Paragraf i kommunstyrelsens protokoll, t.ex. "§ 45"' },
    advice: { ...nullableString, description: 'Rådet till nämnden (lamna_rad)' },
    comment: nullableString,
    adviceRecipients: { type: 'integer', description: 'Antal mottagare av rådet per e-post' },
    decidedBy: { type: 'string' },
    decidedByName: nullableString,
    decidedAt: { type: 'string', format: 'date-time' },
    kfMatter: { ...kfMatterView, nullable: true },
  },
} as const;

export type EscalationDecisionView = FromSchema<typeof escalationDecisionView>;
export const escalationDecisionViewSchema: JsonSchema = escalationDecisionView;

const historyEntry = {
  type: 'object',
  required: ['at', 'event', 'text', 'documentId'],
  additionalProperties: false,
  properties: {
    at: { type: 'string', description: 'Tidpunkt (date-time) eller beslutsdag (date)' },
    event: {
      type: 'string',
      enum: ['opened', 'acknowledged', 'decided', 'kf-matter', 'kf-decided', 'closed'],
    },
    text: { type: 'string', description: 'Vad som hände, på svenska' },
    documentId: {
      ...nullableString,
      description: 'Dokumentet som händelsen gäller (t.ex. ärendet till fullmäktige)',
    },
  },
} as const;

export type EscalationHistoryEntry = FromSchema<typeof historyEntry>;

const escalationDetail = {
  type: 'object',
  required: [
    ...viewRequired,
    'sourceDocumentTitle',
    'measures',
    'description',
    'acknowledgedBy',
    'acknowledgedAt',
    'acknowledgedComment',
    'closedAt',
    'restoration',
    'restorationRemaining',
    'followUpOf',
    'decision',
    'history',
  ],
  additionalProperties: false,
  properties: {
    ...viewProperties,
    sourceDocumentTitle: nullableString,
    measures: nullableString,
    description: nullableString,
    acknowledgedBy: nullableString,
    acknowledgedAt: nullableDateTime,
    acknowledgedComment: nullableString,
    closedAt: nullableDateTime,
    restoration: {
      type: 'array',
      nullable: true,
      description:
        'Återställandet av ett negativt balanskravsresultat år för år (kommunallagen 11 kap. 12 §), sedan fullmäktige antagit den särskilda åtgärdsplanen; null annars',
      items: restorationYear,
    },
    restorationRemaining: { ...nullableInteger, description: 'Kvar att återställa, kronor' },
    followUpOf: {
      ...nullableString,
      description:
        'För en eskalering som ett år efter planen öppnade: eskaleringen vars återställande följs upp',
    },
    decision: {
      ...escalationDecisionView,
      nullable: true,
      description: 'Kommunstyrelsens beslut inom uppsiktsplikten; null tills kommunstyrelsen beslutat',
    },
    history: {
      type: 'array',
      description:
        'Eskaleringens historik i tidsordning: öppnad, kvitterad, kommunstyrelsens beslut, ärendet till fullmäktige och fullmäktiges beslut, avslutad',
      items: historyEntry,
    },
  },
} as const;

export type EscalationDetail = FromSchema<typeof escalationDetail>;
export const escalationDetailSchema: JsonSchema = escalationDetail;

const escalationQuery = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: {
    status: {
      type: 'string',
      enum: ['open', 'tracking', 'closed'],
      description:
        'open: inte avslutade (även kvitterade och de vars återställande följs upp); tracking: bara de vars återställande följs upp',
    },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    awaitingDecision: {
      type: 'string',
      enum: ['true'],
      description:
        '`true`: only escalations to KS that are not closed and on which KS has not decided yet (lämna råd, föra till KF, anteckna): what waits for KS',
    },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

/** After validation: ajv fills in the defaults. */
export type EscalationQuery = FromSchema<typeof escalationQuery>;
export const escalationQuerySchema: JsonSchema = escalationQuery;

const acknowledgeEscalation = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 4000 } },
} as const;

export type AcknowledgeEscalationRequest = FromSchema<typeof acknowledgeEscalation>;
export const acknowledgeEscalationSchema: JsonSchema = acknowledgeEscalation;

const decideEscalation = {
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'meetingDate', 'paragraph'],
  properties: {
    decision: decisionKind,
    meetingDate: {
      type: 'string',
      maxLength: 10,
      description: 'Kommunstyrelsens sammanträde, ÅÅÅÅ-MM-DD (inte i framtiden)',
    },
    paragraph: { type: 'string', maxLength: 20, description: 'Paragraf i protokollet, t.ex. "§ 45"' },
    advice: {
      type: 'string',
      maxLength: 4000,
      description: 'Rådet till nämnden: krävs när kommunstyrelsen lämnar råd',
    },
    comment: {
      type: 'string',
      maxLength: 4000,
      description:
        'Kommentar; när ärendet förs till fullmäktige blir den kommunstyrelsens förslag till beslut i ärendet',
    },
  },
} as const;

export type DecideEscalationRequest = FromSchema<typeof decideEscalation>;
export const decideEscalationSchema: JsonSchema = decideEscalation;

const ksAdviceView = {
  type: 'object',
  required: ['escalationId', 'kind', 'meetingDate', 'paragraph', 'advice', 'decidedAt'],
  additionalProperties: false,
  properties: {
    escalationId: { type: 'string' },
    kind,
    meetingDate: { type: 'string', format: 'date' },
    paragraph: { type: 'string' },
    advice: { type: 'string' },
    decidedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export type KsAdviceView = FromSchema<typeof ksAdviceView>;
export const ksAdviceListSchema: JsonSchema = { type: 'array', items: ksAdviceView };

const ksAdviceQuery = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  required: ['actionPlanDocumentId'],
  properties: { actionPlanDocumentId: { type: 'string', minLength: 1, maxLength: 36 } },
} as const;

export type KsAdviceQuery = FromSchema<typeof ksAdviceQuery>;
export const ksAdviceQuerySchema: JsonSchema = ksAdviceQuery;

const reportDeviation = {
  type: 'object',
  additionalProperties: false,
  required: ['orgUnitId', 'year', 'description', 'measures'],
  properties: {
    orgUnitId: { type: 'string', minLength: 1, description: 'Nämnden som rapporterar' },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    amount: {
      type: 'integer',
      minimum: -MAX_KRONOR,
      maximum: MAX_KRONOR,
      description:
        'Avvikelsen i hela kronor (negativ vid underskott), högst 10 000 miljarder kr åt vardera hållet',
    },
    description: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      description: 'Vad som avviker och varför (krävs, inte bara blanksteg)',
    },
    measures: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      description:
        'Föreslagna åtgärder (krävs: en avvikelse ska meddelas kommunstyrelsen med förslag på åtgärder, §5.4.2)',
    },
  },
} as const;

export type ReportDeviationRequest = FromSchema<typeof reportDeviation>;
export const reportDeviationSchema: JsonSchema = reportDeviation;

const deviationThresholdView = {
  type: 'object',
  required: [
    'orgUnitId',
    'kronor',
    'shareOfFrame',
    'frame',
    'effectiveThreshold',
    'year',
    'investmentKronor',
    'investmentShare',
  ],
  additionalProperties: false,
  properties: {
    orgUnitId: { type: 'string' },
    kronor: nullableInteger,
    shareOfFrame: { type: 'number', nullable: true },
    investmentKronor: {
      ...nullableInteger,
      description: 'Limit of a significant overrun of the decided investments in kronor, when configured',
    },
    investmentShare: {
      type: 'number',
      nullable: true,
      description: "Limit as a share of a report's investment budget, when configured (default 5 %)",
    },
    frame: { ...nullableInteger, description: 'The frame of `year` the share applies to, when known' },
    effectiveThreshold: {
      ...nullableInteger,
      description: 'The threshold in kronor that applies now (default 1 % of the frame)',
    },
    year: { type: 'integer' },
  },
} as const;

export type DeviationThresholdView = FromSchema<typeof deviationThresholdView>;
export const deviationThresholdViewSchema: JsonSchema = deviationThresholdView;

const updateDeviationThreshold = {
  type: 'object',
  additionalProperties: false,
  required: ['kronor', 'shareOfFrame'],
  properties: {
    kronor: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_KRONOR,
      nullable: true,
      description: 'Gräns i hela kronor',
    },
    shareOfFrame: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      nullable: true,
      description: 'Gräns som andel av ramen (0,01 = 1 %)',
    },
    investmentKronor: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_KRONOR,
      nullable: true,
      description: 'Gräns för investeringsavvikelse i hela kronor; utelämnad: oförändrad',
    },
    investmentShare: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      nullable: true,
      description:
        'Gräns för investeringsavvikelse som andel av rapportens investeringsbudget (0,05 = 5 %); utelämnad: oförändrad',
    },
  },
} as const;

export type UpdateDeviationThresholdRequest = FromSchema<typeof updateDeviationThreshold>;
export const updateDeviationThresholdSchema: JsonSchema = updateDeviationThreshold;

export const thresholdQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } },
};
