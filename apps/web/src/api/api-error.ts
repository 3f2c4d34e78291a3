import type { FieldProblemView, ProblemDetailsView } from '@rodtrad/contracts';
import { t } from '../i18n/t';

/**
 * The API's problem details (RFC 9457), every member optional: a failure that never reached the
 * API (status 0) or a proxy's error page carries none of them.
 */
export type ProblemDetails = Partial<ProblemDetailsView>;

/** Every failed request becomes one of these: status 0 means the server was not reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly fieldErrors: FieldProblemView[];
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    const title = problem.title || fallbackTitle(status);
    super(problem.detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type || 'about:blank';
    this.title = title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.problem = problem;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isGone(): boolean {
    return this.status === 410;
  }

  /** What to tell the user: the server's detail when it wrote one, else a Swedish text for the status. */
  get userMessage(): string {
    if (this.status === 0 || this.status >= 500) return fallbackTitle(this.status);
    return this.detail || this.title;
  }

  /**
   * A correlation id the server adds to 500s, to quote to support. Never the problem's
   * `instance`: that is the API path, which says nothing to the reader (#18).
   */
  get reference(): string | undefined {
    const id = this.problem['correlationId'] ?? this.problem['errorId'];
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
}

function fallbackTitle(status: number): string {
  if (status === 0) return t('error.network');
  if (status === 401) return t('error.unauthorized');
  if (status === 403) return t('error.forbidden');
  if (status === 404) return t('error.notFound');
  if (status === 409) return t('error.conflict');
  if (status >= 500) return t('error.server');
  return t('error.unknown');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldProblemView[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: FieldProblemView[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const pointer = typeof item['pointer'] === 'string' ? item['pointer'] : '';
    const message =
      typeof item['message'] === 'string'
        ? item['message']
        : typeof item['detail'] === 'string'
          ? item['detail']
          : '';
    if (message) errors.push({ pointer, message });
  }
  return errors;
}

/**
 * Turns a failed response body into an ApiError. Pure, so it is unit tested: accepts
 * RFC 9457 problem+json, tolerates plain JSON and text bodies from proxies.
 */
export function parseProblem(status: number, body: unknown): ApiError {
  if (isRecord(body)) {
    const problem: ProblemDetails = { ...body };
    problem.type = typeof body['type'] === 'string' ? body['type'] : undefined;
    problem.title = typeof body['title'] === 'string' ? body['title'] : undefined;
    problem.detail = typeof body['detail'] === 'string' ? body['detail'] : undefined;
    problem.status = typeof body['status'] === 'number' ? body['status'] : status;
    problem.errors = parseFieldErrors(body['errors']);
    return new ApiError(status, problem);
  }
  return new ApiError(status, { status });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { detail: error instanceof Error ? error.message : undefined });
}
