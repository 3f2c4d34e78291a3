// Read-only views of a definition: its steps, transitions and per-step metadata. Written to
// tolerate a malformed definition, because the validator walks one before it is known to be valid.
import type {
  ActionSpec,
  EventPermission,
  GuardSpec,
  StateMetaSpec,
  StateSpec,
  TransitionSpec,
  WorkflowDefinition,
} from '../workflow.types';

export interface TransitionInfo {
  from: string;
  event: string;
  /** The target step; for a targetless transition, the step itself. */
  to: string;
  /** Position among the guarded candidates of the event (first passing guard wins). */
  candidate: number;
  targetless: boolean;
  guard?: GuardSpec;
  actions: ActionSpec[];
}

export interface AllowedEvent {
  type: string;
  label: string;
  requiresComment: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function statesOf(def: WorkflowDefinition): Record<string, StateSpec> {
  const states = isObject(def?.machine) ? def.machine.states : undefined;
  return isObject(states) ? (states as Record<string, StateSpec>) : {};
}

/** Transition candidates of one `on` entry, always as an array. */
export function transitionCandidates(config: unknown): TransitionSpec[] {
  const list = Array.isArray(config) ? config : [config];
  return list.filter(isObject) as TransitionSpec[];
}

/** A state value (string or nested object) as a dotted string, e.g. `review.ks`. */
export function stateValueToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const [key] = Object.keys(value);
    if (key === undefined) return '';
    const rest = stateValueToString(value[key]);
    return rest ? `${key}.${rest}` : key;
  }
  return '';
}

export function listStates(def: WorkflowDefinition): string[] {
  return Object.keys(statesOf(def));
}

export function finalStates(def: WorkflowDefinition): string[] {
  return Object.entries(statesOf(def))
    .filter(([, s]) => isObject(s) && s.type === 'final')
    .map(([k]) => k);
}

export function isFinalState(def: WorkflowDefinition, state: string): boolean {
  return statesOf(def)[state]?.type === 'final';
}

export function stateMeta(def: WorkflowDefinition, state: string): StateMetaSpec | undefined {
  const s = statesOf(def)[state.split('.')[0]];
  return isObject(s) && isObject(s.meta) ? s.meta : undefined;
}

export function listTransitions(def: WorkflowDefinition): TransitionInfo[] {
  const out: TransitionInfo[] = [];
  for (const [from, state] of Object.entries(statesOf(def))) {
    if (!isObject(state) || !isObject(state.on)) continue;
    for (const [event, config] of Object.entries(state.on)) {
      transitionCandidates(config).forEach((t, candidate) => {
        const targetless = typeof t.target !== 'string';
        out.push({
          from,
          event,
          to: targetless ? from : (t.target as string),
          candidate,
          targetless,
          ...(t.guard ? { guard: t.guard } : {}),
          actions: Array.isArray(t.actions) ? t.actions : [],
        });
      });
    }
  }
  return out;
}

/** Events of `on` in the step (what the machine accepts there). */
export function acceptedEvents(def: WorkflowDefinition, state: string): string[] {
  const s = statesOf(def)[state.split('.')[0]];
  return isObject(s) && isObject(s.on) ? Object.keys(s.on) : [];
}

/**
 * The buttons to show the actor in a step: events the step accepts, declared in meta.events, whose
 * roles pass `actorRoleCheck`. System-only events (empty roles) are never listed. Guards are not
 * evaluated here: a listed event may still be refused with a reason.
 */
export function allowedEvents(
  def: WorkflowDefinition,
  state: string,
  actorRoleCheck: (roles: string[]) => boolean,
): AllowedEvent[] {
  const meta = stateMeta(def, state);
  const accepted = new Set(acceptedEvents(def, state));
  const events: Record<string, EventPermission> = isObject(meta?.events) ? meta.events : {};
  return Object.entries(events)
    .filter(([type, p]) => accepted.has(type) && p.roles.length > 0 && actorRoleCheck(p.roles))
    .map(([type, p]) => ({ type, label: p.label, requiresComment: p.requiresComment === true }));
}
