// Event sequences that together visit every step and take every transition: the plan a test
// follows through the real engine. The paths come from xstate/graph over the definition's SHAPE:
// a machine with the same steps and transitions but no guards, where each guarded candidate of an
// event is an event of its own (`SUBMIT#1`), so every branch is reachable without inventing data.
import { createMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { WorkflowDefinition } from '../workflow.types';
import { finalStates, listTransitions, stateValueToString, type TransitionInfo } from './definition-graph';

export interface WorkflowPath {
  /** The events to send, in order, starting from the initial step. */
  events: string[];
  /**
   * The transition each event must take. For `candidate` > 0 the data must make the guards of the
   * earlier candidates of that event refuse.
   */
  steps: TransitionInfo[];
  /** The step the path ends in, and whether it is final. */
  end: string;
  final: boolean;
}

const edgeKey = (t: TransitionInfo) => `${t.event}#${t.candidate}`;
const edgeId = (t: TransitionInfo) => `${t.from}\u0000${edgeKey(t)}`;

/** The definition as a guard-free machine whose events name the candidate they take. */
function shapeMachine(def: WorkflowDefinition, transitions: TransitionInfo[]) {
  const finals = new Set(finalStates(def));
  const states: Record<string, { type?: 'final'; on?: Record<string, { target?: string }> }> = {};
  for (const name of Object.keys(def.machine.states)) {
    states[name] = finals.has(name) ? { type: 'final' } : { on: {} };
  }
  for (const t of transitions) {
    const on = states[t.from].on;
    if (on) on[edgeKey(t)] = t.targetless ? {} : { target: t.to };
  }
  return createMachine({ id: `${def.key}-shape`, initial: def.machine.initial, states });
}

export function pathsCoveringAllTransitions(def: WorkflowDefinition): WorkflowPath[] {
  const transitions = listTransitions(def);
  const finals = new Set(finalStates(def));
  const byKey = new Map(transitions.map((t) => [edgeId(t), t]));
  const shape = shapeMachine(def, transitions);
  const events = [...new Set(transitions.map(edgeKey))].map((type) => ({ type }));
  const toSteps = (
    from: string,
    path: { steps: { event: { type: string }; state: { value: unknown } }[] },
  ) => {
    const steps: TransitionInfo[] = [];
    let at = from;
    for (const s of path.steps) {
      if (s.event.type.startsWith('xstate.')) continue; // the initial pseudo-step
      const t = byKey.get(`${at}\u0000${s.event.type}`);
      if (!t) throw new Error(`${def.key}: no transition ${s.event.type} from ${at}`);
      steps.push(t);
      at = stateValueToString(s.state.value);
    }
    return steps;
  };

  // Shortest way in: from the initial step to each step (xstate/graph).
  const wayIn = new Map<string, TransitionInfo[]>();
  for (const p of getShortestPaths(shape, { events })) {
    wayIn.set(stateValueToString(p.state.value), toSteps(def.machine.initial, p));
  }
  // Shortest way out: from each step to a final step (xstate/graph, starting there).
  const wayOut = new Map<string, TransitionInfo[]>([...finals].map((f) => [f, []]));
  for (const from of Object.keys(def.machine.states)) {
    if (finals.has(from)) continue;
    const fromState = shape.resolveState({ value: from, context: {} });
    const out = getShortestPaths(shape, { events, fromState })
      .filter((p) => finals.has(stateValueToString(p.state.value)))
      .sort((a, b) => a.steps.length - b.steps.length)[0];
    if (out) wayOut.set(from, toSteps(from, out));
  }

  const candidates: TransitionInfo[][] = transitions
    .filter((t) => wayIn.has(t.from))
    .map((t) => [...(wayIn.get(t.from) as TransitionInfo[]), t, ...(wayOut.get(t.to) ?? [])]);
  if (candidates.length === 0) candidates.push([]);

  // Greedy cover, longest first: keep a path only if it takes a transition no kept path takes.
  candidates.sort((a, b) => b.length - a.length);
  const covered = new Set<string>();
  const kept: TransitionInfo[][] = [];
  for (const steps of candidates) {
    if (kept.length > 0 && steps.every((t) => covered.has(edgeId(t)))) continue;
    steps.forEach((t) => covered.add(edgeId(t)));
    kept.push(steps);
  }

  return kept.map((steps) => {
    const end = steps.length > 0 ? steps[steps.length - 1].to : def.machine.initial;
    return { events: steps.map((t) => t.event), steps, end, final: finals.has(end) };
  });
}
