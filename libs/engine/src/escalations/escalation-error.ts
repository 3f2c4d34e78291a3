export type EscalationErrorCode = 'not-found' | 'not-open' | 'already-decided';

/** Why an escalation use case refused; the API maps codes to 404 and 409. */
export class EscalationError extends Error {
  constructor(
    readonly code: EscalationErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'EscalationError';
  }
}
