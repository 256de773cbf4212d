/**
 * Where a chart's data lands on its canvas, in device pixels. The chart's path builders and the fidelity
 * test map through these same functions, so what the test rasterises is what the chart draws.
 */
import type { LineValue } from './m4';

/** The x axis of a plot: pixel column i holds [from + i·msPerPx, from + (i+1)·msPerPx). */
export interface ColumnScale {
  from: number;
  /** Milliseconds per pixel column: the window width of the layout queried at the plot's width. */
  msPerPx: number;
}

/** A y scale: `max` on row 0, `min` on the last row. */
export interface ValueScale {
  min: number;
  max: number;
}

/** The pixel column holding an instant (column 0 is the plot's left edge). */
export function pixelColumn(t: number, x: ColumnScale): number {
  return Math.floor((t - x.from) / x.msPerPx);
}

/** The pixel row of a value on a plot `heightPx` rows high (row 0 at the top). */
export function pixelRow(v: number, y: ValueScale, heightPx: number): number {
  return Math.round(((y.max - v) / (y.max - y.min)) * (heightPx - 1));
}

/** Where a traced line goes: a canvas Path2D, or a test's rasteriser. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * Trace a line through its vertices in order: `null` lifts the pen, `undefined` (and NaN) are passed over.
 * Vertices falling on one pixel column are drawn as that column's vertical run from their lowest to their
 * highest pixel, entered at the first and left at the last: the same pixels as the zigzag through them (it
 * lies inside the run), in two segments per column instead of up to four (M4 puts four vertices on each).
 * Every stroke starts with a zero-length segment, so a lone vertex is still drawn (canvas draws zero-length
 * segments with square caps, which the chart uses).
 */
export function traceLine(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: (t: number) => number, y: (v: number) => number, pen: Pen): void {
  let down = false;
  let col = NaN;
  let lo = 0;
  let hi = 0;
  let exit = 0;
  const endColumn = () => {
    if (lo === hi) return;
    pen.moveTo(col, lo);
    pen.lineTo(col, hi);
    pen.moveTo(col, exit);
  };
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v === null) {
      if (down) endColumn();
      down = false;
      continue;
    }
    if (v === undefined || Number.isNaN(v)) continue;
    const px = x(ts[i] as number);
    const py = y(v);
    if (down && px === col) {
      if (py < lo) lo = py;
      if (py > hi) hi = py;
      exit = py;
      continue;
    }
    if (down) {
      endColumn();
      pen.lineTo(px, py);
    } else {
      pen.moveTo(px, py);
      pen.lineTo(px, py);
      down = true;
    }
    col = px;
    lo = hi = exit = py;
  }
  if (down) endColumn();
}
