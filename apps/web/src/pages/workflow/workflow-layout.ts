import type { WorkflowStateNode } from '../../api/types';

export interface DiagramNode {
  id: string;
  title: string;
  final: boolean;
  /** Steps from the initial state (breadth first); unreachable states go one layer past the last. */
  layer: number;
  row: number;
  x: number;
  y: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  event: string;
  label: string;
  /** Goes back to an earlier (or the same) layer, drawn as an arc below the nodes. */
  back: boolean;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 56;
const GAP_X = 56;
const GAP_Y = 28;
const MARGIN = 16;
const BACK_ROOM = 48;

function targetsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((t) => (typeof t === 'string' ? t : (t as { target?: unknown } | null)?.target))
    .map((t) => (typeof t === 'string' ? t.replace(/^\./, '').replace(/^#[^.]*\./, '') : undefined))
    .filter((t): t is string => !!t);
}

/**
 * A simple layered layout: every state sits in the layer of its breadth-first distance from the
 * initial state, in the order the definition lists it. No layout library, no crossing reduction:
 * the shipped workflows are small chains with a few returns.
 */
export function layoutWorkflow(
  machine: { initial: string; states: Record<string, WorkflowStateNode> },
  eventLabel: (state: string, event: string) => string,
): DiagramLayout {
  const ids = Object.keys(machine.states);
  const edges: DiagramEdge[] = [];
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    for (const [event, value] of Object.entries(machine.states[id].on ?? {})) {
      for (const to of targetsOf(value)) {
        if (!machine.states[to]) continue;
        edges.push({ from: id, to, event, label: eventLabel(id, event), back: false });
        next.get(id)?.push(to);
      }
    }
  }
  const layer = new Map<string, number>();
  if (machine.states[machine.initial]) {
    layer.set(machine.initial, 0);
    const queue = [machine.initial];
    while (queue.length) {
      const id = queue.shift() as string;
      for (const to of next.get(id) ?? []) {
        if (!layer.has(to)) {
          layer.set(to, (layer.get(id) ?? 0) + 1);
          queue.push(to);
        }
      }
    }
  }
  const deepest = Math.max(-1, ...layer.values());
  for (const id of ids) if (!layer.has(id)) layer.set(id, deepest + 1);

  const rows = new Map<number, number>();
  const nodes: DiagramNode[] = ids.map((id) => {
    const l = layer.get(id) ?? 0;
    const row = rows.get(l) ?? 0;
    rows.set(l, row + 1);
    const state = machine.states[id];
    return {
      id,
      title: state.meta?.title || id,
      final: state.type === 'final',
      layer: l,
      row,
      x: MARGIN + l * (NODE_WIDTH + GAP_X),
      y: MARGIN + row * (NODE_HEIGHT + GAP_Y),
    };
  });
  for (const edge of edges) edge.back = (layer.get(edge.to) ?? 0) <= (layer.get(edge.from) ?? 0);
  const layers = Math.max(1, ...[...rows.keys()].map((l) => l + 1));
  const maxRows = Math.max(1, ...rows.values());
  return {
    nodes,
    edges,
    width: MARGIN * 2 + layers * NODE_WIDTH + (layers - 1) * GAP_X,
    height:
      MARGIN * 2 +
      maxRows * NODE_HEIGHT +
      (maxRows - 1) * GAP_Y +
      (edges.some((e) => e.back) ? BACK_ROOM : 0),
  };
}

/** SVG path of an edge: forward edges as a gentle curve right to left, returns as an arc below. */
export function edgePath(from: DiagramNode, to: DiagramNode, back: boolean, bottom: number): string {
  if (!back) {
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const mid = (x1 + x2) / 2;
    return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
  }
  const x1 = from.x + NODE_WIDTH / 2 - 12;
  const y1 = from.y + NODE_HEIGHT;
  const x2 = to.x + NODE_WIDTH / 2 + 12;
  const y2 = to.y + NODE_HEIGHT;
  const low = bottom - 8;
  return `M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`;
}
