import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Influx1Profile } from '../../../shared/api/source-schemas';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { sourceFactories } from '../factories';
import { Influx1Source } from '../influx1/influx1-source';
import { ReconnectingSource, RECONNECT_AFTER_MS } from '../layers/reconnecting-source';
import { type LocalStore } from '../local/local-store';
import { openLocalSource } from '../local-source';
import { sessionSources } from '../session-sources';
import type { SourceRegistry } from '../source-registry';
import { windowsResponse } from '../windows-response';
import type { TimeSeriesSource } from '../source';

/**
 * Offline: after a restart with the server gone, a range whose buckets are cached is still browsable, marked
 * cached with its age; what was never cached says the server is unreachable; the catalog is what is cached.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const END = T0 + 60 * DAY;
const KEYS = ['plant,unit=CH1#kw', 'plant,unit=CH2#kw'];

let influxd: Influxd;
let dir: string;
let profile: Influx1Profile;

async function session(now: number): Promise<{ registry: SourceRegistry; store: LocalStore }> {
  const local = await openLocalSource(path.join(dir, 'local'));
  const registry = sessionSources({ factories: sourceFactories, local, rollups: { now: () => now, recheckEveryMs: 0 } });
  return { registry, store: local.store };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-offline-'));
  influxd = await startInfluxd({ databases: ['plant'] });
  profile = { kind: 'influx1', name: 'Historian', url: influxd.url, database: 'plant', timeoutMs: 5_000 };
  const writer = new Influx1Source(profile, { writeBatchPoints: 20_000 });
  for (const [i, key] of KEYS.entries()) {
    const points = [];
    for (let t = T0; t < END; t += MIN) points.push({ key, t, value: i * 100 + Math.sin(t / 3_600_000) });
    expect((await writer.write(points)).dropped).toBe(0);
  }
  await writer.close();
}, 120_000);

afterAll(async () => {
  await influxd?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('offline', () => {
  it('browses cached ranges after a restart without the server, marked with their age; the rest says unreachable', async () => {
    const filledAt = END + 10 * DAY;
    const request = { keys: KEYS, from: T0, to: END, n: 1000 };
    const first = await session(filledAt);
    const info = await first.registry.connect(profile);
    const online = await windowsResponse(first.registry.get(info.id), request);
    await first.registry.rollups!.idle();
    const warm = await windowsResponse(first.registry.get(info.id), { ...request, from: request.from + 1 });
    expect(warm.series[0]!.cache).toEqual({ filledAt, offline: false });
    await first.registry.closeAll();

    await influxd.stop();
    // The next day, the server is gone.
    const later = END + 11 * DAY;
    const second = await session(later);
    try {
      const offline = await second.registry.connect(profile);
      expect(offline).toMatchObject({ id: info.id, offline: true });
      expect(offline.warnings[0]).toMatch(/Not reachable now: .*127\.0\.0\.1.*Showing its cached history \(cached up to /);
      expect(second.registry.list().find((s) => s.id === info.id)?.offline).toBe(true);

      const cached = await windowsResponse(second.registry.get(info.id), request);
      expect(cached.snapped).toEqual(online.snapped);
      for (const [i, w] of cached.series.entries()) {
        expect(w.cache).toEqual({ filledAt, offline: false });
        expect(w.t).toEqual(online.series[i]!.t);
        expect(w.max).toEqual(online.series[i]!.max);
      }
      expect((await second.registry.get(info.id).catalog({})).map((e) => e.key)).toEqual([...KEYS].sort());
      // The value at the cursor: the last cached one, saying how far the cache reaches.
      const at = T0 + 20 * 86_400_000 + 7 * MIN + 30_000;
      const [v, none] = await second.registry.get(info.id).valueAt([KEYS[0]!, 'plant,unit=CH9#kw'], at);
      expect(v).toMatchObject({ key: KEYS[0], cache: { filledAt, offline: true } });
      expect(v!.t).toBeLessThanOrEqual(at);
      expect(v!.cache!.through).toBeLessThanOrEqual(at);
      expect(at - v!.t!).toBeLessThan(2 * online.snapped!.bucket);
      expect(v!.value).toBeCloseTo(Math.sin(v!.t! / 3_600_000), 1);
      expect(none).toEqual({ key: 'plant,unit=CH9#kw', t: null, value: null });
      // Another level was never cached: the source would be needed.
      await expect(windowsResponse(second.registry.get(info.id), { ...request, n: 50 })).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      await second.registry.closeAll();
    }
  }, 120_000);
});

describe('ReconnectingSource', () => {
  it('fails as unreachable at once between attempts, and connects by itself when it can', async () => {
    let now = 0;
    let up = false;
    let attempts = 0;
    let connectedCalled = 0;
    const real = {
      kind: 'influx1',
      catalog: async () => [{ key: 'a#v', measurement: 'a', field: 'v', tags: {} }],
      close: async () => undefined,
    } as unknown as TimeSeriesSource;
    const down = Object.assign(new Error('Nothing accepts connections'), { kind: 'unreachable' });
    const s = new ReconnectingSource(
      'influx1',
      async () => {
        attempts++;
        if (!up) throw down;
        return real;
      },
      down,
      () => connectedCalled++,
      () => now,
    );
    await expect(s.catalog()).rejects.toBe(down);
    expect(attempts).toBe(0);
    now += RECONNECT_AFTER_MS;
    await expect(s.catalog()).rejects.toBe(down);
    expect(attempts).toBe(1);
    up = true;
    await expect(s.catalog()).rejects.toBe(down);
    now += RECONNECT_AFTER_MS;
    expect(await s.catalog()).toHaveLength(1);
    expect(await s.catalog()).toHaveLength(1);
    expect([attempts, connectedCalled]).toEqual([2, 1]);
  });
});
