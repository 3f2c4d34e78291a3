// First import of main.ts: traces (when the OTEL_* variables ask for them) start before anything
// else loads, so outgoing HTTP inside a trace is seen too (#21).
import { startTracing } from '@rodtrad/observability';

export const tracing = startTracing('rodtrad-worker');
