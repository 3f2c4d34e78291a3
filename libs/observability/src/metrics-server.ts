import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from './metrics';

export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one picked for 0 in tests). */
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` in Prometheus' text format on a port of its own (METRICS_PORT), so the public
 * port never shows it; anything else is a 404. Binds every interface: Prometheus scrapes the pod
 * or container from outside. A port that is taken is reported and skipped: metrics are not worth
 * stopping the API or the worker for.
 */
export async function serveMetrics(
  port: number,
  opts: { host?: string; log?: (line: string) => void } = {},
): Promise<MetricsServer | null> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metricsRegistry.contentType });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (e: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${e.message}\n`),
    );
  });
  server.keepAliveTimeout = 65_000;
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      (opts.log ?? console.error)(
        `Metrics: cannot listen on port ${port} (${e.code ?? e.message}); this process serves no /metrics.`,
      );
      resolve(false);
    });
    server.listen(port, opts.host ?? '0.0.0.0', () => resolve(true));
  });
  if (!listening) return null;
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
