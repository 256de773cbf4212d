import type { ReactNode } from 'react';
import type { ValueAt } from '../../../shared/series/types';
import type { ChartSeries } from './charted-series';
import { useCharts } from './chart-store';
import { formatValue } from './format';
import type { PlotData, SeriesData } from './plot-data';
import { readingAt, type WindowReading } from './plot-lines';
import { unitLabel, type AxisPlan } from './unit-axes';

export interface ChartLegendProps {
  series: readonly ChartSeries[];
  data: PlotData | null;
  axes: AxisPlan;
  hidden: ReadonlySet<string>;
  /** Start of the window under the pointer. */
  hover: number | null;
  /** Exact values at the time cursor (at rest), or null while it moves. */
  exact: { at: number; values: ReadonlyMap<string, ValueAt> } | null;
  /** Start of the window holding the time cursor, for the approximate value while it moves. */
  cursorWindow: number | null;
  /** The pointer or keyboard focus is on a series' row (null: none). */
  onFocusSeries(id: string | null): void;
  /** The resolution and the pointer's window, above the table. */
  caption: ReactNode;
  /** An instant as the plant's wall clock. */
  formatInstant(t: number): string;
  /** The session's connections are listed, so a series without one is known not to be connected. */
  sourcesKnown: boolean;
}

function Swatch({ s }: { s: ChartSeries }) {
  return (
    <svg className="chart-legend__swatch" width="22" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="21" y2="4" stroke={s.colour} strokeWidth="3" />
    </svg>
  );
}

function PointerCell({ r, unit }: { r: WindowReading | null; unit: string }) {
  if (!r) return <td className="chart-legend__num muted">—</td>;
  const text = r.min === r.max ? formatValue(r.min) : `${formatValue(r.min)} – ${formatValue(r.max)}`;
  return (
    <td
      className="chart-legend__num"
      data-min={r.min}
      data-max={r.max}
      data-first={r.first}
      data-last={r.last}
      data-count={r.count}
      title={`first ${formatValue(r.first)}, last ${formatValue(r.last)}, ${r.count} point${r.count === 1 ? '' : 's'}${r.mean !== null ? `, mean ${formatValue(r.mean)}` : ''}`}
    >
      {text} <span className="muted">{unit}</span>
    </td>
  );
}

function CursorCell({
  s,
  d,
  exact,
  layout,
  cursorWindow,
}: {
  s: ChartSeries;
  d: SeriesData | undefined;
  exact: ChartLegendProps['exact'];
  layout: PlotData['layout'] | null;
  cursorWindow: number | null;
}) {
  const v = exact?.values.get(s.id);
  if (v) {
    return (
      <td className="chart-legend__num" data-value={v.value ?? undefined} data-t={v.t ?? undefined} data-state={v.value === null ? 'missing' : 'exact'}>
        {formatValue(v.value)} <span className="muted">{s.unit}</span>
      </td>
    );
  }
  const r = d && layout && cursorWindow !== null ? readingAt(d, layout, cursorWindow) : null;
  // While the cursor moves, the window under it stands in: its last value, marked approximate.
  return (
    <td
      className="chart-legend__num"
      data-value={r?.last}
      data-state={r ? 'approximate' : 'missing'}
      title={r ? 'Approximate: the last value of the window under the cursor' : undefined}
    >
      {r ? `≈ ${formatValue(r.last)}` : '—'} <span className="muted">{r ? s.unit : ''}</span>
    </td>
  );
}

/** Where the windows came from when the history (rollup) cache answered: its age, or that the source was offline. */
function CacheBadge({ d, formatInstant }: { d: SeriesData | undefined; formatInstant(t: number): string }) {
  const c = d?.cache;
  if (!c) return null;
  if (c.offline) {
    const through = c.through !== undefined ? `; nothing from ${formatInstant(c.through)} on` : '';
    return (
      <span className="chart-legend__badge chart-legend__badge--offline" title={`The source could not be reached: cached windows only${through}.`}>
        offline
      </span>
    );
  }
  return (
    <span
      className="chart-legend__badge"
      title={c.filledAt !== null ? `From the history cache, read from the source at ${formatInstant(c.filledAt)}` : 'From the history cache'}
    >
      cached
    </span>
  );
}

function density(d: SeriesData | undefined): string {
  if (!d || d.kind === 'empty') return 'no data';
  if (d.kind === 'raw') return 'every point';
  return d.perColumn.median === d.perColumn.max ? `${d.perColumn.max}` : `${d.perColumn.median} (≤ ${d.perColumn.max})`;
}

/** The legend: each series with its exact value at the time cursor, its window under the pointer, and how many raw points a pixel column holds. */
export function ChartLegend({ series, data, axes, hidden, hover, exact, cursorWindow, onFocusSeries, caption, formatInstant, sourcesKnown }: ChartLegendProps) {
  const byId = new Map(data?.series.map((d) => [d.id, d]));
  const layout = data?.layout ?? null;
  const listed = axes.listed;
  return (
    <div className="chart-legend">
      <p className="chart-legend__caption">{caption}</p>
      <table className="chart-legend__table">
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col" title="Exact value at the time cursor">
              At cursor
            </th>
            <th scope="col" title="The window under the pointer: min – max">
              At pointer
            </th>
            <th scope="col" title="Raw points per pixel column at this zoom (median, and most)">
              Points / px
            </th>
            <th scope="col">
              <span className="visually-hidden">Pin</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const d = byId.get(s.id);
            const reading = d && layout && hover !== null ? readingAt(d, layout, hover) : null;
            return (
              <tr
                key={s.id}
                data-series={s.key}
                data-kind={d?.kind}
                className={hidden.has(s.id) ? 'chart-legend__row--hidden' : undefined}
                onPointerEnter={() => onFocusSeries(s.id)}
                onPointerLeave={() => onFocusSeries(null)}
                onFocus={() => onFocusSeries(s.id)}
                onBlur={() => onFocusSeries(null)}
              >
                <th scope="row" className="chart-legend__name">
                  <label title={`${s.key}${s.unit ? ` (${s.unit})` : ''}`}>
                    <input type="checkbox" checked={!hidden.has(s.id)} onChange={() => useCharts.getState().toggleHidden(s.id)} />
                    <Swatch s={s} />
                    <span>{s.name}</span>
                  </label>
                  <CacheBadge d={d} formatInstant={formatInstant} />
                  {s.source === null && sourcesKnown && (
                    <span
                      className="chart-legend__badge chart-legend__badge--offline"
                      title={`Source “${s.projectSource ?? ''}” is not connected in this session: connect it (Sensors panel) to chart this sensor.`}
                    >
                      not connected
                    </span>
                  )}
                  {d?.error && (
                    <span className="chart-legend__error" role="img" aria-label={`Could not read: ${d.error}`} title={d.error}>
                      !
                    </span>
                  )}
                </th>
                <CursorCell s={s} d={d} exact={exact} layout={layout} cursorWindow={cursorWindow} />
                <PointerCell r={reading} unit={s.unit} />
                <td className="chart-legend__num">{s.source === null ? '—' : density(d)}</td>
                <td>
                  <button
                    type="button"
                    disabled={s.source === null}
                    className={`chart-legend__pin${s.pinned ? ' chart-legend__pin--on' : ''}`}
                    aria-pressed={s.pinned}
                    aria-label={`${s.pinned ? 'Unpin' : 'Pin'} ${s.name}`}
                    title={s.pinned ? 'Pinned: stays charted whatever is selected' : 'Pin: keep it charted when the selection changes'}
                    onClick={() => {
                      if (s.source === null) return;
                      const pin = { source: s.source, key: s.key, unit: s.unit };
                      if (s.pinned) useCharts.getState().unpin(pin);
                      else useCharts.getState().pin(pin);
                    }}
                  >
                    {s.pinned ? '★' : '☆'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {listed.length > 0 && (
        <p className="chart-legend__listed">
          Without an axis:{' '}
          {listed.map((u) => (
            <button key={u} type="button" className="link" onClick={() => useCharts.getState().showAxis(u)} title={`Give ${unitLabel(u)} the left axis`}>
              {unitLabel(u)}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
