import { context, propagation, trace } from '@opentelemetry/api';
import { node, tracing as sdk } from '@opentelemetry/sdk-node';
import { currentTraceparent, inSpan, traceIds, tracesEnabled } from './tracing';

describe('tracesEnabled: off by default, on by the standard OTEL_* variables', () => {
  it.each([
    [{}, false],
    [{ OTEL_SERVICE_NAME: 'rodtrad-api' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
  ])('%j → %s', (env, on) => expect(tracesEnabled(env)).toBe(on));
});

describe('without tracing', () => {
  it('runs the work in a no-op span, carries no traceparent and adds no ids to logs', async () => {
    await expect(
      inSpan('work', {}, async () => ({ parent: currentTraceparent(), ids: traceIds() })),
    ).resolves.toEqual({ parent: null, ids: {} });
  });

  it('rethrows what the work throws', async () => {
    await expect(
      inSpan('work', {}, async () => {
        throw new Error('nej');
      }),
    ).rejects.toThrow('nej');
  });
});

describe('with a tracer provider, W3C propagation and async context', () => {
  const exporter = new sdk.InMemorySpanExporter();
  beforeAll(() =>
    // Registers the async-local-storage context and W3C trace context, as the Node SDK does.
    new node.NodeTracerProvider({ spanProcessors: [new sdk.SimpleSpanProcessor(exporter)] }).register(),
  );
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('continues a trace from a stored traceparent, as the worker does with an outbox row', async () => {
    const stored = await inSpan('transition', { 'rodtrad.document_type': 'enhetsplan' }, async () => {
      expect(traceIds().trace_id).toMatch(/^[0-9a-f]{32}$/);
      return currentTraceparent();
    });
    expect(stored).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    // Later, in another process: no active span, only the stored text.
    await context.with(context.active(), () =>
      inSpan('effect notify', {}, async () => undefined, { parent: stored }),
    );
    await expect(
      inSpan('effect failing', {}, async () => Promise.reject(new Error('SMTP nere')), { parent: stored }),
    ).rejects.toThrow('SMTP nere');
    const [transition, effect, failing] = exporter.getFinishedSpans();
    expect(transition.name).toBe('transition');
    expect(effect.spanContext().traceId).toBe(transition.spanContext().traceId);
    expect(effect.parentSpanContext?.spanId).toBe(transition.spanContext().spanId);
    expect(failing.status).toEqual({ code: 2, message: 'SMTP nere' });
  });
});
