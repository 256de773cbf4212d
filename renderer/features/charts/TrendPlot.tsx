import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimeRange } from '../../../shared/series/types';
import { timeStore } from '../time/time-store';
import type { ChartSeries } from './charted-series';
import { offlineFrom, type PlotData } from './plot-data';
import { plotLines } from './plot-lines';
import { plotOptions } from './plot-options';
import type { DrawState } from './plot-paths';
import type { AxisPlan } from './unit-axes';
import { cursorOverlay } from './cursor-overlay';
import { columnStart, followBoxSize, hatchOffline, selectionRange, shadeOutside } from './plot-geometry';

export interface TrendPlotProps {
  series: readonly ChartSeries[];
  hidden: ReadonlySet<string>;
  axes: AxisPlan;
  zone: string;
  data: PlotData | null;
  range: TimeRange;
  band: boolean;
  /** The series the legend points at: the others are dimmed, so lines sharing a colour can be told apart. */
  focused: string | null;
  /** The plot area's width in device pixels changed: one window per pixel column is asked for at this width. */
  onPlotWidth(px: number): void;
  /** The pointer is over the window starting at this instant (null: off the plot). */
  onHover(windowStart: number | null): void;
  /** The data of a load is on the canvas. */
  onDrawn(data: PlotData): void;
}

/** The uPlot canvas: created per set of series and axes, fed data, sized to its box; cursor and zoom go to the time store. */
export function TrendPlot(props: TrendPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const draw = useRef<DrawState>({ data: null, band: props.band });
  const latest = useRef(props);
  // Callbacks handed to uPlot read the newest props; layout effects run before the effects below.
  useLayoutEffect(() => {
    latest.current = props;
  });
  const drawn = useRef<PlotData | null>(null);

  // The x span: the windows' own span when the data answers the current range (window i on column i), else the range.
  const xRange = (): [number, number] => {
    const { data, range } = latest.current;
    if (data && data.request.range.from === range.from && data.request.range.to === range.to) {
      return [data.layout.from, data.layout.from + data.request.widthPx * data.layout.width];
    }
    return [range.from, range.to];
  };

  const shape = useMemo(
    () => JSON.stringify([props.series.map((s) => [s.id, s.unit, s.colour, s.name]), [...props.hidden].sort(), props.axes, props.zone, props.band]),
    [props.series, props.hidden, props.axes, props.zone, props.band],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const { series, hidden, axes, zone, band } = latest.current;
    draw.current.band = band;
    const rect = el.getBoundingClientRect();
    const size = { width: Math.max(50, Math.floor(rect.width)), height: Math.max(40, Math.floor(rect.height)) };
    let overlay: ReturnType<typeof cursorOverlay> | null = null;
    const reportWidth = (u: uPlot) => latest.current.onPlotWidth(u.bbox.width);
    const opts = plotOptions(series, hidden, axes, zone, size, draw.current, {
      xRange,
      onSelect(u) {
        const picked = selectionRange(u, latest.current.range);
        u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        if (picked) timeStore.getState().zoomTo(picked);
      },
      onHover(u) {
        const left = u.cursor.left;
        latest.current.onHover(left == null || left < 0 ? null : columnStart(u, left, draw.current.data));
      },
      onDoubleClick: () => timeStore.getState().zoomBack(),
      onSize: reportWidth,
      onDraw(u) {
        shadeOutside(u, latest.current.range);
        const offline = offlineFrom(draw.current.data);
        if (offline !== null) hatchOffline(u, offline);
        overlay?.place();
        const data = draw.current.data;
        if (data && drawn.current !== data) {
          drawn.current = data;
          performance.mark('twin:chart-drawn');
          latest.current.onDrawn(data);
        }
      },
      onReady(u) {
        overlay = cursorOverlay(u);
        reportWidth(u);
      },
    });
    const u = new uPlot(opts, emptyData(series.length), el);
    plot.current = u;
    drawn.current = null;
    if (draw.current.data && answers(draw.current.data, series)) setPlotData(u, draw.current.data);
    const stopFollowing = followBoxSize(u, el);
    return () => {
      stopFollowing();
      overlay?.dispose();
      u.destroy();
      plot.current = null;
    };
    // The plot is rebuilt when its shape changes; data and range go through refs and setData.
  }, [shape]);

  useEffect(() => {
    const u = plot.current;
    // Data loaded for other series (the selection just changed) is never drawn under these series' names.
    const data = props.data && answers(props.data, latest.current.series) ? props.data : null;
    draw.current.data = data;
    if (!u) return;
    if (data) setPlotData(u, data);
    else u.setData(emptyData(u.series.length - 1));
  }, [props.data, shape]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    const i = props.focused === null ? -1 : props.series.findIndex((s) => s.id === props.focused);
    u.setSeries(i < 0 ? null : i + 1, { focus: i >= 0 });
  }, [props.focused, props.series, shape]);

  // A new range before its data: redraw what is there on the new x span at once.
  useEffect(() => {
    const u = plot.current;
    if (u) u.setScale('x', { min: xRange()[0], max: xRange()[1] });
  }, [props.range.from, props.range.to]);

  return <div className="trend__plot" ref={box} />;
}

/** Whether data was loaded for exactly these series, in this order (the plot draws series by position). */
function answers(data: PlotData, series: readonly ChartSeries[]): boolean {
  const asked = data.request.series;
  return asked.length === series.length && asked.every((s, i) => s.id === series[i]?.id);
}

function emptyData(n: number): uPlot.AlignedData {
  return [[], ...Array.from({ length: n }, () => [])] as unknown as uPlot.AlignedData;
}

function setPlotData(u: uPlot, data: PlotData): void {
  const lines = plotLines(data);
  u.setData([lines.t, ...lines.v] as unknown as uPlot.AlignedData);
}
