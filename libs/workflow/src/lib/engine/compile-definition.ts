// Turns a JSON definition into an XState machine. Guards and actions are registered by name with
// setup(), so the definition refers to them by name and params, as XState intends. Actions are
// no-ops inside XState: the engine reads them from transition()'s result and turns them into effects.
import { and, not, or, setup, type AnyStateMachine, type GuardPredicate } from 'xstate';
import { definitionChecksum } from '../definition/definition-checksum';
import { statesOf, transitionCandidates } from '../definition/definition-graph';
import { validateDefinition } from '../definition/validate-definition';
import { isCompositeGuard } from '../registry/evaluate-guard';
import type { Registry } from '../registry/registry.types';
import type {
  ActionSpec,
  DefinitionProblem,
  GuardContext,
  GuardSpec,
  WorkflowDefinition,
} from '../workflow.types';

/** The event member through which the engine hands the guard context to XState guards. */
export const GUARD_CONTEXT_KEY = '$guardContext';

export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  machine: AnyStateMachine;
  registry: Registry;
  checksum: string;
}

export class WorkflowDefinitionError extends Error {
  readonly code = 'invalid-definition';
  constructor(
    readonly key: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(
      `Workflow definition "${key}" is invalid:\n` +
        problems.map((p) => `  ${p.pointer} ${p.code}: ${p.message}`).join('\n'),
    );
    this.name = 'WorkflowDefinitionError';
  }
}

// Problems that would make the machine wrong; catalog checks (forms, roles, deadline keys) are the
// business of validateDefinition at start-up.
const STRUCTURAL = new Set([
  'schema',
  'unknown-target',
  'unknown-guard',
  'invalid-guard-params',
  'unknown-action',
  'invalid-action-params',
]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type XGuard = { type: string; params?: unknown } | GuardPredicate<any, any, any, any>;

function toXStateGuard(spec: GuardSpec): XGuard {
  if (!isCompositeGuard(spec)) return { type: spec.type, params: spec.params ?? {} };
  const parts = spec.guards.map(toXStateGuard) as Parameters<typeof and>[0];
  if (spec.type === 'and') return and(parts);
  if (spec.type === 'or') return or(parts);
  return not(parts[0]);
}

function guardContextOf(event: Record<string, unknown>): GuardContext {
  const ctx = event[GUARD_CONTEXT_KEY] as GuardContext | undefined;
  if (!ctx)
    throw new Error('Workflow events must be sent through the engine step (no guard context on the event)');
  return ctx;
}

function machineConfig(def: WorkflowDefinition) {
  const states: Record<string, unknown> = {};
  for (const [name, state] of Object.entries(statesOf(def))) {
    const deadline = state.meta.deadline;
    const entry: ActionSpec[] = [
      ...(deadline ? [{ type: 'scheduleDeadline', params: { ...deadline, state: name } }] : []),
      ...(state.entry ?? []),
    ];
    const exit: ActionSpec[] = [
      ...(state.exit ?? []),
      ...(deadline ? [{ type: 'cancelDeadlines', params: { state: name } }] : []),
    ];
    const on: Record<string, unknown> = {};
    for (const [event, config] of Object.entries(state.on ?? {})) {
      on[event] = transitionCandidates(config).map((t) => ({
        ...(t.target !== undefined ? { target: t.target } : {}),
        ...(t.guard ? { guard: toXStateGuard(t.guard) } : {}),
        actions: t.actions ?? [],
        ...(t.description ? { description: t.description } : {}),
      }));
    }
    states[name] = { ...(state.type ? { type: state.type } : {}), meta: state.meta, entry, exit, on };
  }
  return { id: def.machine.id, initial: def.machine.initial, context: {}, states };
}

export function compileWorkflow(def: WorkflowDefinition, registry: Registry): CompiledWorkflow {
  const structural = validateDefinition(def, {
    registry,
    formExists: () => true,
    roleExists: () => true,
    deadlineKeyExists: () => true,
  }).problems.filter((p) => STRUCTURAL.has(p.code));
  if (structural.length > 0) throw new WorkflowDefinitionError(String(def?.key), structural);

  const guards = Object.fromEntries(
    [...registry.guards.values()].map((g) => [
      g.name,
      ({ event }: { event: Record<string, unknown> }, params: unknown) =>
        g.implementation(guardContextOf(event), (params ?? {}) as Record<string, unknown>) === true,
    ]),
  );
  const actions = Object.fromEntries([...registry.actions.keys()].map((name) => [name, () => undefined]));
  // The config is data checked above against the schema; XState's generic types cannot follow it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Untyped = any;
  const machine = setup({ guards, actions } as Untyped).createMachine(
    machineConfig(def) as Untyped,
  ) as AnyStateMachine;
  return { definition: def, machine, registry, checksum: definitionChecksum(def) };
}

/** The XState machine of a definition (see compileWorkflow for the machine with its metadata). */
export function compileDefinition(def: WorkflowDefinition, registry: Registry): AnyStateMachine {
  return compileWorkflow(def, registry).machine;
}

export interface WorkflowCache {
  /** The compiled workflow for (key, version, checksum) and registry, compiling on first use. */
  get(def: WorkflowDefinition, registry: Registry): CompiledWorkflow;
  readonly size: number;
  clear(): void;
}

export function createWorkflowCache(): WorkflowCache {
  let byRegistry = new WeakMap<Registry, Map<string, CompiledWorkflow>>();
  let size = 0;
  return {
    get(def, registry) {
      let compiled = byRegistry.get(registry);
      if (!compiled) byRegistry.set(registry, (compiled = new Map()));
      const id = `${def.key}@${def.version ?? 0}#${definitionChecksum(def)}`;
      let hit = compiled.get(id);
      if (!hit) {
        hit = compileWorkflow(def, registry);
        compiled.set(id, hit);
        size++;
      }
      return hit;
    },
    get size() {
      return size;
    },
    clear() {
      byRegistry = new WeakMap();
      size = 0;
    },
  };
}
