import { useMemo } from 'react';
import type { WorkflowStateNode } from '../../api/types';
import { eventLabel, roleLabel, t } from '../../i18n/t';
import { edgePath, layoutWorkflow, NODE_HEIGHT, NODE_WIDTH } from '../workflow/workflow-layout';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A guard as a short phrase: `formComplete`, `formComplete och upstreamAdopted`, `inte x`. */
export function guardText(guard: unknown): string {
  if (!isObject(guard)) return '';
  const parts = Array.isArray(guard['guards']) ? guard['guards'].map(guardText) : [];
  if (guard['type'] === 'and') return parts.join(' och ');
  if (guard['type'] === 'or') return parts.join(' eller ');
  if (guard['type'] === 'not') return `inte ${parts[0] ?? ''}`;
  return String(guard['type'] ?? '');
}

interface EdgeFacts {
  from: string;
  to: string;
  event: string;
  guard: string;
  roles: string[];
}

/** The machine of a parsed definition, or null while the text is not (yet) a definition. */
function machineOf(definition: unknown): { initial: string; states: Record<string, Json> } | null {
  const machine = isObject(definition) ? definition['machine'] : undefined;
  if (!isObject(machine) || !isObject(machine['states']) || typeof machine['initial'] !== 'string')
    return null;
  const states = Object.fromEntries(
    Object.entries(machine['states']).filter(([, s]) => isObject(s)),
  ) as Record<string, Json>;
  return { initial: machine['initial'], states };
}

function edgeFacts(states: Record<string, Json>): EdgeFacts[] {
  const out: EdgeFacts[] = [];
  for (const [from, state] of Object.entries(states)) {
    const on = isObject(state['on']) ? state['on'] : {};
    const meta = isObject(state['meta']) ? state['meta'] : {};
    const events = isObject(meta['events']) ? meta['events'] : {};
    for (const [event, config] of Object.entries(on)) {
      const roles =
        isObject(events[event]) && Array.isArray((events[event] as Json)['roles'])
          ? ((events[event] as Json)['roles'] as string[])
          : [];
      for (const c of Array.isArray(config) ? config : [config]) {
        if (!isObject(c) || typeof c['target'] !== 'string' || !states[c['target']]) continue;
        out.push({ from, to: c['target'], event, guard: guardText(c['guard']), roles });
      }
    }
  }
  return out;
}

/**
 * The draft's states and transitions, redrawn as the JSON changes: layered left to right, guards
 * and roles on the edges, deadlines on the states. The list under the picture says the same.
 */
export function DefinitionDiagram({ definition }: { definition: unknown }) {
  const drawn = useMemo(() => {
    const machine = machineOf(definition);
    if (!machine) return null;
    try {
      const layout = layoutWorkflow(
        machine as { initial: string; states: Record<string, WorkflowStateNode> },
        (s, e) => {
          const label = ((machine.states[s]?.['meta'] as Json | undefined)?.['events'] as Json | undefined)?.[
            e
          ];
          return isObject(label) && typeof label['label'] === 'string' ? label['label'] : eventLabel(e);
        },
      );
      return { machine, layout, facts: edgeFacts(machine.states) };
    } catch {
      return null;
    }
  }, [definition]);
  if (!drawn) return null;
  const { machine, layout, facts } = drawn;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const deadlineOf = (id: string) => {
    const meta = machine.states[id]?.['meta'];
    const deadline = isObject(meta) ? meta['deadline'] : undefined;
    return isObject(deadline) ? String(deadline['key'] ?? '') : null;
  };
  const title = isObject(definition) ? String(definition['title'] ?? '') : '';
  const edgeNote = (f: EdgeFacts) =>
    [
      f.guard && t('wf.edgeGuard', { guard: f.guard }),
      f.roles.length ? t('wf.edgeRoles', { roles: f.roles.map(roleLabel).join(', ') }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  const labelRoom = 40;
  return (
    <div className="wf-admin-diagram">
      <div className="workflow-picture">
        <svg
          role="img"
          aria-label={t('wf.diagramLabel', { title, count: layout.nodes.length })}
          viewBox={`0 -${labelRoom} ${layout.width} ${layout.height + labelRoom}`}
          width={layout.width}
          height={layout.height + labelRoom}
          className="workflow-svg"
          data-testid="workflow-diagram"
        >
          <defs>
            <marker
              id="wfa-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="wf-arrow" />
            </marker>
          </defs>
          {layout.edges.map((edge, i) => {
            const from = byId.get(edge.from);
            const to = byId.get(edge.to);
            if (!from || !to) return null;
            const f = facts.find((x) => x.from === edge.from && x.event === edge.event && x.to === edge.to);
            const x = edge.back ? (from.x + to.x) / 2 + NODE_WIDTH / 2 : (from.x + NODE_WIDTH + to.x) / 2;
            const y = edge.back ? layout.height - 4 : Math.min(from.y, to.y) - 6 - (i % 2) * 12;
            return (
              <g key={`${edge.from}-${edge.event}-${edge.to}`}>
                <path
                  d={edgePath(from, to, edge.back, layout.height)}
                  className={edge.back ? 'wf-edge wf-edge-back' : 'wf-edge'}
                  markerEnd="url(#wfa-arrow)"
                />
                <text x={x} y={y} textAnchor="middle" className="wfa-edge-label">
                  {edge.event}
                  {f?.guard ? ` [${f.guard}]` : ''}
                </text>
              </g>
            );
          })}
          {layout.nodes.map((node) => {
            const deadline = deadlineOf(node.id);
            return (
              <g
                key={node.id}
                className={node.final ? 'wf-node wf-node-final' : 'wf-node'}
                transform={`translate(${node.x} ${node.y})`}
                data-state={node.id}
              >
                <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={node.final ? 28 : 8} />
                <text x={NODE_WIDTH / 2} y={deadline ? 24 : 33} textAnchor="middle" className="wf-title">
                  {node.title.length > 22 ? `${node.title.slice(0, 21)}…` : node.title}
                </text>
                {deadline && (
                  <text x={NODE_WIDTH / 2} y={43} textAnchor="middle" className="wf-current-label">
                    {`⏱ ${deadline}`}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ol className="workflow-steps">
        {layout.nodes.map((node) => (
          <li key={node.id} className="workflow-step">
            <strong>{node.title}</strong> <code>{node.id}</code>
            {node.final && <span className="muted"> ({t('wf.final')})</span>}
            {deadlineOf(node.id) && (
              <span className="muted"> · {t('wf.deadline', { key: deadlineOf(node.id) as string })}</span>
            )}
            <ul className="plain-list workflow-edges">
              {facts
                .filter((f) => f.from === node.id)
                .map((f) => (
                  <li key={`${f.event}-${f.to}-${f.guard}`}>
                    {t('wf.edge', { event: f.event, to: byId.get(f.to)?.title ?? f.to })}
                    {edgeNote(f) && <span className="muted"> ({edgeNote(f)})</span>}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
