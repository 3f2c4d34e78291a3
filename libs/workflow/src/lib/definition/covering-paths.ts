// Event sequences that together visit every step and take every transition: the plan a test
// follows through the real engine. A BFS over listTransitions rather than xstate/graph, because
// xstate/graph would evaluate guards against data it cannot invent.
import type { WorkflowDefinition } from '../workflow.types';
import { finalStates, listTransitions, type TransitionInfo } from './definition-graph';

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

const edgeId = (t: TransitionInfo) => `${t.from}\u0000${t.event}\u0000${t.candidate}`;

export function pathsCoveringAllTransitions(def: WorkflowDefinition): WorkflowPath[] {
  const initial = def.machine.initial;
  const transitions = listTransitions(def);
  const finals = new Set(finalStates(def));

  // Shortest way in: from the initial step to each step.
  const wayIn = new Map<string, TransitionInfo[]>([[initial, []]]);
  const queue = [initial];
  while (queue.length > 0) {
    const s = queue.shift() as string;
    for (const t of transitions) {
      if (t.from !== s || t.targetless || wayIn.has(t.to)) continue;
      wayIn.set(t.to, [...(wayIn.get(s) as TransitionInfo[]), t]);
      queue.push(t.to);
    }
  }

  // Shortest way out: from each step to a final step.
  const wayOut = new Map<string, TransitionInfo[]>([...finals].map((f) => [f, []]));
  const back = [...finals];
  while (back.length > 0) {
    const s = back.shift() as string;
    for (const t of transitions) {
      if (t.to !== s || t.targetless || wayOut.has(t.from)) continue;
      wayOut.set(t.from, [t, ...(wayOut.get(s) as TransitionInfo[])]);
      back.push(t.from);
    }
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
    const end = steps.length > 0 ? steps[steps.length - 1].to : initial;
    return { events: steps.map((t) => t.event), steps, end, final: finals.has(end) };
  });
}
