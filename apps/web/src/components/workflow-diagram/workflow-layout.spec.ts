import ELK from 'elkjs/lib/elk.bundled.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowGraph } from './workflow-graph';
import { layoutGraph, NODE_WIDTH } from './workflow-layout';

const dir = join(__dirname, '../../../../../workflows');
const elk = new ELK();
const shipped = readdirSync(dir).filter((f) => f.endsWith('.workflow.json'));

describe('layoutGraph over the shipped workflows', () => {
  it.each(shipped)('%s: the first step stands leftmost and every step has a place', async (file) => {
    const graph = workflowGraph(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!graph) throw new Error(`${file} is not a workflow`);
    const placed = await layoutGraph(elk, graph, true);
    const xs = graph.nodes.map((n) => placed.positions[n.id]?.x);
    expect(xs.every((x) => typeof x === 'number')).toBe(true);
    expect(placed.positions[graph.initial].x).toBe(Math.min(...(xs as number[])));
    expect(placed.width).toBeGreaterThanOrEqual(Math.max(...(xs as number[])) + NODE_WIDTH);
  });
});
