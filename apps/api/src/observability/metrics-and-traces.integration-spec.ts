import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createDocumentEngine, SYSTEM_ACTOR } from '@rodtrad/engine';
import { openDatabase, OutboxRepository } from '@rodtrad/persistence';
import { draftDeadlineEffect, eventually, freePort, isolatedStack, LocalSmtpServer } from '@rodtrad/testing';
import type { DataSource } from 'typeorm';
import { OtlpReceiver, type ReceivedSpan } from './testing/otlp-receiver';
import { parsePrometheusText, samples, total, type Family } from './testing/prometheus-text';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * main.ts of the API or the worker as a process of its own, from the sources (as the benchmarks
 * run them): the entry point that starts tracing first and serves /metrics on METRICS_PORT.
 */
function start(
  main: string,
  env: Record<string, string>,
  ready: string,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['-r', './tools/scripts/register-ts.cjs', main], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes(ready)) resolve({ child, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code}:\n${out}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

// The API and the worker as separate processes with METRICS_PORT and the OTEL_* variables set,
// a real SMTP server, and an OTLP receiver in this process standing in for the collector.
describe('metrics and traces of the API and the worker (#21)', () => {
  const smtp = new LocalSmtpServer();
  const receiver = new OtlpReceiver();
  let api: Awaited<ReturnType<typeof start>> | undefined;
  let worker: Awaited<ReturnType<typeof start>> | undefined;
  let ds: DataSource;
  const ports = { api: 0, apiMetrics: 0, workerMetrics: 0 };
  const apiUrl = () => `http://127.0.0.1:${ports.api}`;
  const scrape = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  };
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(apiUrl() + path, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: res.status, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
      body: (await res.json().catch(() => null)) as Record<string, any>,
    };
  };

  beforeAll(async () => {
    await smtp.start();
    await receiver.start();
    const stack = await isolatedStack('observability');
    ds = await openDatabase({ databaseUrl: stack['DATABASE_URL'], migrate: false, poolSize: 2 });
    ports.api = await freePort();
    ports.apiMetrics = await freePort();
    ports.workerMetrics = await freePort();
    const env = {
      ...stack,
      SMTP_URL: smtp.url,
      PUBLIC_URL: `http://127.0.0.1:${ports.api}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Export each batch at once rather than every five seconds.
      OTEL_BSP_SCHEDULE_DELAY: '50',
      OTEL_SERVICE_NAME: '',
    };
    [api, worker] = await Promise.all([
      start(
        'apps/api/src/main.ts',
        { ...env, PORT: String(ports.api), METRICS_PORT: String(ports.apiMetrics), LOG_LEVEL: 'info' },
        'Rödtråd API sends traces',
      ),
      start(
        'apps/worker/src/main.ts',
        { ...env, METRICS_PORT: String(ports.workerMetrics) },
        'Rödtråd worker sends traces',
      ),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stop(api?.child), stop(worker?.child)]);
    await ds?.destroy();
    await receiver.stop();
    await smtp.stop();
  });

  it('serves /metrics on METRICS_PORT in Prometheus text format, and not on the public port', async () => {
    const families = await scrape(ports.apiMetrics);
    const types = Object.fromEntries(families.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      rodtrad_http_requests: 'counter',
      rodtrad_http_request_duration_seconds: 'histogram',
      rodtrad_transitions: 'counter',
      rodtrad_db_pool_connections: 'gauge',
      process_cpu_seconds: 'counter',
      nodejs_eventloop_lag_seconds: 'gauge',
    });
    // The API's pool, read at the scrape.
    expect(total(families, 'rodtrad_db_pool_connections', { pool: 'api', state: 'max' })).toBeGreaterThan(0);
    // As Prometheus asks for it: the public port has no /metrics.
    const res = await fetch(`${apiUrl()}/metrics`, { headers: { accept: 'text/plain;version=0.0.4' } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('rodtrad_');
    // And the metrics port has nothing but /metrics.
    expect((await fetch(`http://127.0.0.1:${ports.apiMetrics}/api/health`)).status).toBe(404);
  });

  it('counts a transition over HTTP, and its trace runs from the request through the outbox to the worker and the mail', async () => {
    const before = await scrape(ports.apiMetrics);
    const transitionsBefore = total(before, 'rodtrad_transitions_total', {
      document_type: 'enhetsplan',
      outcome: 'ok',
    });
    const eventsRoute = { route: '/api/documents/:id/events', method: 'POST', status: '200' };
    const requestsBefore = total(before, 'rodtrad_http_requests_total', eventsRoute);

    const login = await call('POST', '/api/auth/login', { username: 'fagelsangen.chef', password: 'demo' });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const [{ id: unitId }] = await ds.query("SELECT id FROM org_unit WHERE seed_key = 'fagelsangen'");
    const created = await call(
      'POST',
      '/api/documents',
      { type: 'enhetsplan', orgUnitId: unitId, year: 2027 },
      token,
    );
    expect(created.status).toBe(201);
    const saved = await call(
      'PUT',
      `/api/documents/${created.body.id}/data`,
      {
        data: {
          aktiviteter: [
            {
              titel: 'Läsfrämjande samlingar',
              namndmalId: 'BIN-1',
              ansvarig: 'Arbetslaget',
              klartDatum: '2027-06-01',
            },
          ],
        },
        expectedVersion: created.body.version,
      },
      token,
    );
    expect(saved.status).toBe(200);
    const submitted = await call(
      'POST',
      `/api/documents/${created.body.id}/events`,
      { type: 'SUBMIT', expectedVersion: saved.body.version },
      token,
    );
    expect(submitted.status).toBe(200);
    // A refused event is counted by its outcome.
    const stale = await call(
      'POST',
      `/api/documents/${created.body.id}/events`,
      { type: 'SUBMIT', expectedVersion: saved.body.version },
      token,
    );
    expect(stale.status).toBe(409);

    const after = await scrape(ports.apiMetrics);
    expect(total(after, 'rodtrad_transitions_total', { document_type: 'enhetsplan', outcome: 'ok' })).toBe(
      transitionsBefore + 1,
    );
    expect(
      total(after, 'rodtrad_transitions_total', { document_type: 'enhetsplan', outcome: 'stale-version' }),
    ).toBeGreaterThanOrEqual(1);
    expect(total(after, 'rodtrad_http_requests_total', eventsRoute)).toBe(requestsBefore + 1);
    expect(total(after, 'rodtrad_http_request_duration_seconds_count', eventsRoute)).toBeGreaterThanOrEqual(
      requestsBefore + 1,
    );
    // Route templates only: no document id in any label.
    expect(JSON.stringify(after)).not.toContain(created.body.id);

    // The outbox row carries the transition's trace context.
    const [row] = await ds.query(
      "SELECT trace_parent AS traceParent FROM outbox WHERE document_id = ? AND effect_type = 'requestApproval'",
      [created.body.id],
    );
    expect(row.traceParent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const traceId = String(row.traceParent).split('-')[1];

    // The approval mail reaches the områdeschef…
    await smtp.waitFor((all) => all.some((m) => m.to.includes('forskola.chef@hallsberg.example')), 30_000);
    // …and every step of the way is one trace at the collector.
    const inTrace = (pred: (s: ReceivedSpan) => boolean) =>
      receiver.spans.find((s) => s.traceId === traceId && pred(s));
    await eventually(
      async () => inTrace((s) => s.name === 'mail send'),
      30_000,
      'the mail span at the receiver',
    );
    const request = inTrace((s) => s.service === 'rodtrad-api' && s.kind === 2 && s.parentSpanId === '');
    const transition = inTrace((s) => s.service === 'rodtrad-api' && s.name === 'document.transition');
    const effect = inTrace((s) => s.service === 'rodtrad-worker' && s.name === 'effect requestApproval');
    const mail = inTrace((s) => s.service === 'rodtrad-worker' && s.name === 'mail send');
    for (const span of [request, transition, effect, mail]) expect(span).toEqual(expect.any(Object));
    // The HTTP instrumentation's server span of POST …/events (old or stable semantic conventions).
    const attr = (a: string, b: string) => request?.attributes[a] ?? request?.attributes[b];
    expect(attr('http.request.method', 'http.method')).toBe('POST');
    expect(String(attr('url.path', 'http.target'))).toBe(`/api/documents/${created.body.id}/events`);
    expect(transition?.parentSpanId).toBe(request?.spanId);
    expect(effect?.parentSpanId).toBe(transition?.spanId);
    expect(mail?.parentSpanId).toBe(effect?.spanId);

    // The API's log line of that request carries the trace id (the correlation id of #21).
    const lines = (api?.output() ?? '')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { trace_id?: string; req?: { url?: string; method?: string } });
    expect(
      lines.some((l) => l.trace_id === traceId && l.req?.method === 'POST' && l.req.url?.endsWith('/events')),
    ).toBe(true);
  }, 90_000);

  it('measures how late a deadline fired: one due two minutes ago fires at least two minutes late', async () => {
    const lateness = async () => {
      const f = await scrape(ports.workerMetrics);
      return {
        count: total(f, 'rodtrad_deadline_lateness_seconds_count'),
        sum: total(f, 'rodtrad_deadline_lateness_seconds_sum'),
      };
    };
    const before = await lateness();
    const [unit] = await ds.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    // Only this deadline: not the year wheel's own for the step.
    const doc = await createDocumentEngine(ds, { dueAt: async () => null }).create({
      type: 'enhetsplan',
      orgUnitId: unit.id,
      year: 2027,
      actor: SYSTEM_ACTOR,
    });
    const dueAt = new Date(Date.now() - 120_000);
    await new OutboxRepository(ds).add(
      [draftDeadlineEffect(doc.id, dueAt, `metrics__${doc.id}`)],
      ds.manager,
    );
    const after = (await eventually(
      async () => {
        const now = await lateness();
        return now.count > before.count ? now : null;
      },
      30_000,
      'a fired deadline in rodtrad_deadline_lateness_seconds',
    )) as typeof before;
    expect(after.count).toBe(before.count + 1);
    // At least the two minutes since it was due (how much more depends on the machine's load).
    expect(after.sum - before.sum).toBeGreaterThanOrEqual(119);
  });

  it("the worker's /metrics serves queue depth per queue, job latency, and mails sent", async () => {
    const families = (await eventually<Family[] | null>(
      async () => {
        const f = await scrape(ports.workerMetrics);
        return total(f, 'rodtrad_mails_total', { outcome: 'sent' }) >= 1 ? f : null;
      },
      30_000,
      'a mail counted as sent',
    )) as Family[];
    for (const queue of ['effects', 'mail', 'deadlines', 'maintenance'])
      expect(
        samples(families, 'rodtrad_queue_jobs', { queue })
          .map((s) => s.labels['state'])
          .sort(),
      ).toEqual(['active', 'delayed', 'failed', 'prioritized', 'waiting']);
    expect(
      total(families, 'rodtrad_job_duration_seconds_count', { queue: 'effects', outcome: 'completed' }),
    ).toBeGreaterThan(0);
    expect(total(families, 'rodtrad_job_wait_seconds_count', { queue: 'mail' })).toBeGreaterThan(0);
    expect(total(families, 'rodtrad_db_pool_connections', { pool: 'worker', state: 'max' })).toBeGreaterThan(
      0,
    );
  });
});
