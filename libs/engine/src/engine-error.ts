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
