import { useMemo } from 'react';
import type { DefinitionVersion } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { Loading } from '../../components/feedback';
import { eventLabel, t } from '../../i18n/t';
import { edgePath, layoutWorkflow, NODE_HEIGHT, NODE_WIDTH, type DiagramLayout } from './workflow-layout';

interface Props {
  definitionKey: string;
  version: number;
  currentState: string;
}

/**
 * The document's workflow as a picture (SVG, for sighted readers) and as a list of steps with
 * their ways onward (the same facts for everyone, and what screen readers read). Its own chunk.
 */
export default function WorkflowDiagram({ definitionKey, version, currentState }: Props) {
  const { data, error, loading } = useQuery<DefinitionVersion>(
    `/api/workflow-definitions/${encodeURIComponent(definitionKey)}/versions/${version}`,
  );
  const machine = data?.definition?.machine;
  const layout = useMemo(
    () =>
      machine
        ? layoutWorkflow(
            machine,
            (state, event) => machine.states[state]?.meta?.events?.[event]?.label || eventLabel(event),
          )
        : null,
    [machine],
  );
  let body: React.ReactNode;
  if (loading && !data) body = <Loading />;
  else if (error || !layout) body = <p className="muted">{t('document.workflowUnavailable')}</p>;
  else {
    const title = data?.title ?? data?.definition.title ?? definitionKey;
    const current = layout.nodes.find((n) => n.id === currentState)?.title ?? currentState;
    body = (
      <>
        <p className="muted">{t('document.workflowIntro')}</p>
        <Picture
          layout={layout}
          current={currentState}
          label={t('document.workflowDiagramLabel', { title, state: current })}
        />
        <StepList layout={layout} current={currentState} />
      </>
    );
  }
  return (
    <section aria-labelledby="workflow-title" className="card">
      <h2 id="workflow-title">{t('document.workflowTitle')}</h2>
      {body}
    </section>
  );
}

function Picture({ layout, current, label }: { layout: DiagramLayout; current: string; label: string }) {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  return (
    <div className="workflow-picture">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className="workflow-svg"
      >
        <defs>
          <marker
            id="wf-arrow"
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
        {layout.edges.map((edge) => {
          const from = byId.get(edge.from);
          const to = byId.get(edge.to);
          if (!from || !to) return null;
          return (
            <path
              key={`${edge.from}-${edge.event}-${edge.to}`}
              d={edgePath(from, to, edge.back, layout.height)}
              className={edge.back ? 'wf-edge wf-edge-back' : 'wf-edge'}
              markerEnd="url(#wf-arrow)"
            />
          );
        })}
        {layout.nodes.map((node) => {
          const isCurrent = node.id === current;
          const cls = ['wf-node', isCurrent && 'wf-node-current', node.final && 'wf-node-final']
            .filter(Boolean)
            .join(' ');
          return (
            <g key={node.id} className={cls} transform={`translate(${node.x} ${node.y})`}>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={node.final ? 28 : 8} />
              <text x={NODE_WIDTH / 2} y={isCurrent ? 24 : 33} textAnchor="middle" className="wf-title">
                {node.title.length > 28 ? `${node.title.slice(0, 27)}…` : node.title}
              </text>
              {isCurrent && (
                <text x={NODE_WIDTH / 2} y={43} textAnchor="middle" className="wf-current-label">
                  {`▶ ${t('document.workflowCurrent')}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function StepList({ layout, current }: { layout: DiagramLayout; current: string }) {
  const titles = new Map(layout.nodes.map((n) => [n.id, n.title]));
  const ordered = [...layout.nodes].sort((a, b) => a.layer - b.layer || a.row - b.row);
  return (
    <ol className="workflow-steps">
      {ordered.map((node) => {
        const out = layout.edges.filter((e) => e.from === node.id);
        const isCurrent = node.id === current;
        return (
          <li
            key={node.id}
            className={isCurrent ? 'workflow-step workflow-step-current' : 'workflow-step'}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <strong>{node.title}</strong>
            {isCurrent && <span className="badge badge-waiting">{t('document.workflowCurrent')}</span>}
            {node.final && <span className="muted"> ({t('document.workflowFinal')})</span>}
            {out.length > 0 && (
              <ul className="plain-list workflow-edges">
                {out.map((e) => (
                  <li key={`${e.event}-${e.to}`}>
                    {t('document.workflowEdge', { event: e.label, to: titles.get(e.to) ?? e.to })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
