import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { WorkflowGraph } from './workflow-graph';

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 56;

export interface PlacedGraph {
  positions: Record<string, { x: number; y: number }>;
  width: number;
  height: number;
}

/**
 * Layered left to right, in the order the graph lists the steps, as workflow editors draw them.
 * `elk` is ELK in a Web Worker in the browser (elk-worker.ts), the bundled one in unit tests.
 */
export async function layoutGraph(elk: ELK, graph: WorkflowGraph, edgeLabels: boolean): Promise<PlacedGraph> {
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      // Room underneath for the arcs of the ways back.
      'elk.padding': `[top=16,left=16,bottom=${graph.edges.some((e) => e.back) ? 48 : 16},right=16]`,
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': edgeLabels ? '96' : '56',
      // The graph lists steps from the start onward: an edge against that order is a way back, so the
      // start stays on the left even when returns make cycles.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const result = await elk.layout(root);
  const positions: PlacedGraph['positions'] = {};
  for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return {
    positions,
    width: Math.ceil(result.width ?? NODE_WIDTH),
    height: Math.ceil(result.height ?? NODE_HEIGHT),
  };
}
