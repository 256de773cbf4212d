import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/sim/sim-clock';
import { SIM_SERIES } from '../../shared/sim/sim-series';
import { seedDemoData } from '../sim/seed';
import { LocalStore } from '../sources/local/local-store';
import { seriesStats } from './series-stats';

const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-stats-'));
let store: LocalStore;

beforeAll(async () => {
  store = await LocalStore.open(dir);
  await seedDemoData(store, { days: 2 });
  // A status-like series that stopped a day before the others, and one that never had a point.
  const t0 = Date.UTC(2025, 11, 29, 0, 0);
  const t = Float64Array.from({ length: 600 }, (_, i) => t0 + i * MINUTE_MS);
  await store.appendColumns([{ key: 'OLD_PUMP_STS#value', t, v: Float64Array.from(t, (_, i) => (i % 100 < 70 ? 1 : 0)) }]);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seriesStats on the local store with the demo plant', () => {
  it('describes each series by its unit, last point, range and 0/1 share over its own recent window', async () => {
    const key = (name: string) => SIM_SERIES.find((s) => s.name === name)?.key as string;
    const keys = [key('B7_CH1_KW'), key('B7_CH1_STS'), key('LCHWT_2'), key('B7_CHWP1_SPD'), 'OLD_PUMP_STS#value', 'NEVER#value'];
    const stats = await seriesStats(store, keys);
    const [kw, sts, lchwt, spd, old, never] = stats;
    expect(stats.map((s) => s.key)).toEqual(keys);
    expect(kw).toMatchObject({ unit: 'kW', binaryFraction: expect.any(Number) });
    expect(kw!.max!).toBeGreaterThan(100);
    expect(kw!.binaryFraction!).toBeLessThan(0.9);
    // CH-1 is the lead chiller in these two days: always on, still all 0/1.
    expect(sts).toMatchObject({ unit: null, max: 1, binaryFraction: 1 });
    expect(lchwt!.unit).toBe('°C');
    expect(lchwt!.min!).toBeGreaterThan(3);
    // CH-2 is mostly off in December: its leaving water warms towards the plant room.
    expect(lchwt!.max!).toBeLessThan(30);
    expect(lchwt!.mean!).toBeLessThan(25);
    expect(lchwt!.binaryFraction).toBe(0);
    expect(spd!.unit).toBe('%');
    expect(spd!.max!).toBeLessThanOrEqual(100);
    // The demo year ends on the last minute of 2025 in the plant's zone.
    expect(new Date(kw!.lastSeen!).getUTCFullYear()).toBe(2026);
    expect(kw!.count).toBeGreaterThan(2 * 24 * 60 * 0.9);
    // A series that stopped earlier is judged by its own last week, not by an empty one.
    expect(old).toMatchObject({ lastSeen: Date.UTC(2025, 11, 29, 0, 0) + 599 * MINUTE_MS, count: 600, min: 0, max: 1, binaryFraction: 1 });
    expect(old!.mean!).toBeCloseTo(0.7, 2);
    expect(never).toEqual({ key: 'NEVER#value', unit: null, lastSeen: null, count: 0, min: null, max: null, mean: null, binaryFraction: null });
  });
});
