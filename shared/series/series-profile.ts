/**
 * What a series usually looks like, learned from the windows loaded for the range: how often it reports, how
 * often its value moves within a window, its precision and its extremes. The schematic judges staleness,
 * flatlines and the digits it prints against this, not against fixed numbers.
 */
import type { SeriesWindows, WindowLayout } from './types';

export interface SeriesProfile {
  /** The usual time between points (ms), or null when the windows hold too few points to tell. */
  intervalMs: number | null;
  /** Share of windows holding two or more points whose value moved (min < max); null without such windows. */
  movingShare: number | null;
  /** Decimals the sensor reports with (0–4). */
  decimals: number;
  /** Lowest and highest value in the range (the sensor's rails, e.g. 0 % and 100 %). */
  min: number | null;
  max: number | null;
}

const MAX_DECIMALS = 4;
const DECIMAL_SAMPLES = 400;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Decimals needed to write v exactly (at most MAX_DECIMALS); float noise such as 7.130000000000001 does not count. */
export function decimalsOf(v: number): number {
  if (!Number.isFinite(v)) return 0;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const f = 10 ** d;
    if (Math.abs(Math.round(v * f) / f - v) <= 1e-9 * Math.max(1, Math.abs(v))) return d;
  }
  return MAX_DECIMALS;
}

/**
 * The usual interval: over runs of adjacent non-empty windows (a gap ends a run), their span divided by their
 * points; data sparser than the windows (no two adjacent) gives the median distance between non-empty windows.
 */
function usualInterval(w: SeriesWindows, layout: WindowLayout): number | null {
  let span = 0;
  let points = 0;
  let runWindows = 0;
  let runPoints = 0;
  const endRun = () => {
    if (runWindows >= 2) {
      span += runWindows * layout.width;
      points += runPoints;
    }
    runWindows = 0;
    runPoints = 0;
  };
  for (let i = 0; i < w.t.length; i++) {
    if (i > 0 && (w.t[i] as number) - (w.t[i - 1] as number) > layout.width) endRun();
    runWindows++;
    runPoints += w.count[i] ?? 0;
  }
  endRun();
  if (points >= 3) return span / points;
  if (w.t.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < w.t.length; i++) gaps.push((w.t[i] as number) - (w.t[i - 1] as number));
  return median(gaps);
}

/** Learn a series' profile from its windows over the range (needs the min, max, last and count statistics). */
export function learnProfile(w: SeriesWindows, layout: WindowLayout): SeriesProfile {
  let multi = 0;
  let moving = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < w.t.length; i++) {
    const lo = w.min[i] as number;
    const hi = w.max[i] as number;
    if (lo < min) min = lo;
    if (hi > max) max = hi;
    if ((w.count[i] ?? 0) >= 2) {
      multi++;
      if (hi > lo) moving++;
    }
  }
  let decimals = 0;
  const stride = Math.max(1, Math.floor(w.last.length / DECIMAL_SAMPLES));
  for (let i = 0; i < w.last.length && decimals < MAX_DECIMALS; i += stride) decimals = Math.max(decimals, decimalsOf(w.last[i] as number));
  return {
    intervalMs: usualInterval(w, layout),
    movingShare: multi > 0 ? moving / multi : null,
    decimals,
    min: w.t.length ? min : null,
    max: w.t.length ? max : null,
  };
}
