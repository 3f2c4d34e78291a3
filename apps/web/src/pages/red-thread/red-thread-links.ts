import type { RedThreadGoalView, RedThreadView } from '@rodtrad/contracts';

export interface ThreadLink {
  documentId: string;
  type: string;
  orgUnitName: string;
}

export interface ThreadLinks {
  goals: string[];
  up: ThreadLink[];
  down: ThreadLink[];
}

/** The levels of the thread, top down: nämndmål → strategies → contributions → activities. */
function levels(goal: RedThreadGoalView): ThreadLink[][] {
  const ref = (type: string) => (r: { documentId: string; orgUnitName: string }) => ({
    documentId: r.documentId,
    type,
    orgUnitName: r.orgUnitName,
  });
  return [
    [{ documentId: goal.documentId, type: 'mal-och-budget', orgUnitName: goal.namnd.name }],
    goal.strategier.map(ref('forvaltningsplan')),
    goal.bidrag.map(ref('verksamhetsplan')),
    goal.aktiviteter.map(ref('enhetsplan')),
  ];
}

export function allGoals(thread: RedThreadView): RedThreadGoalView[] {
  return [...thread.strategicAreas.flatMap((a) => a.namndmal), ...thread.otherGoals];
}

/**
 * Where a document sits on the red thread: the documents above it (what it contributes to) and
 * below it (what builds on it), over every nämndmål it takes part in, each document once.
 */
export function redThreadLinks(thread: RedThreadView, documentId: string): ThreadLinks {
  const up = new Map<string, ThreadLink>();
  const down = new Map<string, ThreadLink>();
  const goals: string[] = [];
  for (const goal of allGoals(thread)) {
    const lv = levels(goal);
    const mine = lv.findIndex((refs) => refs.some((r) => r.documentId === documentId));
    if (mine < 0) continue;
    goals.push(goal.titel);
    lv.forEach((refs, index) => {
      if (index === mine) return;
      for (const r of refs) {
        if (r.documentId === documentId || !r.documentId) continue;
        (index < mine ? up : down).set(r.documentId, r);
      }
    });
  }
  for (const id of up.keys()) down.delete(id);
  return { goals: [...new Set(goals)], up: [...up.values()], down: [...down.values()] };
}
