import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import type { AppConfig } from '@rodtrad/config';
import { traceIds, tracesEnabled } from '@rodtrad/observability';

/** Tokens in approval links must never reach a log line. */
export const redactUrl = (url: string | undefined): string =>
  (url ?? '')
    .replace(/\/(approvals?|approve)\/[^/?#]+/g, '/$1/[token]')
    .replace(/([?&](token|t|returnTo|code|state)=)[^&]+/g, '$1[redacted]');

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        // Status only: response headers carry cookies and a long security policy, not news.
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // Every line says which process wrote it; bound once to the root logger rather than to a
      // child made per request.
      base: { pid: process.pid, hostname: hostname(), app: 'api' },
      // With traces on, each request's lines carry its trace_id and span_id (#21): a log line
      // leads to its trace, across the outbox to the worker and the mail. With traces off there
      // is nothing to add, and pino-http makes no second child logger per request.
      ...(tracesEnabled() ? { customProps: () => traceIds() } : {}),
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/live' },
      ...(config.nodeEnv === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
        : {}),
    },
    // LOG_LEVEL=silent writes no line at all: no request logger (a child logger and its bindings
    // serialised for every request, and an AsyncLocalStorage context that every promise then pays for).
    forRoutes: config.logLevel === 'silent' ? [] : [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
