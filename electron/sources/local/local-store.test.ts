import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowLayout } from '../../../shared/series/window-math';
import { expectSameWindows } from '../testing/source-conformance';
import { LocalStore } from './local-store';
import { lastValuePerTime, syntheticSeries } from './synthetic-series';

/**
 * What is the local store's own: duplicates replaced, both window modes agreeing, stat subsets, units in the
 * catalog. Windows, valueAt, raw and hostile names against brute force are in the conformance suite
 * (local-store.conformance.test.ts), which every source and layer passes.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1);

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
      par.forEach((w, i) => expectSameWindows(w, one[i]!, 1e-12));
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

  it('gives empty windows for unknown keys, refuses malformed ones naming them, and answers under the key as asked', async () => {
    const layout = windowLayout({ from: FROM, to: FROM + DAY }, 10);
    const [u, alias] = await store.windows(['nope#value', 'chiller,unit=CH1,plant=B7#kw'], layout);
    expect(u).toEqual({ key: 'nope#value', t: [], min: [], max: [], mean: [], first: [], last: [], count: [] });
    expect(alias!.key).toBe('chiller,unit=CH1,plant=B7#kw');
    expect(alias!.t.length).toBe(10);
    await expect(store.windows(['not a key'], layout)).rejects.toMatchObject({ kind: 'invalid-input', where: 'not a key' });
    await expect(store.valueAt(['not a key'], FROM)).rejects.toMatchObject({ kind: 'invalid-input', where: 'not a key' });
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
