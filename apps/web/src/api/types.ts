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
  form: FormDefinition;
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
  state: string;
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
}

export interface Health {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down' }>;
}
