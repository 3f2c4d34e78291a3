import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useMemo } from 'react';
import { eventLabel, roleLabel, t } from '../../i18n/t';
import './workflow-diagram.css';
import { workflowGraph, type GraphEdge, type GraphNode, type WorkflowGraph } from './workflow-graph';
import { elk } from './elk-worker';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './workflow-layout';

/** The smallest the picture is drawn at: its 12 px text stays at least 9.6 px. */
const MIN_SCALE = 0.8;

export interface WorkflowDiagramProps {
  /** A workflow definition (or its machine); anything else draws nothing. */
  definition: unknown;
  /** Accessible name of the picture. */
  label: string;
  /** The document's current step: marked in the picture and in the list. */
  currentState?: string;
  /** For administrators: state ids, guards, roles and deadlines, edges labelled by event. */
  detailed?: boolean;
}

type StateNodeData = { node: GraphNode; current: boolean; detailed: boolean };
type StateNode = Node<StateNodeData, 'state'>;

function StateBox({ data }: NodeProps<StateNode>) {
  const { node, current, detailed } = data;
  const cls = ['wf-node', current && 'wf-node-current', node.final && 'wf-node-final']
    .filter(Boolean)
    .join(' ');
  const limit = detailed ? 22 : 28;
  return (
    <div className={cls} data-state={node.id} style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {/* Ways back leave and arrive underneath, as arcs below the row, apart from the ways forward. */}
      <Handle id="back-in" type="target" position={Position.Bottom} isConnectable={false} />
      <span className="wf-title">
        {node.title.length > limit ? `${node.title.slice(0, limit - 1)}…` : node.title}
      </span>
      {current && <span className="wf-current-label">{`▶ ${t('document.workflowCurrent')}`}</span>}
      {!current && detailed && node.deadline && (
        <span className="wf-current-label">{`⏱ ${node.deadline}`}</span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <Handle id="back-out" type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { state: StateBox };

const edgeText = (edge: GraphEdge) => edge.label || eventLabel(edge.event);

/**
 * A workflow as a picture (React Flow, laid out by ELK; for sighted readers) and as a list of steps
 * with their ways onward (the same facts for everyone, and what screen readers read). The picture is
 * read-only and scaled to fit: no dragging, zooming, scrolling or focus stops inside it. Its own chunk, loaded where it is shown.
 */
export default function WorkflowDiagram({
  definition,
  label,
  currentState,
  detailed = false,
}: WorkflowDiagramProps) {
  const graph = useMemo(() => workflowGraph(definition), [definition]);
  // Layout is asynchronous; while a new one is computed the previous picture (graph and places) stays.
  const layout = useQuery({
    queryKey: ['workflow-layout', graph, detailed],
    queryFn: async () => ({
      drawn: graph as WorkflowGraph,
      placed: await layoutGraph(elk, graph as WorkflowGraph, detailed),
    }),
    enabled: graph !== null,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const placed = layout.data?.placed;
  const drawn = layout.data?.drawn;
  const { nodes, edges } = useMemo(() => {
    if (!drawn || !placed) return { nodes: [] as StateNode[], edges: [] as Edge[] };
    const nodes: StateNode[] = drawn.nodes.map((node) => ({
      id: node.id,
      type: 'state',
      position: placed.positions[node.id] ?? { x: 0, y: 0 },
      data: { node, current: node.id === currentState, detailed },
    }));
    const edges: Edge[] = drawn.edges.map((edge) => ({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: edge.back ? 'smoothstep' : 'default',
      ...(edge.back ? { sourceHandle: 'back-out', targetHandle: 'back-in' } : {}),
      className: edge.back ? 'wf-edge wf-edge-back' : 'wf-edge',
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#4b5159' },
      label: detailed ? `${edge.event}${edge.guard ? ` [${edge.guard}]` : ''}` : undefined,
    }));
    return { nodes, edges };
  }, [drawn, placed, currentState, detailed]);

  if (!graph) return null;
  return (
    <div className="wf-diagram">
      {placed && (
        // Scaled to the column like an image, but never below MIN_SCALE of its natural size, so its
        // text stays readable (12 px at most, 9.6 px at least); a wider picture scrolls sideways in a
        // region of its own that takes focus (WCAG 2.1.1).
        <div className="workflow-picture" role="region" aria-label={t('wf.diagramScroll')} tabIndex={0}>
          <div
            role="img"
            aria-label={label}
            data-testid="workflow-diagram"
            className="wf-canvas"
            style={{
              maxWidth: placed.width,
              minWidth: Math.round(placed.width * MIN_SCALE),
              aspectRatio: `${placed.width} / ${placed.height}`,
            }}
          >
            {/* A new layout mounts a new canvas, so it is fitted again. */}
            <ReactFlow
              key={`${placed.width}x${placed.height}:${nodes.length}:${edges.length}`}
              fitView
              fitViewOptions={{ padding: 0.04, maxZoom: 1, minZoom: MIN_SCALE * 0.9 }}
              minZoom={0.1}
              maxZoom={1}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              panOnDrag={false}
              panOnScroll={false}
              zoomOnScroll={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              preventScrolling={false}
              disableKeyboardA11y
              proOptions={{ hideAttribution: true }}
            />
          </div>
        </div>
      )}
      <StepList graph={graph} currentState={currentState} detailed={detailed} />
    </div>
  );
}

function StepList({
  graph,
  currentState,
  detailed,
}: {
  graph: WorkflowGraph;
  currentState?: string;
  detailed: boolean;
}) {
  const titles = new Map(graph.nodes.map((n) => [n.id, n.title]));
  const note = (e: GraphEdge) =>
    [
      e.guard && t('wf.edgeGuard', { guard: e.guard }),
      e.roles.length ? t('wf.edgeRoles', { roles: e.roles.map(roleLabel).join(', ') }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  return (
    <ol className="workflow-steps">
      {graph.nodes.map((node) => {
        const out = graph.edges.filter((e) => e.from === node.id);
        const isCurrent = node.id === currentState;
        return (
          <li
            key={node.id}
            className={isCurrent ? 'workflow-step workflow-step-current' : 'workflow-step'}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <strong>{node.title}</strong>
            {detailed && (
              <>
                {' '}
                <code>{node.id}</code>
              </>
            )}
            {isCurrent && <span className="badge badge-waiting">{t('document.workflowCurrent')}</span>}
            {node.final && (
              <span className="muted"> ({detailed ? t('wf.final') : t('document.workflowFinal')})</span>
            )}
            {detailed && node.deadline && (
              <span className="muted"> · {t('wf.deadline', { key: node.deadline })}</span>
            )}
            {out.length > 0 && (
              <ul className="plain-list workflow-edges">
                {out.map((e) =>
                  detailed ? (
                    <li key={e.id}>
                      {t('wf.edge', { event: e.event, to: titles.get(e.to) ?? e.to })}
                      {note(e) && <span className="muted"> ({note(e)})</span>}
                    </li>
                  ) : (
                    <li key={e.id}>
                      {t('document.workflowEdge', { event: edgeText(e), to: titles.get(e.to) ?? e.to })}
                    </li>
                  ),
                )}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
