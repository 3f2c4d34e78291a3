import { execFileSync } from 'node:child_process';

/** One sample as Prometheus reads it. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
/** One metric family: its name (a counter's without `_total`), type and samples. */
export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

// The parser of Prometheus' own Python client (Debian: python3-prometheus-client): a third party's
// reading of the exposition format, so the test does not grade our text by our own rules. It
// raises on any line it cannot read; NaN and ±Inf become strings for JSON.
const SCRIPT = `
import json, math, sys
from prometheus_client.parser import text_string_to_metric_families
num = lambda v: v if math.isfinite(v) else str(v)
out = [
    {"name": f.name, "type": f.type, "help": f.documentation,
     "samples": [{"name": s.name, "labels": s.labels, "value": num(s.value)} for s in f.samples]}
    for f in text_string_to_metric_families(sys.stdin.read())
]
json.dump(out, sys.stdout)
`;

/** The first Python on this machine that has prometheus_client (pyenv's python3 may lack it). */
function python(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import prometheus_client.parser'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next
    }
  }
  throw new Error(
    "Python's prometheus_client is missing: install python3-prometheus-client (Debian) or `pip install prometheus-client`",
  );
}

/** Parses Prometheus text format with prometheus_client; throws on anything it cannot read. */
export function parsePrometheusText(text: string): Family[] {
  return JSON.parse(execFileSync(python(), ['-c', SCRIPT], { input: text, encoding: 'utf8' })) as Family[];
}

/** The samples named `name` whose labels include `labels`. */
export function samples(families: Family[], name: string, labels: Record<string, string> = {}): Sample[] {
  return families
    .flatMap((f) => f.samples)
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/** The sum of those samples' values (0 when there is none). */
export function total(families: Family[], name: string, labels: Record<string, string> = {}): number {
  return samples(families, name, labels).reduce((sum, s) => sum + Number(s.value), 0);
}
