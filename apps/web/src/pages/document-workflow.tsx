import type { DefinitionVersionView } from '@rodtrad/contracts';
import { useApiQuery } from '../api/query-client';
import { Loading } from '../components/feedback';
import WorkflowDiagram from '../components/workflow-diagram/workflow-diagram';
import { workflowGraph } from '../components/workflow-diagram/workflow-graph';
import { t } from '../i18n/t';

interface Props {
  definitionKey: string;
  version: number;
  currentState: string;
}

/** The document's workflow with its current step marked. Its own chunk, with the diagram. */
export default function DocumentWorkflow({ definitionKey, version, currentState }: Props) {
  const { data, error, isLoading } = useApiQuery<DefinitionVersionView>(
    `/api/workflow-definitions/${encodeURIComponent(definitionKey)}/versions/${version}`,
  );
  const definition = data?.definition;
  const graph = definition ? workflowGraph(definition) : null;
  let body: React.ReactNode;
  if (isLoading) body = <Loading />;
  else if (error || !graph) body = <p className="muted">{t('document.workflowUnavailable')}</p>;
  else {
    const title = data?.title ?? definitionKey;
    const current = graph.nodes.find((n) => n.id === currentState)?.title ?? currentState;
    body = (
      <>
        <p className="muted">{t('document.workflowIntro')}</p>
        <WorkflowDiagram
          definition={definition}
          currentState={currentState}
          label={t('document.workflowDiagramLabel', { title, state: current })}
        />
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
