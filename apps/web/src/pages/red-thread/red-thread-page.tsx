import type {
  OrgUnitView,
  Page,
  RedThreadGoalView,
  RedThreadIndicatorView,
  RedThreadView,
} from '@rodtrad/contracts';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/query-client';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { KoladaChart } from '../../components/kolada-chart/kolada-chart';
import { StateBadge } from '../../components/state-badge';
import { namnderOf, UnitOptions } from '../../components/unit-options';
import { formatDate, formatNumber } from '../../i18n/format';
import { docTypeLabel, t } from '../../i18n/t';
import { Link } from 'react-router';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';

export default function RedThreadPage({ year }: { year: string }) {
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <RedThreadYear year={Number(year)} />;
}

function RedThreadYear({ year }: { year: number }) {
  const [namndId, setNamndId] = useState('');
  const thread = useApiQuery<RedThreadView>(`/api/years/${year}/red-thread`, { namndId });
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  const namnder = useMemo(() => namnderOf(units.data?.items), [units.data]);
  const data = thread.data;
  const goalCount = data
    ? data.strategicAreas.reduce((n, a) => n + a.namndmal.length, data.otherGoals.length)
    : 0;

  let body: React.ReactNode;
  if (thread.isLoading) body = <Loading />;
  else if (thread.error?.isNotFound) body = <NotAvailable />;
  else if (thread.error) body = <ProblemMessage error={thread.error} onRetry={thread.refetch} />;
  else if (data)
    body = (
      <>
        {thread.isFetching && <Loading />}
        {data.warnings.map((w) => (
          <p key={`${w.code}-${w.namndId}`} className="notice notice-info">
            {w.message}
          </p>
        ))}
        <section aria-labelledby="vision-title" className="card thread-vision">
          <h2 id="vision-title">{t('redThread.vision')}</h2>
          <p className="vision-text">{data.vision || t('redThread.noVision')}</p>
        </section>
        {goalCount === 0 && <p className="empty-state">{t('redThread.empty', { year })}</p>}
        <ul className="thread-areas">
          {data.strategicAreas.map((area) => (
            <li key={area.id} className="card thread-area">
              <h2>
                <span className="thread-level">{t('redThread.area')}</span> {area.name}
              </h2>
              {area.description && <p className="muted">{area.description}</p>}
              <p className="muted">{t('redThread.goalsCount', { count: area.namndmal.length })}</p>
              <GoalList goals={area.namndmal} />
            </li>
          ))}
          {data.otherGoals.length > 0 && (
            <li className="card thread-area">
              <h2>{t('redThread.otherGoals')}</h2>
              <GoalList goals={data.otherGoals} />
            </li>
          )}
        </ul>
      </>
    );

  return (
    <>
      <PageHeading title={t('redThread.title', { year })} />
      <p className="lead">{t('redThread.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/roda-traden" />
        <div className="field field-inline">
          <label htmlFor="thread-namnd">{t('redThread.filter')}</label>
          <select
            id="thread-namnd"
            className="input"
            value={namndId}
            onChange={(e) => setNamndId(e.target.value)}
          >
            <UnitOptions units={namnder} empty={t('common.all')} />
          </select>
        </div>
      </div>
      {body}
    </>
  );
}

function GoalList({ goals }: { goals: RedThreadGoalView[] }) {
  if (!goals.length) return <p className="muted">{t('redThread.noGoals')}</p>;
  return (
    <ul className="thread-goals">
      {goals.map((goal) => (
        <li key={`${goal.namnd.id}-${goal.id}`} className="thread-goal">
          <h3>
            {goal.titel} <span className="muted">· {goal.namnd.name}</span>
          </h3>
          {goal.beskrivning && <p>{goal.beskrivning}</p>}
          <p>
            <Link to={`/dokument/${encodeURIComponent(goal.documentId)}`}>
              {t('redThread.openDocument', { type: docTypeLabel('mal-och-budget') })}
            </Link>{' '}
            {goal.documentState && <StateBadge state={goal.documentState} />}
          </p>
          {goal.indikatorer.length > 0 && <Indicators goal={goal} />}
          <Level
            title={t('redThread.strategies')}
            items={goal.strategier.map((s) => ({
              key: s.documentId + s.strategi,
              text: s.strategi,
              sub: s.hur,
              ref: s,
            }))}
          />
          <Level
            title={t('redThread.contributions')}
            items={goal.bidrag.map((b) => ({ key: b.documentId + b.bidrag, text: b.bidrag, ref: b }))}
          />
          <Level
            title={t('redThread.activities')}
            items={goal.aktiviteter.map((a) => ({
              key: a.documentId + a.titel,
              text: a.titel,
              sub: [
                a.ansvarig && t('redThread.responsible', { name: a.ansvarig }),
                a.klartDatum && t('redThread.doneBy', { date: formatDate(a.klartDatum) }),
              ]
                .filter(Boolean)
                .join(' · '),
              ref: a,
            }))}
          />
        </li>
      ))}
    </ul>
  );
}

function Indicators({ goal }: { goal: RedThreadGoalView }) {
  return (
    <div className="table-scroll">
      <table className="data-table indicator-table">
        <caption className="thread-caption">{t('redThread.indicators')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('redThread.indicator.name')}</th>
            <th scope="col">{t('redThread.indicator.start')}</th>
            <th scope="col">{t('redThread.indicator.target')}</th>
            <th scope="col">{t('redThread.indicator.latest')}</th>
            <th scope="col">{t('redThread.indicator.status')}</th>
          </tr>
        </thead>
        <tbody>
          {goal.indikatorer.map((ind) => (
            <tr key={ind.namn}>
              <th scope="row">{ind.namn}</th>
              <td>{value(ind, ind.ingangsvarde)}</td>
              <td>{value(ind, ind.malniva)}</td>
              <td>
                {ind.latest ? (
                  <>
                    {value(ind, ind.latest.utfall)}{' '}
                    <span className="muted">({formatDate(ind.latest.at)})</span>
                  </>
                ) : (
                  t('redThread.indicator.noResult')
                )}
              </td>
              <td>
                <TrafficLight colour={ind.colour} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {goal.indikatorer.map(
        (ind) =>
          ind.kolada && (
            <KoladaChart
              key={`kolada-${ind.namn}`}
              kolada={ind.kolada}
              name={ind.namn}
              start={ind.ingangsvarde}
              target={ind.malniva}
              unit={ind.enhet}
            />
          ),
      )}
    </div>
  );
}

/** A goal may leave out its start value or target: a dash then, never the unit alone. */
const value = (ind: RedThreadIndicatorView, n: number | null) =>
  n === null ? t('common.none') : `${formatNumber(n)}${ind.enhet ? ` ${ind.enhet}` : ''}`;

/** Colour, a shape and words: never colour alone. */
export function TrafficLight({ colour }: { colour: RedThreadIndicatorView['colour'] }) {
  const key = colour ?? 'none';
  return (
    <span className={`light light-${key}`}>
      <span aria-hidden="true" className="light-dot" />
      {t(`redThread.light.${key}`)}
    </span>
  );
}

interface LevelItem {
  key: string;
  text: string;
  sub?: string | null;
  ref: { documentId: string; orgUnitName: string };
}

function Level({ title, items }: { title: string; items: LevelItem[] }) {
  if (!items.length) return null;
  return (
    <div className="thread-level-block">
      <h4>{title}</h4>
      <ul className="thread-items">
        {items.map((item) => (
          <li key={item.key}>
            {item.text}
            {item.sub && <span className="muted"> · {item.sub}</span>}{' '}
            <Link to={`/dokument/${encodeURIComponent(item.ref.documentId)}`} className="thread-unit">
              {item.ref.orgUnitName}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
