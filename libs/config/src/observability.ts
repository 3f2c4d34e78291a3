/**
 * Metrics and traces (#21, docs/operations.md "Watching it run"). Declared here and spread into
 * CONFIG_VARIABLES (config.ts), so they are still declared once. The OTEL_* variables are the
 * OpenTelemetry standard's own: the SDK reads them (and any other OTEL_* variable) from the
 * environment itself; they are declared here so a wrong value stops the process at start-up and
 * so the README, compose.yml and .env.example list them.
 */

import { type ConfigKind, optionalText, variable } from './config-kind';
import { Invalid } from './invalid';

const port: ConfigKind<number> = {
  type: 'whole number 0–65534',
  parse: (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Invalid('must be a whole number', raw);
    const n = Number(raw);
    // 65534: `npm start` gives the worker METRICS_PORT + 1.
    if (n > 65534) throw new Invalid('must be between 0 and 65534', String(n));
    return n;
  },
};

const optionalHttpUrl: ConfigKind<string | null> = {
  type: 'http or https URL, or empty: off',
  parse: (raw) => {
    if (raw.trim() === '') return null;
    let parsed: URL;
    try {
      parsed = new URL(raw.trim());
    } catch {
      throw new Invalid('must be an http(s) URL, e.g. http://otel-collector:4318', raw);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Invalid('must use http:// or https://', `${parsed.protocol}//`);
    return raw.trim();
  },
};

const tracesExporter: ConfigKind<'otlp' | 'none' | null> = {
  type: 'otlp, none, or empty',
  parse: (raw) => {
    const v = raw.trim();
    if (v === '') return null;
    if (v !== 'otlp' && v !== 'none') throw new Invalid('must be otlp or none (or empty)', raw);
    return v;
  },
};

export const OBSERVABILITY_VARIABLES = [
  variable('METRICS_PORT', 'metricsPort', port, {
    default: '9464',
    description:
      'Port of the Prometheus endpoint /metrics, apart from the public PORT (the API and the worker each serve their own; npm start gives the worker METRICS_PORT + 1); 0: none',
  }),
  variable('OTEL_EXPORTER_OTLP_ENDPOINT', 'otelExporterOtlpEndpoint', optionalHttpUrl, {
    default: '',
    description:
      'OpenTelemetry collector (OTLP over HTTP, JSON; traces go to <endpoint>/v1/traces); set, it turns traces on; empty: no traces unless OTEL_TRACES_EXPORTER=otlp',
  }),
  variable('OTEL_TRACES_EXPORTER', 'otelTracesExporter', tracesExporter, {
    default: '',
    description:
      'otlp turns traces on (to OTEL_EXPORTER_OTLP_ENDPOINT, else http://localhost:4318); none turns them off even with an endpoint',
  }),
  variable('OTEL_SERVICE_NAME', 'otelServiceName', optionalText, {
    default: '',
    description: 'Service name on the traces; empty: rodtrad-api and rodtrad-worker',
  }),
] as const;
