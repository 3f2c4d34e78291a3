// Response shapes of the HTTP API as the web app reads them. What the API publishes in
// @rodtrad/contracts is taken from there (types only: nothing of it reaches the bundle); the rest
// are shapes the contracts do not name yet.
import type { AllowedEventView, CalendarEntryView } from '@rodtrad/contracts';
import type { JsonObject } from '../forms/json';

export type {
  AllowedEventView as AllowedEvent,
  CalendarEntryView as CalendarEntry,
  CurrentUser,
  DeviationThresholdView as DeviationThreshold,
  EscalationDetail,
  EscalationKindView as EscalationKind,
  EscalationStatusView as EscalationStatus,
  EscalationView as Escalation,
  HistoryEntryView as HistoryEntry,
  LoginResponse,
  OrgUnitView as OrgUnit,
  Page,
  RestorationYearView as RestorationYear,
  RoleAssignmentView as RoleAssignment,
  UpdateCalendarEntryRequest,
  UserView as UserSummary,
  YearStatusRow as StatusItem,
} from '@rodtrad/contracts';
export type { OrgUnitKind } from '@rodtrad/domain';

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
  allowedEvents: AllowedEventView[];
  definition?: { key: string; version: number };
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

export interface UpdateCalendarEntryResult {
  entry: CalendarEntryView;
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
