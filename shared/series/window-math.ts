import type { SeriesWindows, TimeRange, WindowLayout } from './types';
import { emptyWindows } from './types';

/** Most windows one request may ask for per series. */
export const MAX_WINDOWS = 20_000;

/**
 * Lay out at most n windows over a range: they start at `from`, each `width` ms wide (whole ms, at least 1),
 * so window i covers [from + i·width, from + (i+1)·width) clipped to `to`. Every source uses this layout.
 */
export function windowLayout(range: TimeRange, n: number): WindowLayout {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WINDOWS) throw new RangeError(`n must be an integer from 1 to ${MAX_WINDOWS}, got ${n}`);
  if (!(range.to > range.from)) throw new RangeError('the range must end after it starts');
  const span = range.to - range.from;
  const width = Math.max(1, Math.ceil(span / n));
  return { from: range.from, to: range.to, width, n: Math.ceil(span / width) };
}

/** Index of the window holding t, or -1 when t is outside the layout. */
export function windowIndex(layout: WindowLayout, t: number): number {
  if (t < layout.from || t >= layout.to) return -1;
  return Math.floor((t - layout.from) / layout.width);
}

/**
 * Aggregate raw points into windows by brute force: the reference every source is tested against,
 * and the local fallback for short ranges. Points must be sorted by time.
 */
export function aggregateWindows(key: string, t: ArrayLike<number>, v: ArrayLike<number>, layout: WindowLayout): SeriesWindows {
  const out = emptyWindows(key);
  let current = -1;
  let sum = 0;
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    const vi = v[i] as number;
    const w = windowIndex(layout, ti);
    if (w < 0 || Number.isNaN(vi)) continue;
    if (w !== current) {
      if (current >= 0) out.mean[out.mean.length - 1] = sum / (out.count[out.count.length - 1] as number);
      current = w;
      sum = 0;
      out.t.push(layout.from + w * layout.width);
      out.min.push(vi);
      out.max.push(vi);
      out.mean.push(0);
      out.first.push(vi);
      out.last.push(vi);
      out.count.push(0);
    }
    const j = out.t.length - 1;
    if (vi < (out.min[j] as number)) out.min[j] = vi;
    if (vi > (out.max[j] as number)) out.max[j] = vi;
    out.last[j] = vi;
    out.count[j] = (out.count[j] as number) + 1;
    sum += vi;
  }
  if (current >= 0) out.mean[out.mean.length - 1] = sum / (out.count[out.count.length - 1] as number);
  return out;
}
