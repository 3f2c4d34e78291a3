/**
 * What a deadline does when its moment comes: the rule, apart from how it is stored or sent.
 *
 * - A step that was left (or a document that is done) gets nothing: the deadline is spent.
 * - A reminder whose due moment has already passed is dropped: the overdue notice says more.
 * - A reminder goes to everyone responsible for the step (gathered into their daily digest).
 * - The due moment tells everyone responsible, and the next level up those of its leaders who
 *   were not already told as responsible; the definition's `onDue` event goes to the machine.
 */
export interface FiringDeadline {
  kind: 'due' | 'reminder';
  state: string;
  dueAt: Date;
  onDue: string | null;
}

export interface FiringDocument {
  state: string;
  final: boolean;
}

export interface Person {
  userId: string;
}

export type FiringPlan<P extends Person> =
  | { action: 'skip'; reason: 'step already left' | 'due moment passed' }
  | { action: 'remind'; recipients: P[] }
  | { action: 'overdue'; responsible: P[]; escalated: P[]; sendEvent: string | null };

export function planFiring<P extends Person>(input: {
  deadline: FiringDeadline;
  /** The document as it is now; null when it no longer exists. */
  document: FiringDocument | null;
  /** Everyone responsible for the step (role holders and approvers it waits for). */
  responsible: readonly P[];
  /** Leaders of the next level up; empty when the deadline does not escalate. */
  nextLevelUp: readonly P[];
  now: Date;
}): FiringPlan<P> {
  const { deadline, document, now } = input;
  if (!document || document.final || document.state !== deadline.state)
    return { action: 'skip', reason: 'step already left' };
  const responsible = uniqueByUser(input.responsible);
  if (deadline.kind === 'reminder') {
    if (deadline.dueAt.getTime() <= now.getTime()) return { action: 'skip', reason: 'due moment passed' };
    return { action: 'remind', recipients: responsible };
  }
  const told = new Set(responsible.map((p) => p.userId));
  return {
    action: 'overdue',
    responsible,
    escalated: uniqueByUser(input.nextLevelUp).filter((p) => !told.has(p.userId)),
    sendEvent: deadline.onDue,
  };
}

function uniqueByUser<P extends Person>(list: readonly P[]): P[] {
  return [...new Map(list.map((p) => [p.userId, p])).values()];
}
