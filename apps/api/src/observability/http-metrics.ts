import type { NextFunction, Request, Response } from 'express';
import { metrics, secondsSince } from '@rodtrad/observability';

/**
 * Counts and times every request by method, route template and status
 * (rodtrad_http_requests_total, rodtrad_http_request_duration_seconds). The route is the template
 * Nest registered (`/api/documents/:id/events`), never the URL with its ids and tokens: a request
 * no route took is `unmatched` when it was a 404, else `other` (the web app's files, the queue
 * dashboard).
 */
export function httpMetrics() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const status = String(res.statusCode);
      const template = req.route?.path as string | undefined;
      const route = template
        ? `${req.baseUrl ?? ''}${template}`
        : res.statusCode === 404
          ? 'unmatched'
          : 'other';
      const labels = { method: req.method, route, status };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, secondsSince(started));
    });
    next();
  };
}
