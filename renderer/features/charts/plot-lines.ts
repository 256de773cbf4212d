/** A plot's data as the lines it draws, on uPlot's one time axis, and what the pointer reads at a pixel column. */
import { alignLines, type TimedLine } from '../../../shared/series/align-lines';
import { m4Line, m4Times, rawLine, type LineValue } from '../../../shared/series/m4';
import type { WindowLayout } from '../../../shared/series/types';
import type { PlotData, SeriesData } from './plot-data';

export interface PlotLines {
  t: ArrayLike<number>;
  /** One line per series, in the plot's series order. */
  v: ArrayLike<LineValue>[];
}

/** The drawn lines: M4 through the windows, or the raw points; gaps broken by each series' stale limit. */
export function plotLines(data: PlotData): PlotLines {
  const times = m4Times(data.layout);
  const lines: TimedLine[] = data.series.map((s) => {
    if (s.kind === 'raw' && s.raw) return rawLine(s.raw.t, s.raw.v, s.staleLimitMs);
    if (s.windows) return { t: times, v: m4Line(s.windows, data.layout, s.staleLimitMs) };
    return { t: times, v: [] };
  });
  return alignLines(lines);
}

/** What a series holds in one window (one pixel column). */
export interface WindowReading {
  min: number;
  max: number;
  first: number;
  last: number;
  count: number;
  mean: number | null;
}

/** The window of a series that starts at `windowStart`, or null when it holds no point. */
export function readingAt(s: SeriesData, layout: WindowLayout, windowStart: number): WindowReading | null {
  if (s.kind === 'raw' && s.raw) {
    // Raw points in the column, summarised like a window (the source's window would say the same).
    const end = windowStart + layout.width;
    let r: WindowReading | null = null;
    for (let i = 0; i < s.raw.t.length; i++) {
      const t = s.raw.t[i] as number;
      if (t < windowStart || t >= end) continue;
      const v = s.raw.v[i] as number;
      if (!r) r = { min: v, max: v, first: v, last: v, count: 0, mean: null };
      r.min = Math.min(r.min, v);
      r.max = Math.max(r.max, v);
      r.last = v;
      r.count++;
    }
    return r;
  }
  const w = s.windows;
  if (!w) return null;
  const k = binarySearch(w.t, windowStart);
  if (k < 0) return null;
  const mean = w.mean[k];
  return {
    min: w.min[k] as number,
    max: w.max[k] as number,
    first: w.first[k] as number,
    last: w.last[k] as number,
    count: w.count[k] as number,
    mean: mean === undefined ? null : mean,
  };
}

function binarySearch(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid] as number;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
