// Shapes of registry entries. Type-only module: exercised by registry.spec.ts and the built-in specs.
import type { ActionContext, Effect, GuardContext, GuardResult, JsonObject } from '../workflow.types';

/** A name a definition refers to that must exist in a catalog (role, deadline key, document type). */
export interface CatalogRef {
  kind: 'role' | 'deadline-key' | 'document-type';
  value: string;
  /** Pointer relative to the params object. */
  pointer: string;
}

/**
 * What a guard reads beyond the document, the event and the actor, each costing the caller
 * queries: `facts` (GuardContext.facts, from other documents) and `forms` (validateForm, with the
 * forms' upstream choices). The caller computes only what the guards of an event declare.
 */
export type GuardInput = 'facts' | 'forms';

export interface GuardEntry<P extends JsonObject = JsonObject> {
  name: string;
  description: string;
  paramsSchema: JsonObject;
  implementation: (ctx: GuardContext, params: P) => GuardResult;
  refs?: (params: P) => CatalogRef[];
  /** What the implementation reads that the caller must compute first (none when absent). */
  reads?: readonly GuardInput[];
}

export interface ActionEntry<P extends JsonObject = JsonObject> {
  name: string;
  description: string;
  paramsSchema: JsonObject;
  /** Builds the effect descriptor(s); never performs I/O. */
  implementation: (ctx: ActionContext, params: P) => Effect | Effect[];
  refs?: (params: P) => CatalogRef[];
}

export interface ParamsProblem {
  /** Pointer relative to the params object. */
  pointer: string;
  message: string;
}

export interface Registry {
  readonly guards: ReadonlyMap<string, GuardEntry>;
  readonly actions: ReadonlyMap<string, ActionEntry>;
  validateGuardParams(name: string, params: unknown): ParamsProblem[];
  validateActionParams(name: string, params: unknown): ParamsProblem[];
}
