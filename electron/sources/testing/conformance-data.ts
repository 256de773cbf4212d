import { lineProtocolNameProblem } from '../../../shared/series/line-protocol';
import { formatSeriesKey } from '../../../shared/series/series-key';
import type { WritePoint } from '../../../shared/series/types';

/**
 * The data every TimeSeriesSource and layer is checked on (source-conformance.ts): irregular spacing (1 s to
 * 7 min between points), gaps of known length, a series with the same measurement and tags plus one more (it
 * must never leak into the other's answers), another field of the same series, a sparse series with odd
 * offsets, and names chosen to break queries in every part of a key.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const DATA_FROM = Date.UTC(2023, 0, 1);
export const DATA_TO = DATA_FROM + 120 * DAY;

/** Gaps in MAIN, [from, to). */
export const GAPS = {
  twoHours: { from: Date.UTC(2023, 1, 10, 12), to: Date.UTC(2023, 1, 10, 14) },
  threeDays: { from: Date.UTC(2023, 2, 10), to: Date.UTC(2023, 2, 13) },
  tenDays: { from: Date.UTC(2023, 3, 1), to: Date.UTC(2023, 3, 11) },
};

export const MAIN = 'plant,site=B7#kw';
/** Same measurement and tags plus one more: exact selection must keep it out of MAIN's answers. */
export const SUPERSET = 'plant,site=B7,unit=CH1#kw';
/** Same series as MAIN, another field, written at other instants. */
export const OTHER_FIELD = 'plant,site=B7#kw2';
export const SPARSE = 'B7_CH1_LCHWT#value';
export const UNKNOWN = 'plant,site=B8#kw';

export interface Series {
  key: string;
  t: number[];
  v: number[];
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inGap = (t: number) => Object.values(GAPS).some((g) => t >= g.from && t < g.to);

function irregular(key: string, seed: number, base: number, spread: number, maxStep: number, skipGaps: boolean): Series {
  const rand = prng(seed);
  const s: Series = { key, t: [], v: [] };
  for (let t = DATA_FROM + Math.floor(rand() * MINUTE); t < DATA_TO; t += 1_000 + Math.floor(rand() * maxStep)) {
    if (skipGaps && inGap(t)) continue;
    const daily = Math.sin((2 * Math.PI * (t % DAY)) / DAY);
    const spike = rand() > 0.999 ? 400 * rand() : 0;
    s.t.push(t);
    s.v.push(Math.round((base + spread * daily + 15 * rand() - 7 + spike) * 1000) / 1000);
  }
  return s;
}

export const HOSTILE_NAMES = [
  'dou"ble',
  "sin'gle",
  'back\\slash',
  'sp ace',
  'com,ma',
  'equ=als',
  'ha#sh',
  'ünïcødé 温度 🌡',
  '" OR 1=1',
  "' OR 1=1 --",
  "') |> drop(",
  '") |> drop(columns: ["_value"])',
  "'; DROP DATABASE x; --",
  '${r._value}',
  '/.*/',
];

export type KeyPart = 'measurement' | 'tag key' | 'tag value' | 'field key';

function hostileKey(part: KeyPart, name: string): string {
  switch (part) {
    case 'measurement':
      return formatSeriesKey({ measurement: name, tags: { site: 'B7' }, field: 'kw' });
    case 'tag key':
      return formatSeriesKey({ measurement: 'hostile_tag_keys', tags: { [name]: 'v', site: 'B7' }, field: 'kw' });
    case 'tag value':
      return formatSeriesKey({ measurement: 'hostile_tag_values', tags: { site: name }, field: 'kw' });
    case 'field key':
      return formatSeriesKey({ measurement: 'hostile_fields', tags: { site: 'B7' }, field: name });
  }
}

export interface ConformanceData {
  series: Series[];
  hostile: (Series & { part: KeyPart; name: string })[];
  points: WritePoint[];
}

/** The data set; hostile names in the key parts given (all by default), each with 10 points a minute apart. */
export function conformanceData(parts: readonly KeyPart[] = ['measurement', 'tag key', 'tag value', 'field key']): ConformanceData {
  const series = [
    irregular(MAIN, 7, 350, 120, 7 * MINUTE, true),
    irregular(SUPERSET, 11, 1e6, 1000, 90 * MINUTE, false),
    irregular(OTHER_FIELD, 13, -5e5, 50, 60 * MINUTE, false),
    irregular(SPARSE, 17, 6.5, 1.5, 20 * MINUTE, false),
  ];
  // Names line protocol cannot carry are refused by the writers (their own tests say so), so not written here.
  const hostile = parts
    .flatMap((part, p) => HOSTILE_NAMES.map((name, i) => ({ part, name, key: hostileKey(part, name), base: 1000 * (p * 100 + i) })))
    .filter((h) => lineProtocolNameProblem(h.name, h.part) === undefined)
    .map((h) => ({
      part: h.part,
      name: h.name,
      key: h.key,
      t: Array.from({ length: 10 }, (_, j) => DATA_FROM + j * MINUTE),
      v: Array.from({ length: 10 }, (_, j) => h.base + j * 1.5),
    }));
  const points = [...series, ...hostile].flatMap((s) => s.t.map((t, i) => ({ key: s.key, t, value: s.v[i] as number })));
  return { series, hostile, points };
}

/** The last point at or before t, by binary search: the reference for valueAt. */
export function lastAtOrBefore(s: Series, t: number): { t: number | null; value: number | null } {
  let lo = 0;
  let hi = s.t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((s.t[mid] as number) <= t) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found < 0 ? { t: null, value: null } : { t: s.t[found] as number, value: s.v[found] as number };
}
