import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ProblemMessage } from '../../../components/feedback';
import { t } from '../../../i18n/t';
import {
  parseJson,
  workflowApi,
  type Effect,
  type SimulatedStep,
  type StoredVersion,
} from './workflow-admin-api';

const effectText = (e: Effect) => {
  const p = e.params;
  const who =
    (p['roles'] as string[] | undefined) ?? (p['approvers'] as { roles?: string[] } | undefined)?.roles ?? [];
  const what = [p['template'], p['state'], p['key'], p['type'], p['to']]
    .filter((x) => typeof x === 'string')
    .join(', ');
  return `${e.type}${what ? ` (${what}${who.length ? `; ${who.join(', ')}` : ''})` : ''}`;
};

/** Click-through of a version on a throwaway document: nothing is stored or sent. */
export function SimulatorPanel({ stored }: { stored: StoredVersion }) {
  const [events, setEvents] = useState('SUBMIT\nAPPROVE');
  const [data, setData] = useState('{}');
  const [upstream, setUpstream] = useState(true);
  const [withinFrame, setWithinFrame] = useState(true);
  const parsedData = parseJson(data);
  const simulate = useMutation({
    mutationFn: () =>
      workflowApi.simulate(stored.key, stored.version, {
        events: events
          .split('\n')
          .map((e) => e.trim())
          .filter(Boolean)
          .map((type) => ({ type, comment: 'Provkörning' })),
        data: parsedData.value ?? {},
        facts: { upstreamAdopted: upstream, withinFrame },
      }),
  });
  // The last run's steps stay on screen while a new run is under way or has failed.
  const [steps, setSteps] = useState<SimulatedStep[] | null>(null);
  const { error } = simulate;
  const run = () => simulate.mutate(undefined, { onSuccess: (result) => setSteps(result.steps) });
  return (
    <section className="card" aria-labelledby="wfa-sim">
      <h2 id="wfa-sim">{t('wf.simTitle')}</h2>
      <p className="muted">{t('wf.simHelp')}</p>
      <div className="wfa-two">
        <div>
          <label htmlFor="wfa-sim-events">{t('wf.simEvents')}</label>
          <textarea id="wfa-sim-events" rows={5} value={events} onChange={(e) => setEvents(e.target.value)} />
        </div>
        <div>
          <label htmlFor="wfa-sim-data">{t('wf.simData')}</label>
          <textarea
            id="wfa-sim-data"
            rows={5}
            value={data}
            spellCheck={false}
            onChange={(e) => setData(e.target.value)}
          />
          {parsedData.error && (
            <p className="field-error">{t('wf.jsonInvalid', { message: parsedData.error })}</p>
          )}
        </div>
      </div>
      <p>
        <label>
          <input type="checkbox" checked={upstream} onChange={(e) => setUpstream(e.target.checked)} />{' '}
          {t('wf.simUpstream')}
        </label>
        <br />
        <label>
          <input type="checkbox" checked={withinFrame} onChange={(e) => setWithinFrame(e.target.checked)} />{' '}
          {t('wf.simWithinFrame')}
        </label>
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={run}
        disabled={parsedData.error !== undefined || simulate.isPending}
      >
        {t('wf.simRun')}
      </button>
      {error && <ProblemMessage error={error} />}
      {steps && (
        <DataTable
          label={t('wf.simTitle')}
          headers={[t('wf.simStep'), t('wf.simOutcome'), t('wf.simState'), t('wf.simEffects')]}
        >
          {steps.map((s, i) => (
            <tr key={i} className={s.ok ? undefined : 'wfa-refused'}>
              <th scope="row">{s.event ?? t('wf.simCreated')}</th>
              <td>{s.ok ? t('wf.simOk') : s.reason}</td>
              <td>{s.stateTitle}</td>
              <td>
                <ul className="plain-list">
                  {s.mails.length > 0 && (
                    <li>{t('wf.simMails', { list: s.mails.map(effectText).join('; ') })}</li>
                  )}
                  {s.deadlines.length > 0 && (
                    <li>{t('wf.simDeadlines', { list: s.deadlines.map(effectText).join('; ') })}</li>
                  )}
                  {s.documents.length > 0 && (
                    <li>{t('wf.simDocuments', { list: s.documents.map(effectText).join('; ') })}</li>
                  )}
                  {s.escalations.length > 0 && (
                    <li>{t('wf.simEscalations', { list: s.escalations.map(effectText).join('; ') })}</li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
