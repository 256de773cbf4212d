/**
 * uPlot path builders for the chart's lines. They place every vertex through shared/series/plot-pixels, the
 * same mapping the fidelity test rasterises, instead of uPlot's own (which rounds x to the nearest pixel
 * and decimates): window i is drawn on pixel column i, exactly.
 */
import uPlot from 'uplot';
import { breaksBetween, type LineValue } from '../../../shared/series/m4';
import { pixelColumn, pixelRow, traceLine, type ColumnScale, type ValueScale } from '../../../shared/series/plot-pixels';
import type { SeriesWindows, WindowLayout } from '../../../shared/series/types';
import type { PlotData } from './plot-data';
import type { PlotRaster } from './plot-raster';

/** What the builders read at draw time (a ref the plot keeps current, so options need not be rebuilt). */
export interface DrawState {
  data: PlotData | null;
  band: boolean;
}

interface Mapping {
  x(t: number): number;
  y(v: number): number;
  /** The same in plot pixels (0, 0 at the plot's top left), for the raster. */
  plotX(t: number): number;
  plotY(v: number): number;
}

/** Canvas coordinates of a series' scale: columns of the x scale's span over the plot's width in device pixels. */
function mappingOf(u: uPlot, scaleKey: string): Mapping | null {
  const xs = u.scales.x;
  const ys = u.scales[scaleKey];
  if (!xs || !ys || xs.min == null || xs.max == null || ys.min == null || ys.max == null || !(ys.max > ys.min)) return null;
  const { left, top, width, height } = u.bbox;
  const cols: ColumnScale = { from: xs.min, msPerPx: (xs.max - xs.min) / width };
  const vals: ValueScale = { min: ys.min, max: ys.max };
  return {
    x: (t) => left + pixelColumn(t, cols),
    y: (v) => top + pixelRow(v, vals, height),
    plotX: (t) => pixelColumn(t, cols),
    plotY: (v) => pixelRow(v, vals, height),
  };
}

function markers(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, m: Mapping, size: number): Path2D {
  const p = new Path2D();
  const h = size / 2;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    p.rect(m.x(ts[i] as number) - h, m.y(v) - h, size, size);
  }
  return p;
}

/** Window index of each window start, and whether the line breaks before it (the M4 line's gap rule). */
function runsOf(w: SeriesWindows, layout: WindowLayout, staleLimitMs: number): boolean[] {
  const breaks: boolean[] = [];
  let prev = -1;
  for (let k = 0; k < w.t.length; k++) {
    const i = Math.round(((w.t[k] as number) - layout.from) / layout.width);
    breaks.push(prev >= 0 && breaksBetween(prev, i, layout.width, staleLimitMs));
    prev = i;
  }
  return breaks;
}

/** The min–max band of each run of windows, a column wide per window, and the mean line through them. */
function bandPaths(w: SeriesWindows, layout: WindowLayout, staleLimitMs: number, m: Mapping): { band: Path2D; mean: Path2D } {
  const band = new Path2D();
  const mean = new Path2D();
  const breaks = runsOf(w, layout, staleLimitMs);
  const ts: number[] = [];
  const vs: LineValue[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end <= start) return;
    for (let k = start; k < end; k++) {
      const x = m.x(w.t[k] as number);
      const y = m.y(w.max[k] as number);
      if (k === start) band.moveTo(x, y);
      else band.lineTo(x, y);
      band.lineTo(x + 1, y);
    }
    for (let k = end - 1; k >= start; k--) {
      const x = m.x(w.t[k] as number);
      const y = m.y(w.min[k] as number);
      band.lineTo(x + 1, y);
      band.lineTo(x, y);
    }
    band.closePath();
  };
  for (let k = 0; k < w.t.length; k++) {
    if (breaks[k]) {
      flush(k);
      start = k;
      ts.push(w.t[k] as number);
      vs.push(null);
    }
    ts.push(w.t[k] as number);
    vs.push(w.mean[k]);
  }
  flush(w.t.length);
  traceLine(ts, vs, m.x, m.y, mean);
  return { band, mean };
}

/** Hex colour with an alpha byte. */
function withAlpha(colour: string, alpha: number): string {
  return `${colour}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/**
 * The path builder of the chart's series: M4 line (traced into `raster` when given, drawn by its hooks: no
 * path), raw points with markers, or mean and band.
 */
export function chartPaths(state: DrawState, colours: readonly string[], raster?: PlotRaster): uPlot.Series.PathBuilder {
  return (u, si) => {
    const s = state.data?.series[si - 1];
    const scaleKey = u.series[si]?.scale;
    const m = scaleKey ? mappingOf(u, scaleKey) : null;
    if (!s || !m || !state.data) return null;
    const colour = colours[si - 1] ?? '#000000';
    const ts = u.data[0] as ArrayLike<number>;
    const vs = u.data[si] as ArrayLike<LineValue>;
    if (state.band && s.kind === 'windows' && s.windows && s.windows.mean.length === s.windows.t.length) {
      const { band, mean } = bandPaths(s.windows, state.data.layout, s.staleLimitMs, m);
      return { stroke: mean, fill: new Map([[withAlpha(colour, 0.22), band]]), clip: null, band: null, flags: 0 };
    }
    if (s.kind === 'windows' && raster?.trace(u, si, colour, ts, vs, m.plotX, m.plotY)) return null;
    const stroke = new Path2D();
    traceLine(ts, vs, m.x, m.y, stroke);
    const fill = s.kind === 'raw' ? new Map([[colour, markers(ts, vs, m, Math.max(3, Math.round(3 * uPlot.pxRatio)))]]) : null;
    return { stroke, fill, clip: null, band: null, flags: 0 };
  };
}
