import { tracing } from './instrument';
import { loadConfig } from '@rodtrad/config';
import { serveMetrics } from '@rodtrad/observability';
import { exitWithMessage } from './startup-errors';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app } = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(
    `Rödtråd API listening on ${config.publicUrl} (port ${config.port}); API docs at ${config.publicUrl}/api/docs`,
  );
  // Prometheus' /metrics on a port of its own, never the public one (#21).
  const metrics = config.metricsPort ? await serveMetrics(config.metricsPort) : null;
  if (metrics) console.log(`Rödtråd API metrics on port ${metrics.port} (/metrics)`);
  if (tracing) console.log('Rödtråd API sends traces (OpenTelemetry, OTLP over HTTP)');
  // Spans still buffered go out while Nest closes the app on SIGTERM (enableShutdownHooks).
  const traces = tracing;
  if (traces)
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void traces.shutdown());
}

main().catch((e) => exitWithMessage(e));
