import { stateMeta, type WorkflowDefinition } from '@rodtrad/workflow';

/** The latest state change of a document, as the audit trail holds it. */
export interface LastTransition {
  at: Date | string;
  actorUserId: string | null;
  actorName: string | null;
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
}

/** Who sent the document back to the step it is in now, when, why, and with which of the step's events. */
export interface SentBack {
  by: { id: string; name: string } | null;
  at: string;
  comment: string;
  /** The event's label in the step it came from ("Returnera för ändring", "Återremittera"). */
  label: string;
  /** The title of the step it came back from ("Granskning av områdeschef"). */
  fromStateTitle: string;
}

/**
 * Whether the document's latest state change sent it back to where it is now (#18, the reason
 * where people look): an event of the step it left that asks for a comment (every return,
 * återremiss and request for completion does), leading to the current step. Pure.
 */
export function sentBackOf(
  def: WorkflowDefinition,
  currentState: string,
  last: LastTransition | undefined,
): SentBack | null {
  if (!last?.fromState || last.toState !== currentState || !last.comment?.trim()) return null;
  const from = stateMeta(def, last.fromState);
  const event = from?.events?.[last.event];
  if (!event?.requiresComment) return null;
  return {
    by: last.actorUserId ? { id: last.actorUserId, name: last.actorName ?? '' } : null,
    at: new Date(last.at).toISOString(),
    comment: last.comment.trim(),
    label: event.label,
    fromStateTitle: from?.title ?? last.fromState,
  };
}
