import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import type { SeriesWindows } from '../../../shared/series/types';
import { LocalStore } from './local-store';
import { lastValuePerTime, syntheticSeries } from './synthetic-series';

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1);

/** Means are sums in another order (DuckDB adds in parallel), so they may differ in the last bits; everything else is exact. */
function expectSameWindows(actual: SeriesWindows, expected: SeriesWindows): void {
  expect(actual.t).toEqual(expected.t);
  expect(actual.count).toEqual(expected.count);
  expect(actual.min).toEqual(expected.min);
  expect(actual.max).toEqual(expected.max);
  expect(actual.first).toEqual(expected.first);
  expect(actual.last).toEqual(expected.last);
  expect(actual.mean.length).toBe(expected.mean.length);
  actual.mean.forEach((m, i) => {
    const e = expected.mean[i] as number;
    expect(Math.abs(m - e), `mean of window ${i}`).toBeLessThanOrEqual(1e-12 * Math.abs(e));
  });
}

describe('LocalStore on DuckDB', () => {
  let dir: string;
  let store: LocalStore;
  // One year of minute data with gaps and repeated timestamps, and a sparse second series.
  const year = syntheticSeries({ seed: 7, from: FROM, step: MIN, count: 525_600, gapChance: 0.0005, duplicateChance: 0.001 });
  const sparse = syntheticSeries({ seed: 8, from: FROM + 123_457, step: 7 * MIN + 13, count: 60_000, gapChance: 0.002 });
  const KEY = 'chiller,plant=B7,unit=CH1#kw';
  const SPARSE = 'B7_CH1_LCHWT#value';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-local-'));
    store = await LocalStore.open(dir);
    await store.appendColumns([
      { key: KEY, t: year.t, v: year.v, unit: 'kW' },
      { key: SPARSE, t: sparse.t, v: sparse.v },
    ]);
  });

  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the last of repeated timestamps and counts the rest as duplicates', async () => {
    const unique = lastValuePerTime(year.t, year.v);
    expect(year.t.length).toBeGreaterThan(unique.t.length);
    expect(await store.pointCount(KEY)).toBe(unique.t.length);
    expect(await store.pointCount(SPARSE)).toBe(sparse.t.length);
  });

  for (const [label, from, span, n] of [
    ['1 hour', FROM + 200 * DAY + 17 * MIN + 5, 3_600_000, 1000],
    ['30 days', FROM + 40 * DAY + 999, 30 * DAY, 1000],
    ['1 year', FROM - DAY, 366 * DAY, 1000],
    ['1 year in 7 odd-width windows', FROM + 1, 365 * DAY + 12_345, 7],
  ] as const) {
    it(`gives the brute-force windows over ${label}`, async () => {
      const layout = windowLayout({ from, to: from + span }, n);
      const [a, b] = await store.windows([KEY, SPARSE], layout);
      const unique = lastValuePerTime(year.t, year.v);
      expectSameWindows(a!, aggregateWindows(KEY, unique.t, unique.v, layout));
      expectSameWindows(b!, aggregateWindows(SPARSE, sparse.t, sparse.v, layout));
      expect(a!.t.length).toBeGreaterThan(0);
    });
  }

  it('gives the same windows in parallel mode and for stat subsets (others NaN)', async () => {
    const layout = windowLayout({ from: FROM, to: FROM + 90 * DAY }, 500);
    const parallel = await LocalStore.open(await mkdtemp(path.join(os.tmpdir(), 'twin-local-par-')), { windowsMode: 'parallel' });
    try {
      await parallel.appendColumns([
        { key: KEY, t: year.t, v: year.v },
        { key: SPARSE, t: sparse.t, v: sparse.v },
      ]);
      const one = await store.windows([KEY, SPARSE], layout);
      const par = await parallel.windows([KEY, SPARSE], layout);
      expect(par.map((w) => w.key)).toEqual([KEY, SPARSE]);
      par.forEach((w, i) => expectSameWindows(w, one[i]!));
    } finally {
      await parallel.close();
      await rm(parallel.dir, { recursive: true, force: true });
    }
    const [m] = await store.windows([KEY], layout, { stats: ['mean'] });
    const [full] = await store.windows([KEY], layout);
    expect(m!.t).toEqual(full!.t);
    m!.mean.forEach((x, i) => expect(Math.abs(x - full!.mean[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(x)));
    expect(m!.min.every(Number.isNaN)).toBe(true);
    expect(m!.first.every(Number.isNaN)).toBe(true);
  });

  it('gives empty windows for unknown or malformed keys, and answers under the key as asked', async () => {
    const layout = windowLayout({ from: FROM, to: FROM + DAY }, 10);
    const [u, bad, alias] = await store.windows(['nope#value', 'not a key', 'chiller,unit=CH1,plant=B7#kw'], layout);
    expect(u).toEqual({ key: 'nope#value', t: [], min: [], max: [], mean: [], first: [], last: [], count: [] });
    expect(bad!.t).toEqual([]);
    expect(alias!.key).toBe('chiller,unit=CH1,plant=B7#kw');
    expect(alias!.t.length).toBe(10);
  });

  describe('valueAt', () => {
    const unique = lastValuePerTime(year.t, year.v);
    /** Brute force: the last point at or before t. */
    const expected = (t: number): { t: number | null; value: number | null } => {
      let best = -1;
      for (let i = 0; i < unique.t.length && (unique.t[i] as number) <= t; i++) best = i;
      return best < 0 ? { t: null, value: null } : { t: unique.t[best] as number, value: unique.v[best] as number };
    };
    // A gap longer than a day, to exercise the widening look-back.
    let gapStart = 0;
    let gapEnd = 0;
    for (let i = 1; i < unique.t.length; i++) {
      if ((unique.t[i] as number) - (unique.t[i - 1] as number) > 300 * MIN) {
        gapStart = unique.t[i - 1] as number;
        gapEnd = unique.t[i] as number;
        break;
      }
    }

    it('is inclusive exactly on a point, and takes the previous point between points', async () => {
      const onPoint = unique.t[100_000] as number;
      for (const t of [onPoint, onPoint + 30_000, onPoint - 1]) {
        const [r] = await store.valueAt([KEY], t);
        expect(r).toEqual({ key: KEY, ...expected(t) });
      }
      expect((await store.valueAt([KEY], onPoint))[0]!.t).toBe(onPoint);
    });

    it('is null before the first point and for unknown series', async () => {
      const r = await store.valueAt([KEY, 'unknown#x'], FROM - 1);
      expect(r).toEqual([
        { key: KEY, t: null, value: null },
        { key: 'unknown#x', t: null, value: null },
      ]);
    });

    it('looks back across a gap and past the end of the data', async () => {
      expect(gapEnd - gapStart).toBeGreaterThan(300 * MIN);
      const inGap = gapStart + Math.floor((gapEnd - gapStart) / 2);
      expect((await store.valueAt([KEY], inGap))[0]).toEqual({ key: KEY, ...expected(inGap) });
      expect((await store.valueAt([KEY], inGap))[0]!.t).toBe(gapStart);
      const later = FROM + 5 * 366 * DAY;
      expect((await store.valueAt([KEY], later))[0]).toEqual({ key: KEY, ...expected(later) });
    });

    it('matches brute force at many random instants for both series at once', async () => {
      const sparseUnique = lastValuePerTime(sparse.t, sparse.v);
      const sparseExpected = (t: number) => {
        let lo = 0;
        let hi = sparseUnique.t.length - 1;
        let best = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if ((sparseUnique.t[mid] as number) <= t) [best, lo] = [mid, mid + 1];
          else hi = mid - 1;
        }
        return best < 0 ? { t: null, value: null } : { t: sparseUnique.t[best] as number, value: sparseUnique.v[best] as number };
      };
      for (let k = 0; k < 25; k++) {
        const t = FROM - DAY + Math.floor((((k * 7919) % 25) / 25) * 380 * DAY) + k;
        const [a, b] = await store.valueAt([KEY, SPARSE], t);
        expect(a).toEqual({ key: KEY, ...expected(t) });
        expect(b).toEqual({ key: SPARSE, ...sparseExpected(t) });
      }
    });
  });

  it('returns raw points oldest first with a limit', async () => {
    const unique = lastValuePerTime(year.t, year.v);
    const from = unique.t[5000] as number;
    const r = await store.raw(KEY, { from, to: from + 10 * MIN }, 1000);
    const idx = unique.t.findIndex((t) => t >= from + 10 * MIN);
    expect(r.t).toEqual(unique.t.slice(5000, idx));
    expect(r.v).toEqual(unique.v.slice(5000, idx));
    expect(r.truncated).toBe(false);
    const cut = await store.raw(KEY, { from, to: from + DAY }, 3);
    expect(cut).toEqual({ key: KEY, t: unique.t.slice(5000, 5003), v: unique.v.slice(5000, 5003), truncated: true });
  });

  it('lists and searches the catalog with units', async () => {
    expect(await store.catalog()).toEqual([
      { key: SPARSE, measurement: 'B7_CH1_LCHWT', field: 'value', tags: {} },
      { key: KEY, measurement: 'chiller', field: 'kw', tags: { plant: 'B7', unit: 'CH1' }, unit: 'kW' },
    ]);
    expect((await store.catalog({ search: 'ch1' })).length).toBe(2);
    expect((await store.catalog({ search: 'b7', limit: 1 })).length).toBe(1);
    expect((await store.catalog({ search: 'lchwt' })).map((e) => e.key)).toEqual([SPARSE]);
    expect(await store.catalog({ search: 'nothing-like-this' })).toEqual([]);
    expect(store.hasSeries('chiller,unit=CH1,plant=B7#kw')).toBe(true);
    expect(store.seriesCount()).toBe(2);
  });
});
