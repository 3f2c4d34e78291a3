// First import of main.ts: traces (when the OTEL_* variables ask for them) must be set up before
// anything loads `http`, so the HTTP instrumentation sees every request (#21).
import { startTracing } from '@rodtrad/observability';

export const tracing = startTracing('rodtrad-api');
