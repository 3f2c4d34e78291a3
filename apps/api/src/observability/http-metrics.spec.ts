import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { metricsRegistry } from '@rodtrad/observability';
import { httpMetrics } from './http-metrics';

/** A request as Express leaves it after routing, and its response, finished with `status`. */
function answer(req: Partial<Request>, status: number): void {
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  let called = false;
  const next: NextFunction = () => void (called = true);
  httpMetrics()({ method: 'GET', baseUrl: '', ...req } as Request, res, next);
  expect(called).toBe(true);
  res.emit('finish');
}

async function requests(): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const m = (await metricsRegistry.getMetricsAsJSON()).find((x) => x.name === 'rodtrad_http_requests_total');
  return (m?.values ?? []).map((v) => ({
    labels: v.labels as Record<string, string | number>,
    value: v.value,
  }));
}

describe('httpMetrics labels requests by route template, never by URL', () => {
  beforeEach(() => metricsRegistry.resetMetrics());

  it('uses the route Nest registered, with the ids left out', async () => {
    answer(
      { method: 'POST', url: '/api/documents/4b1f/events', route: { path: '/api/documents/:id/events' } },
      200,
    );
    answer(
      { method: 'POST', url: '/api/documents/9c2e/events', route: { path: '/api/documents/:id/events' } },
      409,
    );
    expect(await requests()).toEqual([
      { labels: { method: 'POST', route: '/api/documents/:id/events', status: '200' }, value: 1 },
      { labels: { method: 'POST', route: '/api/documents/:id/events', status: '409' }, value: 1 },
    ]);
  });

  it('names a request no route took: unmatched for a 404, other for the web app and the queue dashboard', async () => {
    answer({ url: '/api/approve/SECRET-TOKEN-abc' }, 404);
    answer({ url: '/assets/index-3f2a.js' }, 200);
    const rows = await requests();
    expect(rows.map((r) => r.labels['route']).sort()).toEqual(['other', 'unmatched']);
    expect(JSON.stringify(rows)).not.toContain('SECRET');
  });

  it('times each request in the histogram with the same labels', async () => {
    answer({ url: '/api/health', route: { path: '/api/health' } }, 200);
    const m = (await metricsRegistry.getMetricsAsJSON()).find(
      (x) => x.name === 'rodtrad_http_request_duration_seconds',
    );
    const count = m?.values.find(
      (v) => (v as { metricName?: string }).metricName === 'rodtrad_http_request_duration_seconds_count',
    );
    expect(count).toMatchObject({ labels: { method: 'GET', route: '/api/health', status: '200' }, value: 1 });
  });
});
