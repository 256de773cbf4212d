/**
 * The stale limit past which two neighbouring points are a gap in the data rather than a line, from a
 * sensor's usual interval (learned from its windows by series-profile.ts, or from raw points here).
 */
import { DEFAULT_QUALITY } from './cursor-reading';

/** The usual interval of raw points: the median distance between neighbours; null with fewer than two. */
export function intervalFromRaw(t: ArrayLike<number>): number | null {
  const d: number[] = [];
  for (let i = 1; i < t.length; i++) d.push((t[i] as number) - (t[i - 1] as number));
  if (d.length === 0) return null;
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)] as number;
}

/** The stale limit: `multiple` usual intervals (the quality settings' "stale after"); with no interval known, nothing is a gap. */
export function staleLimit(intervalMs: number | null, multiple = DEFAULT_QUALITY.staleAfter): number {
  return intervalMs === null ? Number.POSITIVE_INFINITY : Math.max(1, intervalMs * multiple);
}
