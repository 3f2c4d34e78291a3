// The persisted snapshot of a document standing in a given step, as XState itself would persist it.
// Used when a document moves to another definition version: its step is resolved in the new
// machine instead of replayed, so no entry actions run.
import { stateMeta } from '../definition/definition-graph';
import type { CompiledWorkflow } from './compile-definition';
import { WorkflowSnapshotError, type PersistedSnapshot } from './engine-step';

export function snapshotAt(compiled: CompiledWorkflow, state: string): PersistedSnapshot {
  if (!state || state.includes('.') || stateMeta(compiled.definition, state) === undefined)
    throw new WorkflowSnapshotError(
      `State "${state}" does not exist in workflow "${compiled.definition.key}" (${compiled.checksum})`,
    );
  const snapshot = compiled.machine.resolveState({ value: state, context: {} });
  return JSON.parse(JSON.stringify(compiled.machine.getPersistedSnapshot(snapshot))) as PersistedSnapshot;
}
