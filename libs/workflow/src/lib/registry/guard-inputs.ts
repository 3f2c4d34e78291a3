// Which costly inputs the guards of one event need, read from the guards' own declarations
// (GuardEntry.reads), so the caller queries for facts or forms only when a guard will look at them.
import type { GuardSpec, TransitionConfig } from '../workflow.types';
import { isCompositeGuard } from './evaluate-guard';
import type { GuardInput, Registry } from './registry.types';

export type GuardInputs = Readonly<Record<GuardInput, boolean>>;

const NONE: GuardInputs = { facts: false, forms: false };

/** Per transitions object and registry: the definitions are loaded once, so the walk is done once. */
const remembered = new WeakMap<object, WeakMap<Registry, GuardInputs>>();

/** The inputs the guards of these transitions (one event in one step) read; an unknown guard reads nothing. */
export function guardInputs(transitions: TransitionConfig | undefined, registry: Registry): GuardInputs {
  if (!transitions || typeof transitions !== 'object') return NONE;
  let byRegistry = remembered.get(transitions);
  if (!byRegistry) remembered.set(transitions, (byRegistry = new WeakMap()));
  let inputs = byRegistry.get(registry);
  if (!inputs) {
    const reads = new Set<GuardInput>();
    const visit = (spec: GuardSpec | undefined): void => {
      if (!spec) return;
      if (isCompositeGuard(spec)) spec.guards.forEach(visit);
      else for (const r of registry.guards.get(spec.type)?.reads ?? []) reads.add(r);
    };
    for (const t of Array.isArray(transitions) ? transitions : [transitions]) visit(t.guard);
    inputs = { facts: reads.has('facts'), forms: reads.has('forms') };
    byRegistry.set(registry, inputs);
  }
  return inputs;
}
