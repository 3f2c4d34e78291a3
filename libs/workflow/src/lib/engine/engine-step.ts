// The pure engine step: persisted snapshot + event + guard context → next snapshot + effects, or
// a refusal with a Swedish reason. No I/O: the caller persists the snapshot with a guarded UPDATE
// and writes the effects to the outbox in the same transaction.
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  isFinalState,
  stateMeta,
  stateValueToString,
  transitionCandidates,
} from '../definition/definition-graph';
import { evaluateGuard } from '../registry/evaluate-guard';
import { createRegistry } from '../registry/registry';
import type { Registry } from '../registry/registry.types';
import type {
  Effect,
  FormFieldError,
  GuardContext,
  WorkflowDefinition,
  WorkflowEvent,
} from '../workflow.types';
import {
  createWorkflowCache,
  GUARD_CONTEXT_KEY,
  type CompiledWorkflow,
  type WorkflowCache,
} from './compile-definition';

/** XState's persisted snapshot, as stored in the database (JSON). */
export interface PersistedSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: unknown;
  context: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StepOptions {
  /** For a raw definition: the registry to compile with (default: the built-in registry). */
  registry?: Registry;
  /** For a raw definition: where compiled machines are kept (default: one per process). */
  cache?: WorkflowCache;
}

export interface StepInput extends StepOptions {
  definition: WorkflowDefinition | CompiledWorkflow;
  /** null for a new document: the step starts from the initial state (its entry effects included). */
  snapshot: PersistedSnapshot | null;
  event: WorkflowEvent;
  guardContext: GuardContext;
}

export interface StepSuccess {
  ok: true;
  snapshot: PersistedSnapshot;
  /** The state value as a dotted string. */
  state: string;
  previousState: string | null;
  changed: boolean;
  effects: Effect[];
  final: boolean;
}

export interface StepRefusal {
  ok: false;
  code: 'unknown-event' | 'guard-refused';
  /** Swedish, user-facing. */
  reason: string;
  /** The guard that refused (for guard-refused). */
  guard?: string;
  /** Field errors from the refusing guard (e.g. formComplete), for the form's extraErrors. */
  errors?: FormFieldError[];
}

export type StepResult = StepSuccess | StepRefusal;

export class WorkflowSnapshotError extends Error {
  readonly code = 'invalid-snapshot';
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowSnapshotError';
  }
}

let defaults: { registry: Registry; cache: WorkflowCache } | undefined;

function resolveCompiled(
  definition: WorkflowDefinition | CompiledWorkflow,
  options: StepOptions,
): CompiledWorkflow {
  if ('machine' in definition && 'registry' in definition && 'checksum' in definition) return definition;
  defaults ??= { registry: createRegistry(), cache: createWorkflowCache() };
  const registry = options.registry ?? defaults.registry;
  return (options.cache ?? defaults.cache).get(definition as WorkflowDefinition, registry);
}

function toJson(compiled: CompiledWorkflow, snapshot: AnyMachineSnapshot): PersistedSnapshot {
  return JSON.parse(JSON.stringify(compiled.machine.getPersistedSnapshot(snapshot))) as PersistedSnapshot;
}

function effectsOf(
  compiled: CompiledWorkflow,
  actions: Array<{ type: string; params?: unknown }>,
  ctx: { guardContext: GuardContext; event: WorkflowEvent | null; from: string | null; to: string },
): Effect[] {
  return actions.flatMap((a) => {
    const entry = compiled.registry.actions.get(a.type);
    if (!entry) return [];
    const out = entry.implementation(ctx, (a.params ?? {}) as Record<string, unknown>);
    return Array.isArray(out) ? out : [out];
  });
}

/** The first snapshot of a new document, with the initial step's entry effects. */
export function initialStep(
  definition: WorkflowDefinition | CompiledWorkflow,
  guardContext: GuardContext,
  options: StepOptions = {},
): StepSuccess {
  const compiled = resolveCompiled(definition, options);
  const [snapshot, actions] = initialTransition(compiled.machine);
  const state = stateValueToString(snapshot.value);
  return {
    ok: true,
    snapshot: toJson(compiled, snapshot),
    state,
    previousState: null,
    changed: true,
    effects: effectsOf(compiled, actions, { guardContext, event: null, from: null, to: state }),
    final: isFinalState(compiled.definition, state),
  };
}

function restore(compiled: CompiledWorkflow, persisted: PersistedSnapshot): AnyMachineSnapshot {
  const state = stateValueToString(persisted?.value);
  if (!state || stateMeta(compiled.definition, state) === undefined)
    throw new WorkflowSnapshotError(
      `Snapshot state "${state}" does not exist in workflow "${compiled.definition.key}" (${compiled.checksum})`,
    );
  return compiled.machine.resolveState({
    value: persisted.value as string,
    context: persisted.context ?? {},
  });
}

export function step(input: StepInput): StepResult {
  const compiled = resolveCompiled(input.definition, input);
  const def = compiled.definition;
  let effects: Effect[] = [];
  let current: AnyMachineSnapshot;
  if (input.snapshot === null) {
    const start = initialStep(compiled, input.guardContext);
    current = restore(compiled, start.snapshot);
    effects = start.effects;
  } else {
    current = restore(compiled, input.snapshot);
  }

  const from = stateValueToString(current.value);
  const meta = stateMeta(def, from);
  const title = meta?.title ?? from;
  const { [GUARD_CONTEXT_KEY]: _ignored, ...event } = input.event as WorkflowEvent & Record<string, unknown>;

  if (isFinalState(def, from))
    return {
      ok: false,
      code: 'unknown-event',
      reason: `Ärendet är avslutat (${title}); inga fler händelser tas emot.`,
    };
  const on = def.machine.states[from]?.on ?? {};
  const config = Object.hasOwn(on, event.type) ? on[event.type] : undefined;
  if (config === undefined) {
    return {
      ok: false,
      code: 'unknown-event',
      reason: `Händelsen ${event.type} kan inte skickas i steget "${title}".`,
    };
  }

  const comment = typeof event.comment === 'string' ? event.comment.trim() : '';
  if (meta?.events?.[event.type]?.requiresComment && comment === '')
    return { ok: false, code: 'guard-refused', reason: 'En kommentar krävs.', guard: 'commentGiven' };

  const ctx: GuardContext = { ...input.guardContext, event, state: { value: from, form: meta?.form } };
  let firstRefusal: StepRefusal | undefined;
  let accepted = false;
  for (const candidate of transitionCandidates(config)) {
    const outcome = candidate.guard
      ? evaluateGuard(candidate.guard, ctx, compiled.registry)
      : ({ ok: true } as const);
    if (outcome.ok) {
      accepted = true;
      break;
    }
    firstRefusal ??= {
      ok: false,
      code: 'guard-refused',
      reason: outcome.reason,
      guard: outcome.guard,
      ...(outcome.errors ? { errors: outcome.errors } : {}),
    };
  }
  if (!accepted) return firstRefusal as StepRefusal;

  const [next, actions] = transition(compiled.machine, current, { ...event, [GUARD_CONTEXT_KEY]: ctx });
  const to = stateValueToString(next.value);
  effects = [...effects, ...effectsOf(compiled, actions, { guardContext: ctx, event, from, to })];
  return {
    ok: true,
    snapshot: toJson(compiled, next),
    state: to,
    previousState: from,
    changed: to !== from,
    effects,
    final: isFinalState(def, to),
  };
}
