/** RFC 9457 problem details, as every error of the API is written. */
export interface FieldProblem {
  /** RFC 6901 JSON pointer into the request body (or query, prefixed "/query"). */
  pointer: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldProblem[];
  correlationId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://rodtrad.se/problems/';

/**
 * A failure the caller can act on. Domain code throws these with a stable code;
 * the filter turns the code into a status and a problem document.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  static validation(
    errors: FieldProblem[],
    detail = 'Uppgifterna är inte giltiga. Se varje fält.',
  ): ApiProblem {
    return new ApiProblem(422, 'validation-failed', 'Ogiltiga uppgifter', detail, errors);
  }
  static badRequest(detail: string, errors?: FieldProblem[]): ApiProblem {
    return new ApiProblem(400, 'bad-request', 'Felaktig begäran', detail, errors);
  }
  static unauthenticated(detail = 'Du behöver logga in.'): ApiProblem {
    return new ApiProblem(401, 'unauthenticated', 'Inte inloggad', detail);
  }
  static forbidden(detail = 'Du har inte behörighet till detta.'): ApiProblem {
    return new ApiProblem(403, 'forbidden', 'Saknar behörighet', detail);
  }
  static notFound(what: string): ApiProblem {
    return new ApiProblem(404, 'not-found', 'Hittades inte', `${what} finns inte.`);
  }
  static conflict(code: string, detail: string, extensions: Record<string, unknown> = {}): ApiProblem {
    return new ApiProblem(409, code, 'Konflikt', detail, undefined, extensions);
  }
  static tooManyRequests(retryAfterSeconds: number): ApiProblem {
    return new ApiProblem(
      429,
      'rate-limited',
      'För många försök',
      `Vänta ${retryAfterSeconds} sekunder och försök igen.`,
      undefined,
      {
        retryAfter: retryAfterSeconds,
      },
    );
  }

  toProblem(instance?: string): ProblemDetails {
    // Extensions first: a member named like a standard one (status, type…) never overrides it.
    return {
      ...this.extensions,
      type: PROBLEM_TYPE_BASE + this.code,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
