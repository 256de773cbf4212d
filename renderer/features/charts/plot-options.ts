/** uPlot options of the trend plot: one scale per unit, two axes at most, the chart's own path builders. */
import type uPlot from 'uplot';
import { dragSelectCursor } from './plot-geometry';
import type { ChartSeries } from './charted-series';
import { chartPaths, type DrawState } from './plot-paths';
import { PlotRaster } from './plot-raster';
import { zoneDate } from './zone-date';
import { unitLabel, type AxisPlan } from './unit-axes';

/** Width of a y-axis, label included, in CSS pixels: fixed, so the plot's width (and the windows asked for) does not follow tick labels. */
export const Y_AXIS_PX = 64;
const X_AXIS_PX = 34;
const LABEL_PX = 16;

export function scaleOfUnit(unit: string): string {
  return `u:${unit}`;
}

/** A y range with a little room above and below, so the extremes do not sit on the plot's edge. */
export function paddedRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) {
    const pad = Math.abs(min) * 0.05 || 1;
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

export interface PlotCallbacks {
  /** The x scale's span: the queried windows' span over the plot, or the time range before data. */
  xRange(): [number, number];
  onSelect(u: uPlot): void;
  onHover(u: uPlot): void;
  onDoubleClick(): void;
  onSize(u: uPlot): void;
  onDraw(u: uPlot): void;
  onReady(u: uPlot): void;
}

const AXIS_STROKE = '#5f6f7f';
const GRID = { stroke: '#e6eaee', width: 1 };

/** The options of a plot of `series` (hidden ones kept, not shown) in a zone, sized in CSS pixels. */
export function plotOptions(
  series: readonly ChartSeries[],
  hidden: ReadonlySet<string>,
  axes: AxisPlan,
  zone: string,
  size: { width: number; height: number },
  state: DrawState,
  cb: PlotCallbacks,
): uPlot.Options {
  const units = [...new Set(series.map((s) => s.unit))];
  const scales: uPlot.Scales = { x: { time: true, range: () => cb.xRange() } };
  for (const u of units) scales[scaleOfUnit(u)] = { auto: true, range: (_u, min, max) => paddedRange(min, max) };
  const yAxes: uPlot.Axis[] = axes.visible.map((unit, i) => ({
    scale: scaleOfUnit(unit),
    side: i === 0 ? 3 : 1,
    size: Y_AXIS_PX - LABEL_PX,
    label: unitLabel(unit),
    labelSize: LABEL_PX,
    labelGap: 0,
    stroke: AXIS_STROKE,
    grid: i === 0 ? GRID : { show: false },
    ticks: { stroke: GRID.stroke, width: 1, size: 4 },
  }));
  const colours = series.map((s) => s.colour);
  const raster = new PlotRaster();
  const paths = chartPaths(state, colours, raster);
  return {
    width: size.width,
    height: size.height,
    ms: 1,
    tzDate: zoneDate(zone),
    legend: { show: false },
    focus: { alpha: 0.2 },
    scales,
    axes: [{ scale: 'x', size: X_AXIS_PX, stroke: AXIS_STROKE, grid: GRID, ticks: { stroke: GRID.stroke, width: 1, size: 4 }, space: 70 }, ...yAxes],
    series: [
      {},
      ...series.map((s): uPlot.Series => ({
        label: s.name,
        scale: scaleOfUnit(s.unit),
        show: !hidden.has(s.id),
        stroke: s.colour,
        width: 1,
        // Square caps draw a lone vertex (a window between two gaps) as a dot, and end vertical runs on whole pixels.
        cap: 'square',
        paths,
        points: { show: false },
        spanGaps: true,
      })),
    ],
    cursor: {
      x: true,
      y: false,
      points: { show: false },
      focus: { prox: -1 },
      ...dragSelectCursor(cb.onDoubleClick),
    },
    select: { show: true, left: 0, top: 0, width: 0, height: 0 },
    hooks: {
      setSelect: [cb.onSelect],
      setCursor: [cb.onHover],
      setSize: [cb.onSize],
      drawClear: [raster.start],
      drawSeries: [raster.drawn],
      draw: [cb.onDraw],
      ready: [cb.onReady],
    },
  };
}
