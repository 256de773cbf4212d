import { lazy, Suspense, useMemo, useState, type KeyboardEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import { isoInZone } from '../../../shared/time/zone-format';
import { isValidTimeZone } from '../../../shared/time/zone-offsets';
import { useApp } from '../../stores/app-store';
import { documentStore } from '../../stores/document-store';
import { useView } from '../../stores/view-store';
import { runCommand } from '../../commands/registry';
import { useQuality } from '../values/quality-settings';
import { useTime } from '../time/time-store';
import { chartedSeries } from './charted-series';
import { onPlotKeyDown, PLOT_KEYS } from './chart-keys';
import { useCharts } from './chart-store';
import { ChartLegend } from './ChartLegend';
import { DockResizer } from './DockResizer';
import { formatSpan, shortIso } from './format';
import { offlineFrom, type PlotData, type PlotRequest } from './plot-data';
import { planAxes } from './unit-axes';
import { useCursorValues } from './use-cursor-values';
import { useSensorSourceOf } from './use-sensor-source';
import { useResidualRuns } from './use-residual-runs';
import { ResidualFigure } from './ResidualFigure';
import { usePlotData } from './use-plot-data';
import './charts.css';

function instantText(t: number, zone: string): string {
  try {
    return shortIso(isoInZone(t, zone));
  } catch {
    // A zone this runtime does not know: UTC, said so.
    return `${shortIso(new Date(t).toISOString())} UTC`;
  }
}

// uPlot loads with the first chart, not with the editor.
const TrendPlot = lazy(() => import('./TrendPlot').then((m) => ({ default: m.TrendPlot })));

/** The Charts dock: the selection's sensors and the pinned ones over the time store's range, one window per pixel column. */
export function ChartsPanel() {
  const twin = useStoreWithEqualityFn(
    documentStore,
    (s) => ({ sources: s.twin.sources, assets: s.twin.assets, sensors: s.twin.sensors, connections: s.twin.connections, meta: s.twin.meta }),
    shallow,
  );
  const selected = useView((s) => s.selectedAssets);
  // Residual results of the selected assets' models, under the trend (issue 11).
  const residuals = useResidualRuns(selected);
  const { pinned, view, axisUnits, hidden, height } = useStoreWithEqualityFn(
    useCharts,
    (s) => ({ pinned: s.pinned, view: s.view, axisUnits: s.axisUnits, hidden: s.hidden, height: s.height }),
    shallow,
  );
  const range = useTime((s) => s.range);
  const cursor = useTime((s) => s.cursor);
  const canZoomBack = useTime((s) => s.previous.length > 0);
  const revision = useApp((s) => (s.demoData?.state === 'ready' ? 1 : 0));
  // Gaps are where a value would be called stale: the same multiple of the usual interval the schematic uses.
  const staleAfter = useQuality((s) => s.settings.staleAfter);
  // A zone this runtime does not know is shown as UTC (the inspector flags the project's zone).
  const zone = isValidTimeZone(twin.meta.timeZone) ? twin.meta.timeZone : 'UTC';

  const { sourceOf, known: sourcesKnown } = useSensorSourceOf();
  const series = useMemo(
    () => chartedSeries({ ...twin, systems: {}, models: {} }, selected, pinned, sourceOf),
    // The twin's parts are compared one by one: an edit elsewhere in the document keeps the series.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [twin.sources, twin.meta.defaultSource, twin.assets, twin.sensors, twin.connections, selected, pinned, sourceOf],
  );
  // Only series a connection of this session serves are read; the legend says why the others are empty.
  const readable = useMemo(() => series.filter((s) => s.source !== null), [series]);
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.id)), [series, hidden]);
  const axes = useMemo(
    () =>
      planAxes(
        shown.map((s) => s.unit),
        axisUnits,
      ),
    [shown, axisUnits],
  );

  const [widthPx, setWidthPx] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const [drawn, setDrawn] = useState<PlotData | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const request = useMemo<PlotRequest | null>(
    () =>
      range && widthPx > 0 && readable.length > 0
        ? { range, widthPx, series: series.map(({ id, source, key }) => ({ id, source, key })), band: view === 'band', staleAfter }
        : null,
    [range, widthPx, series, readable.length, view, staleAfter],
  );
  const { data, loading, error } = usePlotData(request, revision);
  const exact = useCursorValues(series);
  const layout = data?.layout ?? null;
  const cursorWindow =
    layout && cursor !== null && cursor >= layout.from ? layout.from + Math.floor((cursor - layout.from) / layout.width) * layout.width : null;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => onPlotKeyDown(e, layout?.width ?? null, widthPx);

  const names = series.map((s) => s.name).join(', ');
  const state = error ? 'error' : readable.length === 0 && sourcesKnown ? 'unconnected' : !request || loading || !data || data !== drawn ? 'loading' : 'ready';
  return (
    <section
      className={`charts${residuals.length > 0 && range ? ' charts--with-residuals' : ''}`}
      aria-label="Charts"
      data-cursor={cursor ?? undefined}
      style={{ height }}
    >
      <DockResizer />
      <header className="charts__bar">
        <h2 className="charts__title">Charts</h2>
        {range && (
          <span className="charts__range">
            {instantText(range.from, zone)} – {instantText(range.to, zone)} <span className="muted">({zone})</span>
          </span>
        )}
        <span className="charts__spacer" />
        <div role="radiogroup" aria-label="Chart view" className="charts__view">
          <button
            type="button"
            role="radio"
            aria-checked={view === 'line'}
            onClick={() => useCharts.getState().setView('line')}
            title="First, min, max and last of each pixel column: every spike"
          >
            Line
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={view === 'band'}
            onClick={() => useCharts.getState().setView('band')}
            title="Mean of each pixel column inside its min–max band"
          >
            Mean and band
          </button>
        </div>
        <button
          type="button"
          onClick={() => runCommand('time.zoomBack')}
          disabled={!canZoomBack}
          title="Back to the range before the last zoom (double-click the plot)"
        >
          Zoom out
        </button>
        {pinned.length > 0 && (
          <button type="button" onClick={() => useCharts.getState().clearPins()}>
            Unpin all
          </button>
        )}
      </header>
      <div className="charts__stack">
        {series.length === 0 ? (
          <p className="charts__empty muted">Select an asset with bound sensors on the schematic, or pin sensors, to chart them.</p>
        ) : (
          <div className="charts__body">
            <figure
              className="trend"
              aria-label={names}
              tabIndex={0}
              onKeyDown={onKeyDown}
              data-own-keys={PLOT_KEYS}
              data-state={state}
              data-from={drawn?.layout.from}
              data-to={drawn?.layout.to}
              data-windows={drawn?.request.widthPx}
              data-window-ms={drawn?.layout.width}
              data-snapped={drawn?.snappedTo ?? undefined}
              data-offline-from={offlineFrom(drawn) ?? undefined}
              data-hover={hover ?? undefined}
            >
              {range ? (
                <Suspense fallback={<div className="trend__plot" />}>
                  <TrendPlot
                    series={series}
                    hidden={hidden}
                    axes={axes}
                    zone={zone}
                    data={data}
                    range={range}
                    band={view === 'band'}
                    focused={focused}
                    onPlotWidth={setWidthPx}
                    onHover={setHover}
                    onDrawn={setDrawn}
                  />
                </Suspense>
              ) : (
                <p className="charts__empty muted">Choose a time range.</p>
              )}
              {error ? (
                <p className="charts__note charts__note--error" role="alert">
                  {error}
                </p>
              ) : readable.length === 0 && sourcesKnown ? (
                <p className="charts__note">No connection of this session serves these sensors' sources: connect one in the Sensors panel.</p>
              ) : drawn && drawn === data && drawn.series.every((s) => s.kind === 'empty') ? (
                <p className="charts__note">No data from these sensors in this range.</p>
              ) : null}
            </figure>
            <ChartLegend
              series={series}
              data={drawn}
              axes={axes}
              hidden={hidden}
              hover={hover}
              exact={exact}
              cursorWindow={cursorWindow}
              onFocusSeries={setFocused}
              formatInstant={(t) => instantText(t, zone)}
              sourcesKnown={sourcesKnown}
              caption={
                state === 'loading' ? (
                  <span className="muted" role="status">
                    Reading…
                  </span>
                ) : (
                  layout && (
                    <>
                      1 px = {formatSpan(layout.width)}
                      {data?.snappedTo ? (
                        <span title="The history cache answered: window edges on whole buckets">, snapped to {formatSpan(data.snappedTo)}</span>
                      ) : null}
                      {offlineFrom(drawn) !== null && (
                        <span className="charts__offline" title="The source could not be reached: past this instant nothing was read (hatched)">
                          , source offline from {instantText(offlineFrom(drawn) as number, zone)}
                        </span>
                      )}
                      {hover !== null && (
                        <>
                          {' · '}pointer {instantText(hover, zone)} <span className="muted">+ {formatSpan(layout.width)}</span>
                        </>
                      )}
                    </>
                  )
                )
              }
            />
          </div>
        )}
        {range && residuals.map((r) => <ResidualFigure key={r.modelId} shown={r} range={range} zone={zone} cursor={cursor} />)}
      </div>
    </section>
  );
}
