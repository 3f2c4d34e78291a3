import { tracing } from './instrument';
import { ConfigError, loadConfig } from '@rodtrad/config';
import { serveMetrics } from '@rodtrad/observability';
import { ServiceUnavailableAtStartError } from '@rodtrad/persistence';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const worker = await createWorkerApp(config);
  console.log(
    `Rödtråd worker running (queue prefix "${worker.namespace.prefix}", concurrency ${config.workerConcurrency})`,
  );
  // Prometheus' /metrics (queue depth, job latency, deadline lateness, mail) on a port of its own:
  // METRICS_PORT, which `npm start` sets to the API's + 1 for the worker beside it (#21).
  const metrics = config.metricsPort ? await serveMetrics(config.metricsPort) : null;
  if (metrics) console.log(`Rödtråd worker metrics on port ${metrics.port} (/metrics)`);
  if (tracing) console.log('Rödtråd worker sends traces (OpenTelemetry, OTLP over HTTP)');
  const stop = async () => {
    await worker.close();
    await metrics?.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof ServiceUnavailableAtStartError)
    console.error(`\nRödtråd worker cannot start.\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
