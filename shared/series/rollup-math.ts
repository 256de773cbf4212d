import type { SeriesWindows, TimeRange, WindowLayout } from './types';
import { emptyWindows } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Bucket widths of the rollup levels, finest first, all dividing a UTC day. Neighbours differ by 3–6×, so a
 * window composed of "at least 10 buckets of the coarsest fitting level" holds 10–60 of them: every range
 * costs about the same (a year and five years alike), where the 1 min / 15 min / 1 h / 1 d ladder alone
 * would let a window hold up to 240.
 */
export const ROLLUP_LEVELS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR, DAY];

/** A window must hold at least this many buckets of the level answering it, so snapping moves its edges by at most a tenth. */
export const MIN_BUCKETS_PER_WINDOW = 10;

/** Buckets per fill query: one aggregate query per series, level and slice of this many buckets. */
export const SLICE_BUCKETS = 2_880;

/** Per series and bucket, what composes exactly into any coarser window. Arrays are parallel; empty buckets are left out. */
export interface SeriesBuckets {
  key: string;
  /** Bucket start, epoch ms. */
  t: number[];
  count: number[];
  sum: number[];
  min: number[];
  max: number[];
  first: number[];
  last: number[];
  /** Time of the first and last point in the bucket; NaN where the source cannot tell (InfluxQL and Flux selectors report the window start). */
  tFirst: number[];
  tLast: number[];
}

export function emptyBuckets(key: string): SeriesBuckets {
  return { key, t: [], count: [], sum: [], min: [], max: [], first: [], last: [], tFirst: [], tLast: [] };
}

/** The coarsest level whose bucket fits MIN_BUCKETS_PER_WINDOW times in a window of this width; undefined for short windows (the source answers). */
export function chooseLevel(windowWidth: number, levels: readonly number[] = ROLLUP_LEVELS_MS): number | undefined {
  let best: number | undefined;
  for (const b of levels) if (b * MIN_BUCKETS_PER_WINDOW <= windowWidth && (best === undefined || b > best)) best = b;
  return best;
}

/**
 * A layout whose window edges are whole buckets: `from` down and `to` up to a bucket boundary, and the
 * width a whole number of buckets chosen so there are still at most `n` windows. Windows then hold whole
 * buckets only, so composing buckets gives exactly what the source would give over the same windows.
 */
export function snapLayout(layout: WindowLayout, bucket: number): WindowLayout {
  const from = Math.floor(layout.from / bucket) * bucket;
  const to = Math.ceil(layout.to / bucket) * bucket;
  const width = bucket * Math.max(1, Math.ceil((to - from) / (layout.n * bucket)));
  return { from, to, width, n: Math.ceil((to - from) / width) };
}

/** The part of a layout from window `startIndex` on, with the same width and alignment. */
export function tailLayout(layout: WindowLayout, startIndex: number): WindowLayout {
  const from = layout.from + startIndex * layout.width;
  return { from, to: layout.to, width: layout.width, n: Math.ceil((layout.to - from) / layout.width) };
}

/** The first `count` windows of a layout. */
export function headLayout(layout: WindowLayout, count: number): WindowLayout {
  return { from: layout.from, to: Math.min(layout.to, layout.from + count * layout.width), width: layout.width, n: count };
}

/**
 * Compose buckets into windows: min of mins, max of maxes, summed counts and sums (mean = sum / count),
 * the first of the earliest bucket and the last of the latest. Buckets must be sorted by time and each
 * lie inside one window (true for a layout snapped to their width).
 */
export function composeWindows(b: SeriesBuckets, layout: WindowLayout): SeriesWindows {
  const out = emptyWindows(b.key);
  let current = -1;
  let sum = 0;
  const close = () => {
    const j = out.t.length - 1;
    out.mean[j] = sum / (out.count[j] as number);
  };
  for (let i = 0; i < b.t.length; i++) {
    const t = b.t[i] as number;
    if (t < layout.from || t >= layout.to) continue;
    const w = Math.floor((t - layout.from) / layout.width);
    if (w !== current) {
      if (current >= 0) close();
      current = w;
      sum = 0;
      out.t.push(layout.from + w * layout.width);
      out.min.push(b.min[i] as number);
      out.max.push(b.max[i] as number);
      out.mean.push(0);
      out.first.push(b.first[i] as number);
      out.last.push(b.last[i] as number);
      out.count.push(0);
    }
    const j = out.t.length - 1;
    if ((b.min[i] as number) < (out.min[j] as number)) out.min[j] = b.min[i] as number;
    if ((b.max[i] as number) > (out.max[j] as number)) out.max[j] = b.max[i] as number;
    out.last[j] = b.last[i] as number;
    out.count[j] = (out.count[j] as number) + (b.count[i] as number);
    sum += b.sum[i] as number;
  }
  if (current >= 0) close();
  return out;
}

/**
 * Buckets from windows laid out one bucket wide, for sources that answer windows but not sums:
 * sum = mean × count (the mean composed from it is then within a few ulps of the source's own).
 */
export function bucketsFromWindows(w: SeriesWindows): SeriesBuckets {
  const out = emptyBuckets(w.key);
  for (let i = 0; i < w.t.length; i++) {
    const count = w.count[i] as number;
    if (!(count > 0)) continue;
    out.t.push(w.t[i] as number);
    out.count.push(count);
    out.sum.push((w.mean[i] as number) * count);
    out.min.push(w.min[i] as number);
    out.max.push(w.max[i] as number);
    out.first.push(w.first[i] as number);
    out.last.push(w.last[i] as number);
    out.tFirst.push(Number.NaN);
    out.tLast.push(Number.NaN);
  }
  return out;
}

/** Brute-force buckets of sorted raw points: the reference the stores' bucket queries are tested against. */
export function aggregateBuckets(key: string, t: ArrayLike<number>, v: ArrayLike<number>, bucket: number, range: TimeRange): SeriesBuckets {
  const out = emptyBuckets(key);
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    const vi = v[i] as number;
    if (ti < range.from || ti >= range.to || Number.isNaN(vi)) continue;
    const start = Math.floor(ti / bucket) * bucket;
    const j = out.t.length - 1;
    if (j < 0 || out.t[j] !== start) {
      out.t.push(start);
      out.count.push(1);
      out.sum.push(vi);
      out.min.push(vi);
      out.max.push(vi);
      out.first.push(vi);
      out.last.push(vi);
      out.tFirst.push(ti);
      out.tLast.push(ti);
      continue;
    }
    out.count[j] = (out.count[j] as number) + 1;
    out.sum[j] = (out.sum[j] as number) + vi;
    if (vi < (out.min[j] as number)) out.min[j] = vi;
    if (vi > (out.max[j] as number)) out.max[j] = vi;
    out.last[j] = vi;
    out.tLast[j] = ti;
  }
  return out;
}

/** The slices of a level (SLICE_BUCKETS buckets each, aligned to the epoch) that a range touches, each cut to the range. */
export function slicesOf(range: TimeRange, bucket: number, sliceBuckets = SLICE_BUCKETS): TimeRange[] {
  const slice = bucket * sliceBuckets;
  const out: TimeRange[] = [];
  for (let s = Math.floor(range.from / slice) * slice; s < range.to; s += slice) {
    out.push({ from: Math.max(s, range.from), to: Math.min(s + slice, range.to) });
  }
  return out;
}

/** A range widened to whole buckets. */
export function bucketAligned(range: TimeRange, bucket: number): TimeRange {
  return { from: Math.floor(range.from / bucket) * bucket, to: Math.ceil(range.to / bucket) * bucket };
}

/** The start of the last bucket boundary at or before `edge`: buckets before it end by `edge` and may be cached. */
export function stableEnd(edge: number, bucket: number): number {
  return Math.floor(edge / bucket) * bucket;
}
