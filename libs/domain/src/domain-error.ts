/**
 * A broken domain rule. The `code` is stable and machine-readable so the API edge can map it to
 * an HTTP problem type without parsing messages; the message is for developers, not end users.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown, code?: string): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
