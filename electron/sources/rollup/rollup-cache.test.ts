import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { twinError } from '../../../shared/api/errors';
import { chooseLevel, slicesOf, snapLayout, type SeriesBuckets } from '../../../shared/series/rollup-math';
import type { SeriesWindows, ValueAt, WindowLayout } from '../../../shared/series/types';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { importFile } from '../../import/import-file';
import { LocalStore } from '../local/local-store';
import { BYTES_PER_BUCKET } from '../local/rollup-store';
import { PassThroughSource } from '../layers/pass-through-source';
import { SourceChanges } from '../layers/source-changes';
import { sessionSources } from '../session-sources';
import { SourceRegistry } from '../source-registry';
import type { CallOptions, TimeSeriesSource, WindowsQuery } from '../source';
import { expectSameWindows } from '../testing/source-conformance';
import { windowsResponse } from '../windows-response';
import { RollupCache, type RollupCacheOptions } from './rollup-cache';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 0, 1);
const END = T0 + 120 * DAY;
const KEYS = ['plant,unit=CH1#kw', 'plant,unit=CH2#kw'];

/** A source in front of a local store that can hold its window calls, fail as unreachable, and counts calls. */
class TestSource extends PassThroughSource {
  windowCalls: { keys: string[]; layout: WindowLayout }[] = [];
  offline = false;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  private gateBucketsOnly = false;

  /** Hold every query, or only the fill's bucket queries (windows still answer). */
  hold(bucketsOnly = false): void {
    this.gateBucketsOnly = bucketsOnly;
    this.gate = new Promise((r) => (this.open = r));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  /** Every query that reaches the source (windows, and the fill's bucket queries) is counted, and held while held. */
  private async reach(keys: readonly string[], layout: WindowLayout, signal: AbortSignal | undefined, buckets = false): Promise<void> {
    if (this.offline) throw twinError('unreachable', 'Nothing accepts connections at 127.0.0.1:9 (connection refused).', { where: '127.0.0.1:9' });
    this.windowCalls.push({ keys: [...keys], layout });
    if (this.gate && (buckets || !this.gateBucketsOnly)) {
      await Promise.race([
        this.gate,
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })))),
      ]);
    }
  }

  override async windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]> {
    await this.reach(keys, layout, query?.signal);
    return this.inner.windows(keys, layout, query);
  }

  async buckets(keys: readonly string[], layout: WindowLayout, options?: CallOptions): Promise<SeriesBuckets[]> {
    await this.reach(keys, layout, options?.signal, true);
    return (this.inner as LocalStore).buckets(keys, layout, options);
  }

  override async valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    if (this.offline) throw twinError('unreachable', 'Nothing accepts connections at 127.0.0.1:9 (connection refused).', { where: '127.0.0.1:9' });
    return this.inner.valueAt(keys, t, options);
  }

  override async close(): Promise<void> {}
}

interface Harness {
  dir: string;
  store: LocalStore;
  source: TestSource;
  cache: RollupCache;
  changes: SourceChanges;
  layer: TimeSeriesSource;
  data: Map<string, { t: number[]; v: number[] }>;
}

const opened: Harness[] = [];

afterEach(async () => {
  for (const h of opened.splice(0)) {
    await h.cache.close();
    await h.store.close();
    await rm(h.dir, { recursive: true, force: true });
  }
});

/** Minute data with gaps for KEYS over [T0, END); the rollup layer (tenant "t") over a TestSource in front of the store. */
async function harness(options: Partial<RollupCacheOptions> = {}, end = END): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-rollup-'));
  const store = await LocalStore.open(dir);
  const data = new Map<string, { t: number[]; v: number[] }>();
  for (const [i, key] of KEYS.entries()) {
    const t: number[] = [];
    const v: number[] = [];
    for (let x = T0 + i * 7_000; x < end; x += MIN) {
      if (Math.floor(x / DAY) % 17 === 3) continue;
      t.push(x);
      v.push(Math.round((100 * i + 50 * Math.sin(x / 7_200_000) + ((x / MIN) % 13)) * 1000) / 1000);
    }
    data.set(key, { t, v });
    await store.appendColumns([{ key, t, v }]);
  }
  const changes = new SourceChanges();
  const cache = new RollupCache(store.rollups, changes, { tenant: 't', now: () => end + 30 * DAY, recheckEveryMs: 0, ...options });
  const source = new TestSource(store);
  const layer = cache.wrap('local', source);
  const h = { dir, store, source, cache, changes, layer, data };
  opened.push(h);
  return h;
}

const brute = (h: Harness, key: string, layout: WindowLayout) => aggregateWindows(key, h.data.get(key)!.t, h.data.get(key)!.v, layout);

describe('the rollup cache answering windows', () => {
  it('answers a cold request from the source over the snapped windows before the fill is done, then from the cache', async () => {
    const h = await harness();
    const layout = windowLayout({ from: T0 + 1_234, to: T0 + 100 * DAY }, 1000);
    const first = await h.layer.windows(KEYS, layout);
    // The fill starts once the answer is out; it is held at the source, so the answer came before it.
    h.source.hold();
    while (h.cache.filler.progress().state !== 'filling') await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(h.cache.filler.progress()).toMatchObject({ state: 'filling', done: 0 });
    h.source.release();
    expect(first[0]!.snapped).toMatchObject({ bucket: chooseLevel(layout.width) });
    expect(first[0]!.cache).toBeUndefined();
    for (const [i, key] of KEYS.entries()) expectSameWindows(first[i], brute(h, key, first[0]!.snapped!));
    await h.cache.idle();
    const calls = h.source.windowCalls.length;
    const warm = await h.layer.windows(KEYS, layout);
    expect(h.source.windowCalls.length).toBe(calls);
    expect(warm[0]!.cache).toMatchObject({ offline: false, filledAt: END + 30 * DAY });
    for (const [i, key] of KEYS.entries()) expectSameWindows(warm[i], brute(h, key, warm[0]!.snapped!), 1e-12);
  });

  it('lets short ranges fall through to the source, unsnapped', async () => {
    const h = await harness();
    const layout = windowLayout({ from: T0 + 5 * DAY + 17, to: T0 + 6 * DAY }, 1000);
    const [w] = await h.layer.windows([KEYS[0]!], layout);
    expect(w!.snapped).toBeUndefined();
    expectSameWindows(w, brute(h, KEYS[0]!, layout));
    await h.cache.idle();
    expect(h.cache.stats().sources).toEqual([]);
  });

  it('never serves the newest hour from the cache: windows over it come from the source every time', async () => {
    // Data up to "now"; the last 40 minutes are written later, unannounced, like another program would.
    const now = END;
    const h = await harness({ now: () => now }, END - 40 * MIN);
    const layout = windowLayout({ from: now - 20 * DAY, to: now }, 1000);
    await h.layer.windows(KEYS, layout);
    await h.cache.idle();
    const level = chooseLevel(layout.width)!;
    const sid = h.store.rollups.sidOf({ tenant: 't', source: 'local' }, KEYS[0]!)!;
    const filledTo = Math.max(...h.store.rollups.covered(sid, level).map((c) => c.to));
    expect(filledTo).toBeLessThanOrEqual(now - HOUR);
    const late = Array.from({ length: 40 }, (_, i) => ({ key: KEYS[0]!, t: END - 40 * MIN + i * MIN, value: 1e6 + i }));
    await h.store.write(late);
    const [w] = await h.layer.windows([KEYS[0]!], layout);
    expect(w!.cache).toMatchObject({ offline: false });
    expect(Math.max(...w!.max)).toBe(1e6 + 39);
    h.data.get(KEYS[0]!)!.t.push(...late.map((p) => p.t));
    h.data.get(KEYS[0]!)!.v.push(...late.map((p) => p.value));
    expectSameWindows(w, brute(h, KEYS[0]!, w!.snapped!), 1e-12);
  });

  it('keeps one tenant’s rollups from answering another’s, in the same store', async () => {
    const h = await harness();
    const layout = windowLayout({ from: T0, to: T0 + 100 * DAY }, 1000);
    await h.layer.windows(KEYS, layout);
    await h.cache.idle();
    const other = new RollupCache(h.store.rollups, h.changes, { tenant: 'other', now: () => END + 30 * DAY, recheckEveryMs: 0 });
    try {
      const layer = other.wrap('local', h.source);
      const [w] = await layer.windows([KEYS[0]!], layout);
      // Answered by the source, not from the other tenant's buckets; its own fill is its own.
      expect(w!.cache).toBeUndefined();
      expect(h.source.windowCalls.some((c) => c.layout.width === w!.snapped!.width && c.keys[0] === KEYS[0])).toBe(true);
      const before = h.cache.stats().sources;
      expect(before).toMatchObject([{ source: 'local', series: 2 }]);
      await other.idle();
      expect(other.stats().sources).toMatchObject([{ source: 'local', series: 1 }]);
      expect(h.cache.stats().sources).toEqual(before);
      await other.clear();
      const [again] = await h.layer.windows([KEYS[0]!], layout);
      expect(again!.cache).toMatchObject({ offline: false });
    } finally {
      await other.close();
    }
  });

  it('stays within its size bound, dropping the least recently used ranges first', async () => {
    // Each range is about 3,600 buckets of 15 minutes: three fit, the fourth makes room.
    const h = await harness({ maxBytes: 9_000 * BYTES_PER_BUCKET });
    const early = windowLayout({ from: T0, to: T0 + 40 * DAY }, 200);
    const late = windowLayout({ from: T0 + 60 * DAY, to: T0 + 100 * DAY }, 200);
    await h.layer.windows([KEYS[0]!], early);
    await h.cache.idle();
    await h.layer.windows([KEYS[0]!], late);
    await h.cache.idle();
    // The early range was used again; the late one not since its fill.
    await h.layer.windows([KEYS[0]!], early);
    await h.layer.windows([KEYS[1]!], early);
    await h.cache.idle();
    expect(h.store.rollups.totalBytes()).toBeLessThanOrEqual(9_000 * BYTES_PER_BUCKET);
    const [e0, e1] = await h.layer.windows(KEYS, early);
    const [l0] = await h.layer.windows([KEYS[0]!], late);
    expect(e0!.cache).toBeDefined();
    expect(e1!.cache).toBeDefined();
    expect(l0!.cache).toBeUndefined();
  });

  it('answers what is cached when the source cannot be reached, marked offline with its age, and fails for what is not', async () => {
    const h = await harness();
    const layout = windowLayout({ from: T0, to: T0 + 100 * DAY }, 500);
    await h.layer.windows([KEYS[0]!], layout);
    await h.cache.idle();
    h.source.offline = true;
    const [w] = await h.layer.windows([KEYS[0]!], layout);
    expect(w!.cache).toEqual({ filledAt: END + 30 * DAY, offline: false });
    // The value at an instant, from the cached buckets: the last point up to where the cache knows everything
    // (`through`: the instant itself on a bucket edge, else the start of its 15-minute bucket), exact in time and value.
    const level = chooseLevel(layout.width)!;
    for (const [at, through] of [
      [T0 + 10 * DAY + 17 * MIN + 30_000, T0 + 10 * DAY + 15 * MIN],
      [T0 + 3 * DAY + 12 * HOUR, T0 + 3 * DAY + 12 * HOUR],
      [T0 + 50 * DAY, T0 + 50 * DAY],
    ] as const) {
      expect(level).toBe(15 * MIN);
      const d = h.data.get(KEYS[0]!)!;
      const i = d.t.findLastIndex((x) => x < through);
      expect(await h.layer.valueAt([KEYS[0]!], at)).toEqual([
        { key: KEYS[0], t: d.t[i], value: d.v[i], cache: { filledAt: END + 30 * DAY, offline: true, through } },
      ]);
    }
    await expect(h.layer.valueAt([KEYS[1]!], T0 + 5 * DAY)).rejects.toMatchObject({ kind: 'unreachable' });
    // A range reaching into the newest hour needs the source for its tail: marked offline, tail missing.
    const live = new RollupCache(h.store.rollups, h.changes, { tenant: 't', now: () => T0 + 100 * DAY + 10 * MIN, recheckEveryMs: 0 });
    try {
      const layer = live.wrap('local', h.source);
      const [x] = await layer.windows([KEYS[0]!], windowLayout({ from: T0, to: T0 + 100 * DAY }, 500));
      expect(x!.cache).toMatchObject({ offline: true, filledAt: END + 30 * DAY });
      expect(x!.t.length).toBeGreaterThan(400);
      expect(x!.t.every((t) => t + x!.snapped!.width <= x!.cache!.through!)).toBe(true);
      await expect(layer.windows([KEYS[1]!], windowLayout({ from: T0, to: T0 + 100 * DAY }, 500))).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      await live.close();
    }
  });
});

describe('keeping the rollup cache true', () => {
  it('drops and refills the buckets a write-back touches, and the answer shows the new value', async () => {
    const h = await harness();
    const registry = sessionSources({
      factories: { connect: () => Promise.reject(new Error('none')) },
      local: { info: { id: 'local', kind: 'local', name: 'Local', location: h.dir, warnings: [] }, store: h.store },
      rollups: { now: () => END + 30 * DAY, recheckEveryMs: 0 },
    });
    try {
      const request = { keys: [KEYS[0]!], from: T0, to: T0 + 100 * DAY, n: 1000 };
      await windowsResponse(registry.get('local'), request);
      await registry.rollups!.idle();
      const t = T0 + 50 * DAY + 30 * MIN + 5;
      await registry.get('local').write([{ key: KEYS[0]!, t, value: 9999 }]);
      await registry.rollups!.idle();
      const after = await windowsResponse(registry.get('local'), request);
      expect(after.series[0]!.cache).toMatchObject({ offline: false });
      expect(Math.max(...after.series[0]!.max)).toBe(9999);
      const d = h.data.get(KEYS[0]!)!;
      const at = d.t.findIndex((x) => x > t);
      d.t.splice(at, 0, t);
      d.v.splice(at, 0, 9999);
      expectSameWindows(after.series[0], brute(h, KEYS[0]!, after.snapped!), 1e-12);
    } finally {
      await registry.rollups!.close();
    }
  });

  it('drops the buckets an import touches', async () => {
    const h = await harness();
    const registry = sessionSources({
      factories: { connect: () => Promise.reject(new Error('none')) },
      local: { info: { id: 'local', kind: 'local', name: 'Local', location: h.dir, warnings: [] }, store: h.store },
      rollups: { now: () => END + 30 * DAY, recheckEveryMs: 0 },
    });
    try {
      const request = { keys: [KEYS[1]!], from: T0, to: T0 + 100 * DAY, n: 500 };
      await windowsResponse(registry.get('local'), request);
      await registry.rollups!.idle();
      const file = path.join(h.dir, 'backfill.lp');
      await writeFile(file, `plant,unit=CH2 kw=-777 ${T0 + 20 * DAY + 90_000}000000\n`);
      const result = await importFile(h.store, file, { format: 'line-protocol' });
      expect(result.points).toBe(1);
      await registry.rollups!.idle();
      const after = await windowsResponse(registry.get('local'), request);
      expect(Math.min(...after.series[0]!.min)).toBe(-777);
    } finally {
      await registry.rollups!.close();
    }
  });

  it('refreshes a range on request, fetching it again', async () => {
    const h = await harness();
    const layout = windowLayout({ from: T0, to: T0 + 100 * DAY }, 1000);
    await h.layer.windows(KEYS, layout);
    await h.cache.idle();
    // Changed behind the cache's back, unannounced: only a refresh (or the late-data check) finds it.
    await h.store.write([{ key: KEYS[0]!, t: T0 + 10 * DAY + 5, value: 5555 }]);
    expect(Math.max(...(await h.layer.windows([KEYS[0]!], layout))[0]!.max)).toBeLessThan(5555);
    expect(await h.cache.refresh('local', { from: T0 + 10 * DAY, to: T0 + 11 * DAY })).toEqual({ series: 2 });
    await h.cache.idle();
    const [w] = await h.layer.windows([KEYS[0]!], layout);
    expect(w!.cache).toBeDefined();
    expect(Math.max(...w!.max)).toBe(5555);
  });

  it('catches late data by re-counting recent days against the source, and drops only the days that differ', async () => {
    const now = END + 2 * HOUR;
    const h = await harness({ now: () => now, recentDays: 7 });
    const layout = windowLayout({ from: END - 30 * DAY, to: END }, 1000);
    await h.layer.windows(KEYS, layout);
    await h.cache.idle();
    expect((await h.cache.checkLateData()).changed).toEqual([]);
    // A backfill two days ago, written by another program.
    const day = Math.floor((END - 2 * DAY) / DAY) * DAY;
    await h.store.write([{ key: KEYS[1]!, t: day + 3 * HOUR + 30_001, value: 4242 }]);
    expect((await h.cache.checkLateData()).changed).toEqual([{ source: 'local', key: KEYS[1]!, from: day, to: day + DAY }]);
    await h.cache.idle();
    const [w] = await h.layer.windows([KEYS[1]!], layout);
    expect(w!.cache).toBeDefined();
    expect(Math.max(...w!.max)).toBe(4242);
    expect((await h.cache.checkLateData()).changed).toEqual([]);
  });

  it('fills all of a range whose slice another request queued with a shorter end (the time bar and a chart asking at once)', async () => {
    const h = await harness({ fillConcurrency: 1 });
    const shorter = windowLayout({ from: T0, to: T0 + 8.5 * DAY }, 850);
    const longer = windowLayout({ from: T0, to: T0 + 20 * DAY }, 2000);
    expect(chooseLevel(shorter.width)).toBe(chooseLevel(longer.width));
    // The shorter range's fill is under way (held at its first slice, the rest queued) when the longer range is asked for.
    h.source.hold(true);
    await h.layer.windows(KEYS, shorter);
    while (h.cache.filler.progress().state !== 'filling') await new Promise((r) => setTimeout(r, 5));
    await h.layer.windows(KEYS, longer);
    // Let the longer range's fill request land in the queue before the held slice lets go.
    while (h.cache.filler.progress().total <= slicesOf({ from: T0, to: T0 + 8.5 * DAY }, chooseLevel(shorter.width)!).length * KEYS.length)
      await new Promise((r) => setTimeout(r, 5));
    h.source.release();
    await h.cache.idle();
    const calls = h.source.windowCalls.length;
    const warm = await h.layer.windows(KEYS, longer);
    expect(h.source.windowCalls.length).toBe(calls);
    expect(warm[0]!.cache).toMatchObject({ offline: false });
    for (const [i, key] of KEYS.entries()) expectSameWindows(warm[i], brute(h, key, warm[0]!.snapped!), 1e-12);
  });

  it('fills again after a cancel: the cancelled slices are not taken as still on their way', async () => {
    const h = await harness({ fillConcurrency: 1 });
    const layout = windowLayout({ from: T0, to: T0 + 20 * DAY }, 1000);
    await h.layer.windows(KEYS, layout);
    h.source.hold();
    while (h.cache.filler.progress().state !== 'filling') await new Promise((r) => setTimeout(r, 5));
    await h.cache.cancelFill();
    h.source.release();
    await h.layer.windows(KEYS, layout);
    await h.cache.idle();
    const warm = await h.layer.windows(KEYS, layout);
    expect(warm[0]!.cache).toMatchObject({ offline: false });
  });

  it('cancels a fill on request: queries stop, what is filled stays, nothing resumes', async () => {
    const h = await harness({ fillConcurrency: 1 });
    await h.layer.windows(KEYS, windowLayout({ from: T0, to: T0 + 10 * DAY }, 1000));
    await h.cache.idle();
    await h.layer.windows(KEYS, windowLayout({ from: T0, to: T0 + 100 * DAY }, 1000));
    h.source.hold();
    while (h.cache.filler.progress().state !== 'filling') await new Promise((r) => setTimeout(r, 5));
    expect(h.cache.filler.progress()).toMatchObject({ state: 'filling', done: 0 });
    await h.cache.cancelFill();
    h.source.release();
    expect(h.cache.filler.progress().state).toBe('cancelled');
    expect(h.cache.stats().sources[0]!.buckets).toBeGreaterThan(0);
    const sids = h.store.rollups.sidsOf('t', 'local');
    expect(await h.store.rollups.jobs(sids)).toEqual([]);
  });

  it('resumes an unfinished fill after a restart, from where it stopped', async () => {
    const h = await harness({ fillConcurrency: 1 });
    const layout = windowLayout({ from: T0, to: T0 + 100 * DAY }, 2000);
    const level = chooseLevel(layout.width)!;
    await h.layer.windows(KEYS, layout);
    // Quit while the fill is under way: the slices done stay, the job stays.
    while (h.cache.filler.progress().done < 3) await new Promise((r) => setTimeout(r, 5));
    await h.cache.close();
    await h.store.close();
    const store = await LocalStore.open(h.dir);
    h.store = store;
    const sids = KEYS.map((k) => store.rollups.sidOf({ tenant: 't', source: 'local' }, k)!);
    expect((await store.rollups.jobs(sids)).length).toBeGreaterThan(0);
    const partly = sids.map((sid) => store.rollups.covered(sid, level).length);
    h.cache = new RollupCache(store.rollups, h.changes, { tenant: 't', now: () => END + 30 * DAY, recheckEveryMs: 0 });
    const source = new TestSource(store);
    const layer = h.cache.wrap('local', source);
    await h.cache.idle();
    // Only the slices still missing were asked for.
    const snapped = snapLayout(layout, level);
    const slices = slicesOf({ from: snapped.from, to: snapped.to }, level).length * KEYS.length;
    expect(partly.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(source.windowCalls.length).toBe(slices - partly.reduce((a, b) => a + b, 0));
    expect(await store.rollups.jobs(sids)).toEqual([]);
    const got = await layer.windows(KEYS, layout);
    expect(source.windowCalls.length).toBe(slices - partly.reduce((a, b) => a + b, 0));
    for (const [i, key] of KEYS.entries()) {
      const stored = await store.rollups.storedBuckets(sids[i]!, level);
      expect(new Set(stored.t).size).toBe(stored.t.length);
      expect(got[i]!.cache).toBeDefined();
      expectSameWindows(got[i], brute(h, key, got[i]!.snapped!), 1e-12);
    }
  });

  it('carries on filling after the source is connected again, without failures', async () => {
    const h = await harness({ fillConcurrency: 1 });
    const first = new TestSource(h.store);
    const second = new TestSource(h.store);
    const connections = [first, second];
    const registry = new SourceRegistry({ connect: async () => ({ source: connections.shift()!, warnings: [] }) }, 't', {
      rollups: h.cache,
      changes: h.changes,
    });
    const profile = { kind: 'influx1', name: 'x', url: 'http://127.0.0.1:1', database: 'd', timeoutMs: 1000 } as const;
    const info = await registry.connect(profile);
    await windowsResponse(registry.get(info.id), { keys: KEYS, from: T0, to: T0 + 100 * DAY, n: 1000 });
    first.hold();
    // The cold answer, then a slice of the fill held at the source.
    while (first.windowCalls.length < 2) await new Promise((r) => setTimeout(r, 5));
    await registry.connect(profile);
    first.release();
    await h.cache.idle();
    expect(h.cache.filler.progress()).toMatchObject({ state: 'idle', failed: 0 });
    expect(second.windowCalls.length).toBeGreaterThan(0);
    const [w] = await windowsResponse(registry.get(info.id), { keys: KEYS, from: T0, to: T0 + 100 * DAY, n: 1000 }).then((r) => r.series);
    expect(w!.cache).toMatchObject({ offline: false });
  });
});
