import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLevel, ROLLUP_LEVELS_MS } from '../../../shared/series/rollup-math';
import { windowLayout } from '../../../shared/series/window-math';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { Influx1Source } from '../influx1/influx1-source';
import { LocalStore } from '../local/local-store';
import { syntheticSeries } from '../local/synthetic-series';
import { SourceChanges } from '../layers/source-changes';
import type { TimeSeriesSource } from '../source';
import { expectSameWindows } from '../testing/source-conformance';
import { RollupCache } from './rollup-cache';

/**
 * Windows composed from rollup buckets equal what the source itself answers over the same (snapped)
 * windows: min, max, first, last and count exactly, the mean to the last few bits (sums in another order).
 * Against a real influxd 1.6 and the local store, holding the same half year of minute data with gaps, at
 * every level.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1);
const COUNT = 183 * 1440;
const KEYS = ['plant,unit=CH1#kw', 'OAWB#value'];
const NOW = FROM + 400 * DAY;

let influxd: Influxd;
let dir: string;
let store: LocalStore;
let influx: Influx1Source;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-composition-'));
  store = await LocalStore.open(dir);
  influxd = await startInfluxd({ databases: ['plant'] });
  influx = new Influx1Source({ url: influxd.url, database: 'plant', timeoutMs: 120_000 }, { writeBatchPoints: 20_000, writeConcurrency: 4 });
  for (const [i, key] of KEYS.entries()) {
    // Odd offsets and gaps, and no repeated timestamps (both stores keep the last of a repeat, in their own order).
    const s = syntheticSeries({ seed: 40 + i, from: FROM + 13_579 * (i + 1), step: MIN + 250 * i, count: COUNT, gapChance: 0.001 });
    expect((await influx.write(Array.from(s.t, (t, k) => ({ key, t, value: s.v[k] as number })))).dropped).toBe(0);
    await store.appendColumns([{ key, t: s.t, v: s.v }]);
  }
}, 300_000);

afterAll(async () => {
  await influx?.close();
  await store?.close();
  await influxd?.stop();
  await rm(dir, { recursive: true, force: true });
});

const CASES = [
  { name: '9 days in 1,000 windows (1-minute buckets)', from: FROM + 20 * DAY + 12_345, span: 9 * DAY, n: 1000 },
  { name: '40 days in 1,000 windows (5-minute buckets)', from: FROM + 3 * DAY + 1, span: 40 * DAY, n: 1000 },
  { name: '120 days in 1,000 windows (15-minute buckets)', from: FROM + 7_777, span: 120 * DAY, n: 1000 },
  { name: 'half a year in 300 windows (1-hour buckets)', from: FROM - 5 * DAY, span: 190 * DAY, n: 300 },
  { name: 'half a year in 60 windows (6-hour buckets)', from: FROM, span: 183 * DAY, n: 60 },
  { name: 'half a year in 13 windows (1-day buckets)', from: FROM + 999, span: 183 * DAY, n: 13 },
];

function suite(name: string, source: () => TimeSeriesSource, id: string): void {
  describe(`composed windows equal ${name} over the snapped windows`, () => {
    it.each(CASES)('$name', async ({ from, span, n }) => {
      const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: `composition-${id}`, now: () => NOW, recheckEveryMs: 0 });
      try {
        const layer = cache.wrap(id, source());
        const layout = windowLayout({ from, to: from + span }, n);
        await layer.windows(KEYS, layout);
        await cache.idle();
        const composed = await layer.windows(KEYS, layout);
        const snapped = composed[0]!.snapped!;
        expect(snapped.bucket).toBe(chooseLevel(layout.width));
        const direct = await source().windows(KEYS, snapped);
        for (const [i, key] of KEYS.entries()) {
          expect(composed[i]!.cache, key).toMatchObject({ offline: false });
          expect(direct[i]!.t.length).toBeGreaterThan(0);
          expectSameWindows({ ...composed[i]!, key }, direct[i]!, 1e-12, key);
        }
      } finally {
        await cache.close();
      }
    });

    it('covers every level', () => {
      expect(new Set(CASES.map((c) => chooseLevel(windowLayout({ from: c.from, to: c.from + c.span }, c.n).width)))).toEqual(new Set(ROLLUP_LEVELS_MS));
    });
  });
}

suite('the local store’s own query', () => store, 'local');
suite('InfluxDB 1.6’s own query', () => influx, 'influx1:composition');
