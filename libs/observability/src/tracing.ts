import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';

type Env = Record<string, string | undefined>;
const set = (v: string | undefined) => v !== undefined && v.trim() !== '';

/**
 * Whether this process sends traces. Off by default: on when OTEL_EXPORTER_OTLP_ENDPOINT (or the
 * traces-only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set or OTEL_TRACES_EXPORTER=otlp;
 * OTEL_TRACES_EXPORTER=none or OTEL_SDK_DISABLED=true turn it off whatever else is set.
 */
export function tracesEnabled(env: Env = process.env): boolean {
  if ((env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase() === 'true') return false;
  const exporter = (env['OTEL_TRACES_EXPORTER'] ?? '').trim();
  if (exporter === 'none') return false;
  if (exporter === 'otlp') return true;
  return set(env['OTEL_EXPORTER_OTLP_ENDPOINT']) || set(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Paths whose requests make no span: probes and scrapes come every few seconds and say nothing. */
const UNTRACED_PATHS = new Set(['/api/health', '/api/health/live', '/metrics']);

/**
 * Starts OpenTelemetry's Node SDK when `tracesEnabled`: spans of incoming HTTP requests (and of
 * outgoing ones inside a trace), W3C trace context, and the OTLP/HTTP exporter (JSON), configured
 * by the standard OTEL_* variables only. `service` is the name when OTEL_SERVICE_NAME is unset.
 * Call it before anything loads `http` (first in main.ts). Without tracing, nothing of the SDK is
 * even loaded: the spans of `inSpan` are the API's no-op spans.
 */
export function startTracing(service: string, env: Env = process.env): Tracing | null {
  if (!tracesEnabled(env)) return null;
  // Loaded only when traces are on: without them, nothing of the SDK costs start-up time or memory.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const sdk = new NodeSDK({
    serviceName: set(env['OTEL_SERVICE_NAME']) ? undefined : service,
    traceExporter: new OTLPTraceExporter(),
    // Traces only: the metrics are prom-client's (/metrics), the logs pino's.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        requireParentforOutgoingSpans: true,
      }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

const tracer = () => trace.getTracer('rodtrad');

/**
 * Whether a tracer provider is registered (startTracing, or a test's own). Without one, every span
 * would be a no-op: `inSpan` then runs its work directly, so a process without tracing pays
 * nothing per transition (the API's proxy provider answers with its delegate, the no-op one).
 */
function tracing(): boolean {
  const provider = trace.getTracerProvider() as { getDelegate?: () => object };
  return provider.getDelegate?.().constructor.name !== 'NoopTracerProvider';
}

/**
 * Runs `fn` in a span named `name`: a child of the active span, or of `parent` (a W3C traceparent
 * carried by an outbox row or a job) when given. An error ends the span as failed and is rethrown.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
  opts: { parent?: string | null; kind?: SpanKind } = {},
): Promise<T> {
  if (!tracing()) return fn();
  const parentContext = opts.parent
    ? propagation.extract(ROOT_CONTEXT, { traceparent: opts.parent })
    : context.active();
  return tracer().startActiveSpan(
    name,
    { attributes, kind: opts.kind ?? SpanKind.INTERNAL },
    parentContext,
    async (span) => {
      try {
        return await fn();
      } catch (e) {
        span.recordException(e as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}

/** The active span's W3C traceparent (to store beside work done later), or null without tracing. */
export function currentTraceparent(): string | null {
  if (!tracing()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/** The active span's trace and span id, for log lines (empty without a recording span). */
export function traceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

export { SpanKind };
