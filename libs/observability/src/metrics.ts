import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The one registry of a process. API and worker register the same metrics; each process serves
 * its own (`serveMetrics`), and Prometheus tells them apart by the scrape target (job, instance).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Seconds: from a millisecond to a minute, the span of an HTTP request or a job. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Seconds late: on time (under a second) to a day (a worker that was down overnight). */
const LATENESS_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 21600, 86400];

export const metrics = {
  httpRequests: new Counter({
    name: 'rodtrad_http_requests_total',
    help: 'HTTP requests answered by the API, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [metricsRegistry],
  }),
  httpDuration: new Histogram({
    name: 'rodtrad_http_request_duration_seconds',
    help: 'Time from a request’s arrival to the end of its response, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  transitions: new Counter({
    name: 'rodtrad_transitions_total',
    help: 'Workflow events sent to documents, by document type and outcome (ok, or the engine’s refusal: stale-version, guard-refused, …)',
    labelNames: ['document_type', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  transitionDuration: new Histogram({
    name: 'rodtrad_transition_duration_seconds',
    help: 'Time the engine took for a workflow event (read, step, one transaction), by document type',
    labelNames: ['document_type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  jobWait: new Histogram({
    name: 'rodtrad_job_wait_seconds',
    help: 'Time a job waited in its queue, from when it was due (added, or its delay over) to its start, by queue',
    labelNames: ['queue'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  jobDuration: new Histogram({
    name: 'rodtrad_job_duration_seconds',
    help: 'Time a job ran, by queue, job name and outcome (completed, failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  deadlineLateness: new Histogram({
    name: 'rodtrad_deadline_lateness_seconds',
    help: 'How long after its due moment a deadline fired (the worker’s fire time minus the due time)',
    buckets: LATENESS_BUCKETS,
    registers: [metricsRegistry],
  }),
  mails: new Counter({
    name: 'rodtrad_mails_total',
    help: 'Mail sending attempts by outcome: sent, failed (retried later), given_up (failed for good)',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
};

/** Every metric name the processes register (for the dashboard's check). */
export async function registeredMetricNames(): Promise<string[]> {
  return (await metricsRegistry.getMetricsAsJSON()).map((m) => m.name);
}

/** Seconds since `startNs` (a `process.hrtime.bigint()`), for the histograms. */
export function secondsSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}
