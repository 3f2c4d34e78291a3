type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface GraphNode {
  id: string;
  title: string;
  final: boolean;
  /** Key of the deadline the state waits for, if any. */
  deadline: string | null;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  event: string;
  /** The event's label from the definition, or '' when it has none. */
  label: string;
  guard: string;
  roles: string[];
  /** Leads back to a step reached earlier (or the same one): drawn dashed. */
  back: boolean;
}

export interface WorkflowGraph {
  initial: string;
  /** In breadth-first order from the initial state, unreachable states last, as the definition lists them. */
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A guard as a short phrase: `formComplete`, `formComplete och upstreamAdopted`, `inte x`. */
export function guardText(guard: unknown): string {
  if (!isObject(guard)) return '';
  const parts = Array.isArray(guard['guards']) ? guard['guards'].map(guardText) : [];
  if (guard['type'] === 'and') return parts.join(' och ');
  if (guard['type'] === 'or') return parts.join(' eller ');
  if (guard['type'] === 'not') return `inte ${parts[0] ?? ''}`;
  return String(guard['type'] ?? '');
}

function targetOf(value: unknown): string | undefined {
  const target = typeof value === 'string' ? value : isObject(value) ? value['target'] : undefined;
  return typeof target === 'string' ? target.replace(/^\./, '').replace(/^#[^.]*\./, '') : undefined;
}

/**
 * The states and transitions of a workflow definition (or of its `machine`), read defensively:
 * the admin editor hands in whatever the JSON text parses to. Null while it is not a machine.
 */
export function workflowGraph(definition: unknown): WorkflowGraph | null {
  const machine =
    isObject(definition) && isObject(definition['machine']) ? definition['machine'] : definition;
  if (!isObject(machine) || !isObject(machine['states']) || typeof machine['initial'] !== 'string')
    return null;
  const initial = machine['initial'];
  const states = Object.fromEntries(
    Object.entries(machine['states']).filter(([, s]) => isObject(s)),
  ) as Record<string, Json>;
  const ids = Object.keys(states);
  const edges: GraphEdge[] = [];
  for (const from of ids) {
    const on = isObject(states[from]['on']) ? states[from]['on'] : {};
    const meta = isObject(states[from]['meta']) ? states[from]['meta'] : {};
    const events = isObject(meta['events']) ? meta['events'] : {};
    for (const [event, config] of Object.entries(on)) {
      const facts = isObject(events[event]) ? events[event] : {};
      const label = typeof facts['label'] === 'string' ? facts['label'] : '';
      const roles = Array.isArray(facts['roles'])
        ? facts['roles'].filter((r): r is string => typeof r === 'string')
        : [];
      for (const c of Array.isArray(config) ? config : [config]) {
        const to = targetOf(c);
        if (!to || !states[to]) continue;
        const guard = isObject(c) ? guardText(c['guard']) : '';
        edges.push({
          id: `${from}:${event}:${to}:${edges.length}`,
          from,
          to,
          event,
          label,
          guard,
          roles,
          back: false,
        });
      }
    }
  }

  const depth = new Map<string, number>();
  if (states[initial]) {
    depth.set(initial, 0);
    const queue = [initial];
    while (queue.length) {
      const id = queue.shift() as string;
      for (const edge of edges) {
        if (edge.from === id && !depth.has(edge.to)) {
          depth.set(edge.to, (depth.get(id) ?? 0) + 1);
          queue.push(edge.to);
        }
      }
    }
  }
  const unreachable = Math.max(-1, ...depth.values()) + 1;
  const depthOf = (id: string) => depth.get(id) ?? unreachable;
  for (const edge of edges) edge.back = depthOf(edge.to) <= depthOf(edge.from);

  const nodes: GraphNode[] = ids
    .map((id, index) => ({ id, index, depth: depthOf(id) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ id }) => {
      const meta = isObject(states[id]['meta']) ? states[id]['meta'] : {};
      const deadline = isObject(meta['deadline']) ? String(meta['deadline']['key'] ?? '') : null;
      return {
        id,
        title: typeof meta['title'] === 'string' && meta['title'] ? meta['title'] : id,
        final: states[id]['type'] === 'final',
        deadline,
      };
    });
  return { initial, nodes, edges };
}
