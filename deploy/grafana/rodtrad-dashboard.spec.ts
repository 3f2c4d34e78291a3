import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registeredMetricNames } from '@rodtrad/observability';

/**
 * The Grafana dashboard queries only metrics the API and the worker register: a metric renamed or
 * dropped in libs/observability fails here, not as an empty panel in a municipality's Grafana.
 */
interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: { refId: string; expr: string }[];
}
const dashboard = JSON.parse(readFileSync(join(__dirname, 'rodtrad-dashboard.json'), 'utf8')) as {
  uid: string;
  panels: Panel[];
};
const queries = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, ...t })));
/** Series names in a PromQL expression: metric-like words, not functions, labels or keywords. */
const seriesIn = (expr: string) =>
  [
    ...expr
      .replace(/\{[^}]*\}/g, '')
      .matchAll(/\b(rodtrad_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+)\b/g),
  ].map((m) => m[1]);
/** A histogram's series are its name with _bucket, _sum or _count. */
const family = (series: string, registered: Set<string>) =>
  registered.has(series) ? series : series.replace(/_(bucket|sum|count)$/, '');

describe('deploy/grafana/rodtrad-dashboard.json', () => {
  it('is a dashboard of panels with unique ids, each graph with at least one query', () => {
    expect(dashboard.uid).toBe('rodtrad');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(15);
    expect(
      graphs.filter((p) => !(p.targets?.length && p.targets.every((t) => t.expr.trim()))).map((p) => p.title),
    ).toEqual([]);
  });

  it('queries only metrics the processes register', async () => {
    const registered = new Set(await registeredMetricNames());
    const used = queries.flatMap((q) => seriesIn(q.expr).map((series) => ({ panel: q.panel, series })));
    expect(used.length).toBeGreaterThan(queries.length - 1);
    expect(used.filter((u) => !registered.has(family(u.series, registered)))).toEqual([]);
  });

  it('shows every rodtrad_ metric somewhere', async () => {
    const registered = (await registeredMetricNames()).filter((n) => n.startsWith('rodtrad_'));
    const shown = new Set(
      queries.flatMap((q) => seriesIn(q.expr)).map((s) => s.replace(/_(bucket|sum|count)$/, '')),
    );
    expect(registered.filter((n) => !shown.has(n))).toEqual([]);
  });
});
