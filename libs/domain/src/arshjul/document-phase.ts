/**
 * Where a planned document stands, the same words for every document type (the registrar's filter
 * across types; a workflow's own step names differ from type to type). Lateness is not a phase: a
 * document of any phase but `decided` can be late, so the matrix filters on it separately.
 */
export type DocumentPhase = (typeof DOCUMENT_PHASES)[number];

export const DOCUMENT_PHASES = ['not_started', 'in_progress', 'submitted', 'decided'] as const;

export const DOCUMENT_PHASE_LABELS: Readonly<Record<DocumentPhase, string>> = {
  not_started: 'Ej påbörjad',
  in_progress: 'Pågår',
  submitted: 'Inlämnad, väntar på beslut',
  decided: 'Beslutad',
};

export interface PhaseFacts {
  /** False for a planned slot whose document has not been created (the year is not opened). */
  exists: boolean;
  /** The document's row version: 1 when created and never saved or moved since. */
  version: number;
  /** In a final state of its workflow (adopted, registered, noted). */
  final: boolean;
  /** When it was last sent on for review or decision; kept after a return. */
  submittedAt: Date | string | null;
  /** In its workflow's initial state: a draft, including one returned for changes. */
  inInitialState: boolean;
}

/**
 * - `not_started`: no document yet, or one nobody has saved or sent since it was created;
 * - `decided`: its workflow has ended (antagen, fastställd, registrerad, noterad);
 * - `submitted`: sent on and not back in the author's hands (under review or awaiting decision);
 * - `in_progress`: everything else: a draft being written, or one returned for changes.
 */
export function documentPhase(facts: PhaseFacts): DocumentPhase {
  if (!facts.exists) return 'not_started';
  if (facts.final) return 'decided';
  if (facts.submittedAt !== null && !facts.inInitialState) return 'submitted';
  if (facts.version <= 1 && facts.inInitialState) return 'not_started';
  return 'in_progress';
}

export function isDocumentPhase(value: unknown): value is DocumentPhase {
  return typeof value === 'string' && (DOCUMENT_PHASES as readonly string[]).includes(value);
}
