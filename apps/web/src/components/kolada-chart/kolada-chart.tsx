import type { KoladaSeriesView } from '@rodtrad/contracts';
import { useId } from 'react';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/t';
import './kolada-chart.css';

type Kolada = NonNullable<KoladaSeriesView>;

const W = 320;
const H = 150;
const PAD = { left: 44, right: 18, top: 12, bottom: 26 };

/**
 * An indicator's Kolada values as a small line chart (#19): the municipality's value per year
 * (solid line, dots) beside the comparison group's median (dashed line, squares), with the start
 * value and the target as reference lines. Colour is never alone: each series has its own line
 * style and marker, the legend names them, the SVG has a title and a summary in words, and the
 * figures are in a table below.
 */
export function KoladaChart({
  kolada,
  name,
  start,
  target,
  unit,
}: {
  kolada: Kolada;
  name: string;
  start: number | null;
  target: number | null;
  unit: string | null;
}) {
  const id = useId();
  const title = kolada.titel ?? kolada.kpi;
  const fmt = (n: number | null) =>
    n === null ? t('common.none') : `${formatNumber(n)}${unit ? ` ${unit}` : ''}`;
  if (!kolada.serie.length)
    return <p className="muted kolada-empty">{t('kolada.chart.noValues', { kpi: kolada.kpi })}</p>;

  const points = kolada.serie;
  const numbers = [...points.flatMap((p) => [p.value, p.median]), start, target].filter(
    (n): n is number => n !== null,
  );
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.1;
  lo -= margin;
  hi += margin;
  const years = points.map((p) => p.year);
  const x = (year: number) =>
    years.length === 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + ((year - years[0]) / (years[years.length - 1] - years[0])) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const line = (get: (p: Kolada['serie'][number]) => number | null) =>
    points
      .filter((p) => get(p) !== null)
      .map((p) => `${x(p.year).toFixed(1)},${y(get(p) as number).toFixed(1)}`)
      .join(' ');

  const latest = [...points].reverse().find((p) => p.value !== null) ?? points[points.length - 1];
  const summary = t('kolada.chart.summary', {
    name,
    latest: fmt(latest.value),
    year: latest.year,
    median: fmt(latest.median),
    start: fmt(start),
    target: fmt(target),
  });

  return (
    <figure className="kolada-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {t('kolada.chart.caption', { title })}
        {kolada.titel && <span className="muted"> ({kolada.kpi})</span>}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="kolada-svg"
      >
        <title id={`${id}-title`}>{t('kolada.chart.caption', { title })}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line
          className="kolada-axis"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
        />
        <text className="kolada-tick" x={PAD.left - 4} y={y(hi - margin) + 4} textAnchor="end">
          {formatNumber(Math.round((hi - margin) * 10) / 10)}
        </text>
        <text className="kolada-tick" x={PAD.left - 4} y={y(lo + margin) + 4} textAnchor="end">
          {formatNumber(Math.round((lo + margin) * 10) / 10)}
        </text>
        {points.map((p) => (
          <text key={p.year} className="kolada-tick" x={x(p.year)} y={H - 8} textAnchor="middle">
            {p.year}
          </text>
        ))}
        {start !== null && (
          <line
            className="kolada-ref kolada-ref-start"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(start)}
            y2={y(start)}
          />
        )}
        {target !== null && (
          <line
            className="kolada-ref kolada-ref-target"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(target)}
            y2={y(target)}
          />
        )}
        <polyline className="kolada-median" points={line((p) => p.median)} />
        {points
          .filter((p) => p.median !== null)
          .map((p) => (
            <rect
              key={`m${p.year}`}
              className="kolada-median-mark"
              x={x(p.year) - 3}
              y={y(p.median as number) - 3}
              width={6}
              height={6}
            />
          ))}
        <polyline className="kolada-own" points={line((p) => p.value)} />
        {points
          .filter((p) => p.value !== null)
          .map((p) => (
            <circle
              key={`v${p.year}`}
              className="kolada-own-mark"
              cx={x(p.year)}
              cy={y(p.value as number)}
              r={3.5}
            />
          ))}
      </svg>
      <ul className="kolada-legend">
        <li>
          <span aria-hidden="true" className="kolada-key kolada-key-own" />
          {t('kolada.chart.own')}
        </li>
        <li>
          <span aria-hidden="true" className="kolada-key kolada-key-median" />
          {t('kolada.chart.median')}{' '}
          <span className="muted">({t('kolada.chart.comparedWith', { count: kolada.jamforelseAntal })})</span>
        </li>
        {start !== null && (
          <li>
            <span aria-hidden="true" className="kolada-key kolada-key-start" />
            {t('kolada.chart.start')} {fmt(start)}
          </li>
        )}
        {target !== null && (
          <li>
            <span aria-hidden="true" className="kolada-key kolada-key-target" />
            {t('kolada.chart.target')} {fmt(target)}
          </li>
        )}
      </ul>
      <details className="kolada-details">
        <summary>{t('kolada.chart.table')}</summary>
        <table className="data-table kolada-table">
          <caption>{t('kolada.chart.tableCaption', { name, kpi: kolada.kpi })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kolada.chart.year')}</th>
              <th scope="col">{t('kolada.chart.own')}</th>
              <th scope="col">{t('kolada.chart.women')}</th>
              <th scope="col">{t('kolada.chart.men')}</th>
              <th scope="col">{t('kolada.chart.medianCol')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td>{fmt(p.value)}</td>
                <td>{fmt(p.women)}</td>
                <td>{fmt(p.men)}</td>
                <td>
                  {fmt(p.median)}
                  {p.median !== null && (
                    <span className="muted"> ({t('kolada.chart.medianOf', { count: p.medianOf })})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {kolada.kalla && (
        <p className="muted kolada-source">
          {t('kolada.chart.source', {
            how: t(`kolada.chart.source.${kolada.kalla.typ}`),
            when: formatDate(kolada.kalla.hamtad),
          })}
        </p>
      )}
    </figure>
  );
}
