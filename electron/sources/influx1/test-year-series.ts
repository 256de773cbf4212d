import type { WritePoint } from '../../../shared/series/types';

/**
 * Test data for the InfluxDB 1.x integration tests: a year of minute data for one series with gaps of
 * known length, and the same-measurement series that exact series selection must keep out.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const YEAR_START = Date.UTC(2023, 0, 1);
export const YEAR_END = Date.UTC(2024, 0, 1);

/** Gaps in the main series, [from, to). */
export const GAPS = {
  threeDays: { from: Date.UTC(2023, 2, 10), to: Date.UTC(2023, 2, 13) },
  twoHours: { from: Date.UTC(2023, 5, 10, 12), to: Date.UTC(2023, 5, 10, 14) },
  tenDays: { from: Date.UTC(2023, 8, 1), to: Date.UTC(2023, 8, 11) },
};

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Series {
  key: string;
  t: number[];
  v: number[];
}

function inGap(t: number): boolean {
  return Object.values(GAPS).some((g) => t >= g.from && t < g.to);
}

/** The main series: chiller power each minute of 2023, daily cycle, noise, spikes, 2 % of minutes missing, three gaps. */
export function mainSeries(key: string): Series {
  const rand = prng(7);
  const s: Series = { key, t: [], v: [] };
  for (let t = YEAR_START; t < YEAR_END; t += MINUTE) {
    const r = rand();
    if (r < 0.02 || inGap(t)) continue;
    const daily = Math.sin((2 * Math.PI * (t % DAY)) / DAY);
    const spike = r > 0.9995 ? 400 * rand() : 0;
    s.t.push(t);
    s.v.push(Math.round((350 + 120 * daily + 15 * rand() + spike) * 1000) / 1000);
  }
  return s;
}

/** An hourly series on [from, to) at an offset within the hour, values from `base`. */
export function hourlySeries(key: string, offsetMs: number, base: number, seed: number): Series {
  const rand = prng(seed);
  const s: Series = { key, t: [], v: [] };
  for (let t = YEAR_START + offsetMs; t < YEAR_END; t += HOUR) {
    s.t.push(t);
    s.v.push(base + Math.round(rand() * 1e6) / 1e3);
  }
  return s;
}

export function toPoints(s: Series): WritePoint[] {
  return s.t.map((t, i) => ({ key: s.key, t, value: s.v[i] as number }));
}

/** The last point at or before t by binary search: the reference for valueAt. */
export function lastAtOrBefore(s: Series, t: number): { t: number | null; value: number | null } {
  let lo = 0;
  let hi = s.t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((s.t[mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found < 0 ? { t: null, value: null } : { t: s.t[found] as number, value: s.v[found] as number };
}
