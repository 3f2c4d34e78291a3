import { apiFetch } from '../../../api/api-fetch';

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionSummary {
  key: string;
  title: string;
  latestVersion: number;
  publishedVersion: number | null;
}

export interface VersionRow {
  version: number;
  status: VersionStatus;
  title: string;
  source: 'shipped' | 'admin';
  createdAt: string;
  publishedAt: string | null;
  documents: number;
  running: number;
}

export interface FormEntry {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

export interface StoredVersion {
  key: string;
  version: number;
  status: VersionStatus;
  title: string;
  definition: Record<string, unknown>;
  forms: Record<string, FormEntry>;
}

export interface Effect {
  type: string;
  params: Record<string, unknown>;
}

export interface SimulatedStep {
  event: string | null;
  ok: boolean;
  state: string;
  stateTitle: string;
  reason?: string;
  mails: Effect[];
  deadlines: Effect[];
  documents: Effect[];
  escalations: Effect[];
}

export interface PathItem {
  events: string[];
  states: string[];
  end: string;
  final: boolean;
  length: number;
}

export interface PlanEntry {
  documentId: string;
  title: string;
  orgUnitName: string;
  state: string;
  target: string | null;
  movable: boolean;
  reason?: string;
  complete: boolean;
  missing: { pointer: string; message: string }[];
  /** With a data migration: whether it changes the data, and what a person should check. */
  dataChanged?: boolean;
  dataNotes?: string[];
}

export interface MigrationPlan {
  documents: PlanEntry[];
  movable: number;
  blocked: number;
}

export type DiffPart = { added: unknown[]; removed: unknown[]; changed?: unknown[] };
export type DefinitionDiff = Record<string, DiffPart> & { unchanged: boolean };

export const definitionPath = (key: string) =>
  `/api/workflow-definitions/${encodeURIComponent(key)}/versions`;

export const workflowApi = {
  createDraft: (key: string, definition: unknown, forms?: Record<string, FormEntry>) =>
    apiFetch<{ version: number }>(definitionPath(key), { method: 'POST', body: { definition, forms } }),
  saveDraft: (key: string, version: number, definition: unknown, forms?: Record<string, FormEntry>) =>
    apiFetch<{ version: number }>(`${definitionPath(key)}/${version}`, {
      method: 'PUT',
      body: { definition, forms },
    }),
  publish: (key: string, version: number) =>
    apiFetch<{ version: number; retired: number[] }>(`${definitionPath(key)}/${version}/publish`, {
      method: 'POST',
    }),
  simulate: (key: string, version: number, body: unknown) =>
    apiFetch<{ steps: SimulatedStep[] }>(`${definitionPath(key)}/${version}/simulate`, {
      method: 'POST',
      body,
    }),
  dryRun: (key: string, version: number, body: unknown) =>
    apiFetch<MigrationPlan>(`${definitionPath(key)}/${version}/migrations/dry-run`, { method: 'POST', body }),
  migrate: (key: string, version: number, body: unknown) =>
    apiFetch<{ migrated: number; skipped: { documentId: string; reason: string }[] }>(
      `${definitionPath(key)}/${version}/migrations`,
      { method: 'POST', body },
    ),
  saveForm: (key: string, step: string, form: FormEntry) =>
    apiFetch<{ version: number; createdDraft: boolean }>(
      `/api/forms/${encodeURIComponent(key)}/${encodeURIComponent(step)}/versions`,
      { method: 'POST', body: form },
    ),
};

/** The JSON text parsed, or the parser's message. */
export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
