/**
 * A sensor's usual interval between points, learned from its data, and the stale limit past which two
 * neighbouring points are a gap in the data rather than a line.
 */
import type { SeriesWindows, WindowLayout } from './types';

/** Points further apart than this many usual intervals are a gap. */
export const STALE_MULTIPLE = 5;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] as number;
}

/**
 * The usual interval from windows: the median of width / count over windows holding at least two points
 * (a window partly in a gap holds fewer, and the median passes over those). Null when no window holds two.
 */
export function intervalFromWindows(w: SeriesWindows, layout: WindowLayout): number | null {
  const per: number[] = [];
  for (const c of w.count) if (c >= 2) per.push(layout.width / c);
  return median(per);
}

/** The usual interval of raw points: the median distance between neighbours; null with fewer than two. */
export function intervalFromRaw(t: ArrayLike<number>): number | null {
  const d: number[] = [];
  for (let i = 1; i < t.length; i++) d.push((t[i] as number) - (t[i - 1] as number));
  return median(d);
}

/** The stale limit for a usual interval; with no interval known, nothing is called a gap. */
export function staleLimit(intervalMs: number | null, multiple = STALE_MULTIPLE): number {
  return intervalMs === null ? Number.POSITIVE_INFINITY : Math.max(1, intervalMs * multiple);
}
