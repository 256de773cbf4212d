import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowLayout } from '../../shared/series/window-math';
import type { SeriesWindows } from '../../shared/series/types';
import { startInfluxd, type Influxd } from '../testing/influxd';
import { Influx1Source } from './influx1/influx1-source';
import { LocalStore } from './local/local-store';
import { syntheticSeries } from './local/synthetic-series';

/**
 * The same data in the local store and in a real InfluxDB 1.x must give the same windows and values,
 * so switching a project between its historian and an offline copy never changes what the user sees.
 */

const MIN = 60_000;
const FROM = Date.UTC(2025, 0, 1);
const COUNT = 60 * 24 * 45; // 45 days of minute data, with gaps
const KEYS = ['plant,unit=CH1#kw', 'plant,unit=CH2#kw', 'OAWB#value'];

let influxd: Influxd;
let influx: Influx1Source;
let local: LocalStore;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-local-vs-influx-'));
  influxd = await startInfluxd({ databases: ['plant'] });
  influx = new Influx1Source({ url: influxd.url, database: 'plant', timeoutMs: 60_000 }, { writeBatchPoints: 20_000, writeConcurrency: 4 });
  local = await LocalStore.open(dir);
  for (const [i, key] of KEYS.entries()) {
    // No repeated timestamps: both stores keep the last of repeated points, but the order of a repeat within one write is a store detail.
    const s = syntheticSeries({ seed: 100 + i, from: FROM + i * 7_000, step: MIN, count: COUNT, gapChance: 0.002 });
    const points = Array.from(s.t, (t, k) => ({ key, t, value: s.v[k] as number }));
    const written = await influx.write(points);
    expect(written.dropped).toBe(0);
    await local.appendColumns([{ key, t: s.t, v: s.v }]);
  }
}, 180_000);

afterAll(async () => {
  await influx?.close();
  await local?.close();
  await influxd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function expectSame(a: SeriesWindows[], b: SeriesWindows[]): void {
  expect(a.map((w) => w.key)).toEqual(b.map((w) => w.key));
  a.forEach((wa, i) => {
    const wb = b[i] as SeriesWindows;
    expect(wa.t).toEqual(wb.t);
    expect(wa.count).toEqual(wb.count);
    expect(wa.min).toEqual(wb.min);
    expect(wa.max).toEqual(wb.max);
    expect(wa.first).toEqual(wb.first);
    expect(wa.last).toEqual(wb.last);
    wa.mean.forEach((m, k) => expect(Math.abs(m - (wb.mean[k] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m))));
  });
}

describe('local store and InfluxDB 1.x on the same data', () => {
  const end = FROM + COUNT * MIN;
  const ranges: [string, number, number, number][] = [
    ['one hour', FROM + 3 * 86_400_000 + 1_234, FROM + 3 * 86_400_000 + 3_601_234, 100],
    ['one day', FROM + 10 * 86_400_000, FROM + 11 * 86_400_000, 1000],
    ['the whole range', FROM - 86_400_000, end + 86_400_000, 1000],
    ['odd width', FROM + 12_345, end - 54_321, 777],
  ];
  for (const [name, from, to, n] of ranges) {
    it(`gives the same windows for ${name}`, async () => {
      const layout = windowLayout({ from, to }, n);
      expectSame(await local.windows(KEYS, layout), await influx.windows(KEYS, layout));
    });
  }

  it('gives the same value at instants on points, between them, in gaps and outside the data', async () => {
    const instants = [FROM - 1, FROM, FROM + 30_000, FROM + 20 * 86_400_000 + 59_999, end + 3_600_000, end + 40 * 86_400_000];
    for (let i = 0; i < 12; i++) instants.push(FROM + Math.floor(((i * 7919) % 45) * 86_400_000 + i * 13_337));
    for (const t of instants) expect(await local.valueAt(KEYS, t), new Date(t).toISOString()).toEqual(await influx.valueAt(KEYS, t));
  });

  it('lists the same series', async () => {
    const keys = async (s: { catalog(): Promise<{ key: string }[]> }) => (await s.catalog()).map((e) => e.key).sort();
    expect(await keys(local)).toEqual(await keys(influx));
  });
});
