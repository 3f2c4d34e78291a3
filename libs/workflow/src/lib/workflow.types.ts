// Types of the definition format (workflows/*.workflow.json) and of the engine's inputs and outputs.
// Type-only module: the shapes are exercised by every spec that builds a definition.

export type JsonObject = Record<string, unknown>;

export interface LeafGuardSpec {
  type: string;
  params?: JsonObject;
}

export interface CompositeGuardSpec {
  type: 'and' | 'or' | 'not';
  guards: GuardSpec[];
  /** Swedish reason shown when the composite refuses; overrides the reasons of its parts. */
  reason?: string;
}

export type GuardSpec = LeafGuardSpec | CompositeGuardSpec;

export interface ActionSpec {
  type: string;
  params?: JsonObject;
}

export interface TransitionSpec {
  /** A sibling state key. Omitted: the document stays in its step and only the actions run. */
  target?: string;
  guard?: GuardSpec;
  actions?: ActionSpec[];
  description?: string;
}

export type TransitionConfig = TransitionSpec | TransitionSpec[];

export interface EventPermission {
  label: string;
  /** Roles that may send the event. Empty: only the system sends it (never shown as a button). */
  roles: string[];
  requiresComment?: boolean;
  description?: string;
}

export interface DeadlineSpec {
  key: string;
  /** Days before the due date on which a reminder goes out. */
  reminders?: number[];
  /** Event the system sends at the due time; must be handled in `on` of the same step. */
  onDue?: string;
  escalate?: boolean;
}

export interface StateMetaSpec {
  title: string;
  description?: string;
  form?: string;
  editableBy?: string[];
  responsible?: string[];
  deadline?: DeadlineSpec;
  events?: Record<string, EventPermission>;
  /** How approvals requested for this step are decided (see the requestApproval action). */
  approval?: { requireSignIn?: boolean; maxAge?: number };
}

export interface StateSpec {
  type?: 'final';
  description?: string;
  meta: StateMetaSpec;
  entry?: ActionSpec[];
  exit?: ActionSpec[];
  on?: Record<string, TransitionConfig>;
}

export interface MachineSpec {
  id: string;
  initial: string;
  description?: string;
  states: Record<string, StateSpec>;
}

export interface WorkflowDefinition {
  $schema?: string;
  key: string;
  title: string;
  version?: number;
  description?: string;
  /** Unit kinds an overdue step climbs through, nearest first; default: every level up to KS. */
  escalationChain?: string[];
  machine: MachineSpec;
}

// ---------------------------------------------------------------------------------------------
// Guard and action context

export interface DocumentRef {
  id: string;
  type: string;
  orgUnitId: string;
  year: number;
  period: number | string | null;
}

export interface ActorRole {
  role: string;
  orgUnitId: string;
}

export interface Actor {
  userId: string | null;
  roles: ActorRole[];
  via: 'user' | 'system' | 'email-link';
}

export interface FormFieldError {
  /** RFC 6901 pointer into the form data. */
  pointer: string;
  /** Swedish, user-facing. */
  message: string;
}

export interface WorkflowEvent {
  type: string;
  /** Free-text comment of the sender (required when meta.events[EVENT].requiresComment). */
  comment?: string;
  [key: string]: unknown;
}

export interface GuardContext {
  /** The document's form data (lives outside the machine). */
  data: unknown;
  document: DocumentRef;
  actor: Actor;
  /** Precomputed by the caller: upstreamAdopted, withinFrame, any fact a `factIs` guard names. */
  facts: Record<string, unknown>;
  /** Validates data against the form of a step; used by `formComplete`. */
  validateForm?: (data: unknown, form: { type: string; step: string }) => FormFieldError[];
  /** Organisational role check (the role held for this document's unit, or above); used by `hasRole`. */
  hasRole?: (role: string) => boolean;
  /** Filled in by the engine: the event being sent. */
  event?: WorkflowEvent;
  /** Filled in by the engine: the step the document is in. */
  state?: { value: string; form?: string };
}

export type GuardRefusal = { ok: false; reason: string; errors?: FormFieldError[] };
export type GuardResult = true | GuardRefusal;

export interface Effect {
  type: string;
  params: JsonObject;
}

export interface ActionContext {
  guardContext: GuardContext;
  event: WorkflowEvent | null;
  /** The step before the transition (null on the initial step). */
  from: string | null;
  /** The step after the transition. */
  to: string;
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface DefinitionProblem {
  /** RFC 6901 pointer into the definition. */
  pointer: string;
  code: DefinitionProblemCode;
  message: string;
}

export type DefinitionProblemCode =
  | 'schema'
  | 'key-mismatch'
  | 'unknown-target'
  | 'unreachable-state'
  | 'no-path-to-final'
  | 'unknown-guard'
  | 'invalid-guard-params'
  | 'unknown-action'
  | 'invalid-action-params'
  | 'unknown-form'
  | 'unknown-role'
  | 'unknown-deadline-key'
  | 'unknown-document-type'
  | 'deadline-event-not-handled'
  | 'event-without-permission'
  | 'missing-form'
  | 'max-age-without-sign-in';

export interface ValidationResult {
  ok: boolean;
  problems: DefinitionProblem[];
}
