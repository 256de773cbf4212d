/**
 * M4 (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014): a line chart
 * drawn through the first, min, max and last value of each pixel column lights exactly the pixels that the
 * line through every raw point lights, provided every window covers exactly one pixel column.
 * The chart lays its x axis out so window i of `windowLayout(range, plotWidthPx)` is pixel column i
 * (see plot-pixels.ts); this module turns the windows into the polyline it draws.
 */
import type { SeriesWindows, WindowLayout } from './types';

/**
 * One value of a drawn line: a number is a vertex; `undefined` is no vertex here (the line goes on past it);
 * `null` lifts the pen, so the next vertex starts a new stroke (a gap).
 */
export type LineValue = number | null | undefined;

/** Slots per window: first, min, max, last. */
export const M4_SLOTS = 4;

/** Time of every slot: each window's start, four times (all four vertices of a window sit on its pixel column). */
export function m4Times(layout: WindowLayout): number[] {
  const out = new Array<number>(layout.n * M4_SLOTS);
  for (let i = 0; i < layout.n; i++) {
    const t = layout.from + i * layout.width;
    const s = i * M4_SLOTS;
    out[s] = out[s + 1] = out[s + 2] = out[s + 3] = t;
  }
  return out;
}

/**
 * Whether the line must break between two non-empty windows i < j: the points in them are at least
 * (j − i − 1)·width + 1 ms apart, and a distance over the sensor's stale limit is a gap, never bridged.
 * Neighbouring windows never break: a gap shorter than a pixel column cannot be told from the data.
 */
export function breaksBetween(i: number, j: number, widthMs: number, staleLimitMs: number): boolean {
  return j > i + 1 && (j - i - 1) * widthMs + 1 > staleLimitMs;
}

/**
 * The M4 polyline of one series over the layout it was queried with: 4 slots per window, aligned with
 * `m4Times`. Within a window the order of min and max is unknown but cannot matter: all four vertices
 * share one pixel column, so they light that column from its min to its max whatever their order.
 * Empty windows are `undefined`; a gap (see `breaksBetween`) puts `null` in the first empty slot after it.
 */
export function m4Line(w: SeriesWindows, layout: WindowLayout, staleLimitMs: number): LineValue[] {
  const out = new Array<LineValue>(layout.n * M4_SLOTS).fill(undefined);
  let prev = -1;
  for (let k = 0; k < w.t.length; k++) {
    const i = Math.round(((w.t[k] as number) - layout.from) / layout.width);
    if (i < 0 || i >= layout.n) continue;
    if (prev >= 0 && breaksBetween(prev, i, layout.width, staleLimitMs)) out[(prev + 1) * M4_SLOTS] = null;
    const s = i * M4_SLOTS;
    out[s] = w.first[k];
    out[s + 1] = w.min[k];
    out[s + 2] = w.max[k];
    out[s + 3] = w.last[k];
    prev = i;
  }
  return out;
}

/** The line through raw points, broken where two neighbours are further apart than the stale limit. */
export function rawLine(t: ArrayLike<number>, v: ArrayLike<number>, staleLimitMs: number): { t: number[]; v: LineValue[] } {
  const ts: number[] = [];
  const vs: LineValue[] = [];
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ts.length > 0 && ti - (ts[ts.length - 1] as number) > staleLimitMs) {
      ts.push(ti);
      vs.push(null);
    }
    ts.push(ti);
    vs.push(v[i] as number);
  }
  return { t: ts, v: vs };
}
