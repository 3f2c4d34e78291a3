// Response shapes of the HTTP API, as the web app reads them. Move to @rodtrad/contracts once it has them.
import type { JsonObject } from '../forms/json';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface RoleAssignment {
  role: string;
  orgUnitId: string | number | null;
  orgUnitName?: string | null;
}

export interface CurrentUser {
  id: string | number;
  username: string;
  name: string;
  email?: string | null;
  roles: RoleAssignment[];
}

export interface LoginResponse {
  token: string;
  user: CurrentUser;
}

export type OrgUnitKind = 'kommun' | 'kf' | 'ks' | 'namnd' | 'bolag' | 'forvaltning' | 'omrade' | 'enhet';

export interface OrgUnit {
  id: string | number;
  parentId: string | number | null;
  kind: OrgUnitKind | string;
  name: string;
  code?: string | null;
}

export interface UserSummary {
  id: string | number;
  username: string;
  name: string;
  email?: string | null;
  roles: RoleAssignment[];
}

export interface Task {
  documentId: string | number;
  title: string;
  type: string;
  orgUnitName: string;
  state: string;
  stateTitle?: string;
  dueAt?: string | null;
  overdue?: boolean;
  action?: string | null;
}

export interface AllowedEvent {
  type: string;
  label: string;
  requiresComment?: boolean;
}

export interface FormDefinition {
  schema: JsonObject;
  uiSchema?: JsonObject;
}

export interface DocumentDetail {
  id: string | number;
  type: string;
  title: string;
  orgUnitId: string | number;
  orgUnitName: string;
  year: number;
  period?: string | null;
  state: string;
  stateTitle?: string;
  version: number;
  data: JsonObject | null;
  dueAt?: string | null;
  overdue?: boolean;
  form: FormDefinition | null;
  editable: boolean;
  allowedEvents: AllowedEvent[];
  definition?: { key: string; version: number };
}

export interface HistoryEntry {
  at: string;
  actor: { name: string } | null;
  via?: string | null;
  event: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
}

export interface StatusItem {
  orgUnitId: string | number;
  orgUnitName: string;
  documentType: string;
  period?: string | null;
  documentId?: string | number | null;
  /** Null for a planned slot whose document is not created yet. */
  state: string | null;
  stateTitle?: string | null;
  dueAt?: string | null;
  overdue?: boolean;
  submittedAt?: string | null;
  decidedAt?: string | null;
  diarienummer?: string | null;
}

export type ApprovalDecision = 'approve' | 'reject' | 'return';

/** GET /api/approvals/{token}: read defensively, the exact shape is still being settled. */
export interface ApprovalSummary {
  document?: Partial<DocumentDetail>;
  title?: string;
  type?: string;
  orgUnitName?: string;
  year?: number;
  period?: string | null;
  stateTitle?: string;
  data?: JsonObject | null;
  form?: FormDefinition;
  expiresAt?: string | null;
  requestedBy?: { name: string } | null;
  decisions?: ApprovalDecision[];
  /** Sent back with the POST (the server refuses a decision without it). */
  csrfToken?: string;
}

export interface Health {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down' }>;
}

/** GET /api/approvals: the approvals waiting for me (decided in the app or by the mailed link). */
export interface PendingApproval {
  id: string;
  documentId: string;
  title: string;
  type: string;
  orgUnitName: string;
  state: string;
  mode: 'all' | 'any' | 'sequence';
  onBehalfOf?: { id: string; name: string } | null;
  dueAt?: string | null;
  expiresAt?: string | null;
  requestedAt?: string | null;
}

export type EscalationKind = 'budget' | 'goal' | 'balance' | 'adhoc';
export type EscalationStatus = 'open' | 'acknowledged' | 'tracking' | 'closed';

export interface Escalation {
  id: string;
  kind: EscalationKind;
  status: EscalationStatus;
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

export interface EscalationDetail extends Escalation {
  sourceDocumentTitle: string | null;
  measures: string | null;
  description: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedComment: string | null;
  closedAt: string | null;
  /** Restoring a negative balance-requirement result year by year, once KF adopted the plan. */
  restoration: RestorationYear[] | null;
  restorationRemaining: number | null;
  /** For an escalation a year behind the restoration plan opened: the escalation being tracked. */
  followUpOf: string | null;
}

export interface RestorationYear {
  year: number;
  planned: number;
  achieved: number | null;
  balanceResult: number | null;
  behindPlan: boolean;
  sourceDocumentId: string | null;
  followUpEscalationId: string | null;
}

export interface DeviationThreshold {
  orgUnitId: string;
  kronor: number | null;
  shareOfFrame: number | null;
  frame: number | null;
  effectiveThreshold: number | null;
  year: number;
}

export interface CalendarEntry {
  key: string;
  documentType: string | null;
  title: string;
  date: string | null;
  period: string | null;
  relativeDays: number | null;
  description?: string | null;
  edited: boolean;
}

/** Body of `PUT /api/years/{year}/calendar/{key}` (updateCalendarEntrySchema in @rodtrad/contracts). */
export interface UpdateCalendarEntryRequest {
  date?: string | null;
  period?: string | null;
  relativeDays?: number;
}

export interface UpdateCalendarEntryResult {
  entry: CalendarEntry;
  documentsRescheduled: number;
}

export interface DocRef {
  documentId: string;
  orgUnitId: string;
  orgUnitName: string;
  documentState: string;
}

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface RedThreadIndicator {
  namn: string;
  ingangsvarde: number;
  malniva: number;
  matdatum?: string | null;
  enhet?: string | null;
  latest: (Partial<DocRef> & { utfall: number; at: string; documentType?: string }) | null;
  colour: TrafficLight | null;
}

export interface RedThreadGoal {
  id: string;
  titel: string;
  strategisktOmrade?: string;
  beskrivning?: string | null;
  namnd: { id: string; name: string; code?: string };
  documentId: string;
  documentState?: string;
  indikatorer: RedThreadIndicator[];
  strategier: (DocRef & { strategi: string; hur?: string | null })[];
  bidrag?: (DocRef & { bidrag: string })[];
  aktiviteter: (DocRef & {
    titel: string;
    ansvarig?: string | null;
    klartDatum?: string | null;
    status?: string | null;
  })[];
}

export interface RedThread {
  year: number;
  mandatePeriod?: { startYear: number; endYear: number } | null;
  vision: string | null;
  strategicAreas: { id?: string; name: string; description?: string; namndmal: RedThreadGoal[] }[];
  otherGoals: RedThreadGoal[];
  warnings: { code: string; message: string; namndId?: string }[];
}

/** GET /api/workflow-definitions/{key}/versions/{v}: only what the diagram reads. */
export interface WorkflowStateNode {
  type?: string;
  meta?: { title?: string; events?: Record<string, { label?: string }> };
  on?: Record<string, { target?: string } | { target?: string }[] | string>;
}

export interface DefinitionVersion {
  key: string;
  version: number;
  title?: string;
  definition: {
    key?: string;
    title?: string;
    machine: { initial: string; states: Record<string, WorkflowStateNode> };
  };
}
