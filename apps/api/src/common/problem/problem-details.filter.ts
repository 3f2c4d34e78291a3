import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiProblem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDetails } from './problem';

const STATUS_TITLES: Record<number, string> = {
  400: 'Felaktig begäran',
  401: 'Inte inloggad',
  403: 'Saknar behörighet',
  404: 'Hittades inte',
  405: 'Metoden stöds inte',
  409: 'Konflikt',
  410: 'Inte längre giltig',
  413: 'För stor begäran',
  415: 'Fel innehållstyp',
  422: 'Ogiltiga uppgifter',
  429: 'För många försök',
};

const logger = new Logger('Problem');

/** The one place where errors become HTTP: RFC 9457 problem+json, never internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    writeProblem(exception, host);
  }
}

/** Writes the problem document of an exception; the per-family filters end here too. */
export function writeProblem(exception: unknown, host: ArgumentsHost): void {
  const ctx = host.switchToHttp();
  const res = ctx.getResponse<Response>();
  const req = ctx.getRequest<Request>();
  const problem = toProblem(exception, req);
  if (problem.status >= 500) {
    logger.error({ err: exception, correlationId: problem.correlationId }, 'Unhandled error');
  }
  if (res.headersSent) return;
  if (problem.status === 429 && typeof problem['retryAfter'] === 'number')
    res.setHeader('Retry-After', String(problem['retryAfter']));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function toProblem(exception: unknown, req?: Request): ProblemDetails {
  const instance = req?.originalUrl?.split('?')[0]?.replace(/\/approvals\/[^/]+/, '/approvals/…');
  if (exception instanceof ApiProblem) return exception.toProblem(instance);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) {
      const body = exception.getResponse();
      const detail =
        typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      const code = status === 404 ? 'not-found' : `http-${status}`;
      return {
        type: PROBLEM_TYPE_BASE + code,
        title: STATUS_TITLES[status] ?? 'Fel',
        status,
        detail:
          status === 404
            ? 'Sidan eller resursen finns inte.'
            : Array.isArray(detail)
              ? detail.join('; ')
              : String(detail),
        instance,
        code,
      };
    }
  }
  const correlationId = randomUUID();
  return {
    type: PROBLEM_TYPE_BASE + 'internal-error',
    title: 'Ett oväntat fel inträffade',
    status: 500,
    detail: `Något gick fel hos oss. Ange felkod ${correlationId} om du kontaktar support.`,
    instance,
    code: 'internal-error',
    correlationId,
  };
}
