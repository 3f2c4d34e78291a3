import { initialStep, step, type PersistedSnapshot } from '../engine/engine-step';
import { compileWorkflow } from '../engine/compile-definition';
import { createRegistry } from '../registry/registry';
import { guardContext, sampleDefinition } from '../testing/sample-definition.fixture';
import type { CompositeGuardSpec, GuardContext, GuardSpec, WorkflowDefinition } from '../workflow.types';
import { pathsCoveringAllTransitions } from './covering-paths';
import { listStates, listTransitions, type TransitionInfo } from './definition-graph';

// Data and facts that make one guard pass (or, with pass=false, refuse).
function contextFor(guard: GuardSpec | undefined, pass: boolean, ctx: GuardContext): GuardContext {
  if (!guard) return ctx;
  switch (guard.type) {
    case 'and':
      return (guard as CompositeGuardSpec).guards.reduce((c, g) => contextFor(g, pass, c), ctx);
    case 'formComplete':
      return {
        ...ctx,
        validateForm: () => (pass ? [] : [{ pointer: '/x', message: 'Fältet är obligatoriskt' }]),
      };
    case 'fieldsPresent':
      return { ...ctx, data: pass ? { beslut: { datum: '2026-01-20', paragraf: '§ 3' } } : {} };
    case 'hasRole':
      return { ...ctx, hasRole: () => pass };
    case 'factIs':
      return { ...ctx, facts: { ...ctx.facts, [String(guard.params?.['fact'])]: pass } };
    default:
      throw new Error(`no data recipe for ${guard.type}`);
  }
}

function contextForStep(def: WorkflowDefinition, t: TransitionInfo): GuardContext {
  const earlier = listTransitions(def).filter(
    (o) => o.from === t.from && o.event === t.event && o.candidate < t.candidate,
  );
  const refused = earlier.reduce((c, o) => contextFor(o.guard, false, c), guardContext());
  return contextFor(t.guard, true, refused);
}

describe('pathsCoveringAllTransitions', () => {
  const def = sampleDefinition();
  const paths = pathsCoveringAllTransitions(def);

  it('covers every transition and every state, each path ending in a final step', () => {
    const taken = new Set(paths.flatMap((p) => p.steps.map((t) => `${t.from}/${t.event}/${t.candidate}`)));
    expect(taken).toEqual(new Set(listTransitions(def).map((t) => `${t.from}/${t.event}/${t.candidate}`)));
    const visited = new Set(paths.flatMap((p) => [def.machine.initial, ...p.steps.map((t) => t.to)]));
    expect(visited).toEqual(new Set(listStates(def)));
    expect(paths.every((p) => p.final)).toBe(true);
    expect(paths[0].events).toEqual(paths[0].steps.map((t) => t.event));
  });

  it('is walkable through the real engine with data that satisfies the guards', () => {
    const compiled = compileWorkflow(def, createRegistry());
    for (const path of paths) {
      let snapshot: PersistedSnapshot = initialStep(compiled, guardContext()).snapshot;
      for (const t of path.steps) {
        const result = step({
          definition: compiled,
          snapshot,
          event: { type: t.event, comment: 'Kommentar' },
          guardContext: contextForStep(def, t),
        });
        if (!result.ok) throw new Error(`${path.events.join(' → ')}: ${t.event} refused: ${result.reason}`);
        expect(result.state).toBe(t.to);
        snapshot = result.snapshot;
      }
      expect(snapshot.value).toBe(path.end);
    }
  });

  it('gives one empty path for a definition without transitions', () => {
    const single: WorkflowDefinition = {
      key: 'x',
      title: 'X',
      machine: { id: 'x', initial: 'done', states: { done: { type: 'final', meta: { title: 'Klar' } } } },
    };
    expect(pathsCoveringAllTransitions(single)).toEqual([
      { events: [], steps: [], end: 'done', final: true },
    ]);
  });
});
