/**
 * What the schematic draws for one sensor at the time cursor: its value and the time of that point, and
 * whether the value is exact (asked of the source at the cursor), approximate (read from the windows loaded
 * for the range while the cursor moves), stale (no point for longer than the sensor usually leaves between
 * points, or a value frozen while the sensor normally moves) or missing (no point, or only one from long ago:
 * never drawn as zero or as that old value).
 */
import type { SeriesProfile } from './series-profile';
import type { SeriesWindows, WindowLayout } from './types';

export type ReadingState = 'exact' | 'approximate' | 'stale' | 'missing';
/**
 * Why a reading is in its state: what the label says. `no-source`: the sensor's project source is not connected
 * in this session; `source-error`: it is, but reading it failed (the inspector says how).
 */
export type ReadingWhy = 'fresh' | 'late' | 'flatline' | 'gap' | 'no-data' | 'no-source' | 'source-error';

export interface Reading {
  /** The value drawn; null when missing. */
  value: number | null;
  /** Epoch ms of the point drawn (approximate readings: the latest the point can be); null when missing. */
  t: number | null;
  state: ReadingState;
  why: ReadingWhy;
  /** Time since the point (ms) for stale readings, and since the last point for missing ones (null when none). */
  age: number | null;
  /** For a flatline: since when the value has not moved. */
  since: number | null;
}

/** When a reading counts as stale or missing, in multiples of the sensor's usual interval between points. */
export interface QualitySettings {
  /** Stale when the newest point is older than this many intervals. */
  staleAfter: number;
  /** Missing when it is older than this many. */
  missingAfter: number;
  /** Stale (flatlined) when a normally moving value has held exactly still for this many intervals. */
  flatlineAfter: number;
}

export const DEFAULT_QUALITY: QualitySettings = { staleAfter: 5, missingAfter: 60, flatlineAfter: 120 };

/** A series that moves within at least this share of its windows is expected to move; holding still is then a fault. */
export const MOVING_SERIES_SHARE = 0.75;

/** Index of the last window starting at or before t, or -1. */
export function windowAtOrBefore(w: SeriesWindows, t: number): number {
  let lo = 0;
  let hi = w.t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((w.t[mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The point the loaded windows show at the cursor: the last value of the window holding it, else of the
 * newest window before it. Its time is the latest the point can be, never after the cursor.
 */
export function windowPointAt(w: SeriesWindows, layout: WindowLayout, cursor: number): { value: number; t: number } | null {
  const j = windowAtOrBefore(w, cursor);
  if (j < 0) return null;
  const end = (w.t[j] as number) + layout.width - 1;
  return { value: w.last[j] as number, t: Math.min(cursor, end) };
}

/**
 * Since when a normally moving series has held exactly `value` at the cursor (the start of the run of windows
 * whose min and max both equal it), when that is longer than the settings allow; else null. Values at the
 * series' rails (0, its lowest or highest in the range: a stopped pump's 0 kW, a valve at 100 %) do not count.
 */
export function flatlineSince(w: SeriesWindows, cursor: number, value: number, profile: SeriesProfile | null, settings: QualitySettings): number | null {
  if (!profile || profile.intervalMs === null || profile.movingShare === null || profile.movingShare < MOVING_SERIES_SHARE) return null;
  if (value === 0 || value === profile.min || value === profile.max) return null;
  let j = windowAtOrBefore(w, cursor);
  if (j < 0 || w.min[j] !== value || w.max[j] !== value) return null;
  while (j > 0 && w.min[j - 1] === value && w.max[j - 1] === value) j--;
  const since = w.t[j] as number;
  return cursor - since >= settings.flatlineAfter * profile.intervalMs ? since : null;
}

/** Judge a point shown at the cursor. `point` is null when there is none at or before the cursor. */
export function classifyReading(
  point: { value: number; t: number } | null,
  cursor: number,
  exact: boolean,
  profile: SeriesProfile | null,
  settings: QualitySettings,
  flatSince: number | null = null,
): Reading {
  if (!point) return { value: null, t: null, state: 'missing', why: 'no-data', age: null, since: null };
  const age = Math.max(0, cursor - point.t);
  const interval = profile?.intervalMs ?? null;
  if (interval !== null && age > settings.missingAfter * interval) return { value: null, t: null, state: 'missing', why: 'gap', age, since: point.t };
  if (interval !== null && age > settings.staleAfter * interval) return { value: point.value, t: point.t, state: 'stale', why: 'late', age, since: null };
  if (flatSince !== null) return { value: point.value, t: point.t, state: 'stale', why: 'flatline', age, since: flatSince };
  return { value: point.value, t: point.t, state: exact ? 'exact' : 'approximate', why: 'fresh', age, since: null };
}

/** Whether two readings draw the same thing (to skip redrawing unchanged labels). */
export function sameReading(a: Reading | undefined, b: Reading): boolean {
  return !!a && a.value === b.value && a.t === b.t && a.state === b.state && a.why === b.why && a.since === b.since && ageBucket(a.age) === ageBucket(b.age);
}

/** Ages are shown to the minute; a change within the minute need not redraw. */
function ageBucket(age: number | null): number {
  return age === null ? -1 : Math.floor(age / 60_000);
}
