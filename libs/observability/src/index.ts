/**
 * Metrics and traces of the server processes (#21; docs/operations.md, "Watching it run").
 *
 * - `metrics`: the Prometheus metrics (prom-client) every server process registers, in one registry.
 * - `serveMetrics(port)`: `/metrics` on a port of its own, never the public API port.
 * - `observeDbPool`, `observeQueues`: gauges read at each scrape.
 * - `startTracing(service)`: OpenTelemetry's Node SDK when the OTEL_* variables ask for it, else nothing.
 * - `inSpan`, `currentTraceparent`: spans of our own, and the W3C traceparent that carries a trace
 *   through the outbox and the queues.
 */
export * from './metrics';
export * from './metrics-server';
export * from './pool-and-queues';
export * from './tracing';
