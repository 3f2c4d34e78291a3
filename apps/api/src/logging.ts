import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '@rodtrad/config';
import { traceIds } from '@rodtrad/observability';

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
      // With traces on, each request's lines carry its trace_id and span_id (#21): a log line
      // leads to its trace, across the outbox to the worker and the mail.
      customProps: () => ({ app: 'api', ...traceIds() }),
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/live' },
      ...(config.nodeEnv === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
        : {}),
    },
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
