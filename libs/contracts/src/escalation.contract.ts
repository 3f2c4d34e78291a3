import { ESCALATION_KINDS, type EscalationKind } from '@rodtrad/domain';
import type { JsonSchema } from './json-schema';

export type EscalationKindView = EscalationKind;
/** `tracking`: KF adopted the särskild åtgärdsplan; the restoration is followed up until the deficit is restored. */
export type EscalationStatusView = 'open' | 'acknowledged' | 'tracking' | 'closed';

export interface EscalationView {
  id: string;
  kind: EscalationKindView;
  status: EscalationStatusView;
  orgUnitId: string;
  orgUnitName: string;
  year: number;
  sourceDocumentId: string | null;
  amount: number | null;
  threshold: number | null;
  actionPlanDocumentId: string | null;
  actionPlanState: string | null;
  toBody: 'ks' | 'kf';
  createdAt: string;
}

export interface EscalationDetail extends EscalationView {
  sourceDocumentTitle: string | null;
  measures: string | null;
  description: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedComment: string | null;
  closedAt: string | null;
  /**
   * Restoring a negative balance-requirement result, year by year, once KF adopted the plan
   * (null before, and for other escalations).
   */
  restoration: RestorationYearView[] | null;
  /** Kronor of the deficit still to restore (null without restoration). */
  restorationRemaining: number | null;
  /** For an escalation opened by a year behind the restoration plan: the escalation being tracked. */
  followUpOf: string | null;
}

export interface RestorationYearView {
  year: number;
  /** Planned in KF's särskild åtgärdsplan. */
  planned: number;
  /** Restored that year (its positive balance-requirement result, at most what was left); null until reported. */
  achieved: number | null;
  balanceResult: number | null;
  behindPlan: boolean;
  sourceDocumentId: string | null;
  followUpEscalationId: string | null;
}

const nullableString: JsonSchema = { type: 'string', nullable: true };
const nullableInt: JsonSchema = { type: 'integer', nullable: true };

const viewProperties: Record<string, JsonSchema> = {
  id: { type: 'string' },
  kind: { type: 'string', enum: [...ESCALATION_KINDS] },
  status: {
    type: 'string',
    enum: ['open', 'acknowledged', 'tracking', 'closed'],
    description:
      'tracking: fullmäktige har antagit den särskilda åtgärdsplanen och återställandet följs upp år för år tills underskottet är återställt',
  },
  orgUnitId: { type: 'string' },
  orgUnitName: { type: 'string' },
  year: { type: 'integer' },
  sourceDocumentId: nullableString,
  amount: { ...nullableInt, description: 'Avvikelse i kronor (negativ vid underskott)' },
  threshold: { ...nullableInt, description: 'Nämndens gräns för väsentlig avvikelse i kronor' },
  actionPlanDocumentId: nullableString,
  actionPlanState: nullableString,
  toBody: { type: 'string', enum: ['ks', 'kf'] },
  createdAt: { type: 'string', format: 'date-time' },
};

export const escalationViewSchema: JsonSchema = {
  type: 'object',
  required: Object.keys(viewProperties),
  properties: viewProperties,
};

export const escalationDetailSchema: JsonSchema = {
  type: 'object',
  required: [
    ...Object.keys(viewProperties),
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
  ],
  properties: {
    ...viewProperties,
    sourceDocumentTitle: nullableString,
    measures: nullableString,
    description: nullableString,
    acknowledgedBy: nullableString,
    acknowledgedAt: { type: 'string', format: 'date-time', nullable: true },
    acknowledgedComment: nullableString,
    closedAt: { type: 'string', format: 'date-time', nullable: true },
    restoration: {
      type: 'array',
      nullable: true,
      description:
        'Återställandet av ett negativt balanskravsresultat år för år (kommunallagen 11 kap. 12 §), sedan fullmäktige antagit den särskilda åtgärdsplanen; null annars',
      items: {
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
        properties: {
          year: { type: 'integer' },
          planned: { type: 'integer', description: 'Planerat återställande enligt planen, kronor' },
          achieved: {
            ...nullableInt,
            description:
              'Återställt detta år (årets positiva balanskravsresultat, högst det som återstod); null tills verksamhetsberättelsen lämnats',
          },
          balanceResult: {
            ...nullableInt,
            description: 'Årets balanskravsresultat enligt verksamhetsberättelsen',
          },
          behindPlan: { type: 'boolean', description: 'Mindre återställt hittills än planerat hittills' },
          sourceDocumentId: { ...nullableString, description: 'Årets verksamhetsberättelse' },
          followUpEscalationId: {
            ...nullableString,
            description: 'Den nya eskaleringen till fullmäktige som årets eftersläpning öppnade',
          },
        },
      },
    },
    restorationRemaining: { ...nullableInt, description: 'Kvar att återställa, kronor' },
    followUpOf: {
      ...nullableString,
      description:
        'För en eskalering som ett år efter planen öppnade: eskaleringen vars återställande följs upp',
    },
  },
};

export const escalationQuerySchema: JsonSchema = {
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
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

export interface EscalationQuery {
  status?: 'open' | 'tracking' | 'closed';
  year?: number;
  limit: number;
  offset: number;
}

export const acknowledgeEscalationSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 4000 } },
};

export interface AcknowledgeEscalationRequest {
  comment?: string;
}

export const reportDeviationSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['orgUnitId', 'year', 'description'],
  properties: {
    orgUnitId: { type: 'string', minLength: 1, description: 'Nämnden som rapporterar' },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    amount: { type: 'integer', description: 'Avvikelsen i hela kronor (negativ vid underskott)' },
    description: { type: 'string', minLength: 1, maxLength: 4000 },
    measures: { type: 'string', maxLength: 4000, description: 'Föreslagna åtgärder' },
  },
};

export interface ReportDeviationRequest {
  orgUnitId: string;
  year: number;
  amount?: number;
  description: string;
  measures?: string;
}

export interface DeviationThresholdView {
  orgUnitId: string;
  kronor: number | null;
  shareOfFrame: number | null;
  /** The frame of `year` the share applies to, when known. */
  frame: number | null;
  /** The threshold in kronor that applies now (default 1 % of the frame). */
  effectiveThreshold: number | null;
  year: number;
}

export const deviationThresholdViewSchema: JsonSchema = {
  type: 'object',
  required: ['orgUnitId', 'kronor', 'shareOfFrame', 'frame', 'effectiveThreshold', 'year'],
  properties: {
    orgUnitId: { type: 'string' },
    kronor: nullableInt,
    shareOfFrame: { type: 'number', nullable: true },
    frame: nullableInt,
    effectiveThreshold: nullableInt,
    year: { type: 'integer' },
  },
};

export const updateDeviationThresholdSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kronor', 'shareOfFrame'],
  properties: {
    kronor: { type: 'integer', minimum: 1, nullable: true, description: 'Gräns i hela kronor' },
    shareOfFrame: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      nullable: true,
      description: 'Gräns som andel av ramen (0,01 = 1 %)',
    },
  },
};

export interface UpdateDeviationThresholdRequest {
  kronor: number | null;
  shareOfFrame: number | null;
}

export const thresholdQuerySchema: JsonSchema = {
  'x-query': true,
  type: 'object',
  additionalProperties: false,
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } },
};
