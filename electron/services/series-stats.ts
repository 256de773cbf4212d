import type { SeriesStats } from '../../shared/api/binding-schemas';
import { STATS_WINDOW_MS } from '../../shared/api/binding-schemas';
import { windowLayout } from '../../shared/series/window-math';
import type { SeriesWindows } from '../../shared/series/types';
import { mapPool } from '../sources/influx1/task-pool';
import type { CallOptions, TimeSeriesSource } from '../sources/source';

/** Hourly windows over the week: enough for a range, few enough to cost one query per group of series. */
const WINDOWS = 168;
const DAY_MS = 86_400_000;
/** Points read to count the exact 0/1 share of a series that stays within [0, 1]. */
const SAMPLE_POINTS = 1_000;

const isBit = (v: number) => v === 0 || v === 1;

function summarise(w: SeriesWindows | undefined): Pick<SeriesStats, 'count' | 'min' | 'max' | 'mean'> & { constantBits: number } {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let constantBits = 0;
  for (let i = 0; i < (w?.t.length ?? 0); i++) {
    const n = w?.count[i] ?? 0;
    const lo = w?.min[i] ?? NaN;
    const hi = w?.max[i] ?? NaN;
    if (!(n > 0) || Number.isNaN(lo)) continue;
    count += n;
    sum += (w?.mean[i] ?? 0) * n;
    min = Math.min(min, lo);
    max = Math.max(max, hi);
    if (lo === hi && isBit(lo)) constantBits += n;
  }
  return count === 0 ? { count, min: null, max: null, mean: null, constantBits } : { count, min, max, mean: sum / count, constantBits };
}

/**
 * Per series: its unit, its newest point, and min/max/mean over the window before that point, with the
 * share of values that are exactly 0 or 1. Series that stop at different times are grouped by day, so a
 * dead sensor is described by its own last week rather than by an empty one. The exact 0/1 share needs
 * raw points; they are read only for series that stay within [0, 1], the rest are judged by their windows.
 */
export async function seriesStats(
  source: TimeSeriesSource,
  keys: readonly string[],
  windowMs = STATS_WINDOW_MS,
  options: CallOptions = {},
): Promise<SeriesStats[]> {
  const units = new Map<string, string>();
  for (const e of await source.catalog({ limit: 100_000, ...options })) if (e.unit !== undefined) units.set(e.key, e.unit);
  const last = await source.valueAt(keys, Date.now(), options);
  const byDay = new Map<number, string[]>();
  const lastSeen = new Map<string, number>();
  for (const v of last) {
    if (v.t === null) continue;
    lastSeen.set(v.key, v.t);
    const day = Math.floor(v.t / DAY_MS);
    byDay.set(day, [...(byDay.get(day) ?? []), v.key]);
  }
  const windows = new Map<string, SeriesWindows>();
  await mapPool([...byDay.entries()], 4, async ([day, group]) => {
    const to = (day + 1) * DAY_MS;
    const layout = windowLayout({ from: to - windowMs, to }, WINDOWS);
    for (const w of await source.windows(group, layout, options)) windows.set(w.key, w);
  });
  return mapPool(keys, 8, async (key) => {
    const seen = lastSeen.get(key) ?? null;
    const s = summarise(windows.get(key));
    let binaryFraction = s.count > 0 ? s.constantBits / s.count : null;
    if (seen !== null && s.min !== null && s.max !== null && s.min >= 0 && s.max <= 1) {
      const raw = await source.raw(key, { from: seen - DAY_MS, to: seen + 1 }, SAMPLE_POINTS, options);
      if (raw.v.length) binaryFraction = raw.v.filter(isBit).length / raw.v.length;
    }
    return { key, unit: units.get(key) ?? null, lastSeen: seen, count: s.count, min: s.min, max: s.max, mean: s.mean, binaryFraction };
  });
}
