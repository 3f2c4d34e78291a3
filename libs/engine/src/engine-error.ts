import type { FormFieldError } from '@rodtrad/workflow';

export type EngineErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'stale-version'
  | 'unknown-event'
  | 'guard-refused'
  | 'validation-failed'
  | 'slot-taken'
  | 'invalid-request';

/** A refusal of the engine, with a code the API maps to a status and a Swedish message. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly errors?: FormFieldError[],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The document moved on since the caller read it; `current` is its version when known. */
export function staleVersion(current: number | null): EngineError {
  return new EngineError(
    'stale-version',
    'Dokumentet har ändrats av någon annan. Ladda om och försök igen.',
    undefined,
    current === null ? {} : { currentVersion: current },
  );
}
