import { describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from '../../shared/series/window-math';
import type { SeriesWindows, WindowLayout } from '../../shared/series/types';
import { LIVE_EDGE_MS, WindowCache } from './window-cache';

const MIN = 60_000;

/** A fake source over one point per minute (value = minutes since 0), counting what it is asked. */
function fakeSource() {
  const calls: { keys: string[]; layout: WindowLayout }[] = [];
  const fetch = async (keys: readonly string[], layout: WindowLayout): Promise<SeriesWindows[]> => {
    calls.push({ keys: [...keys], layout });
    return keys.map((k) => {
      const t: number[] = [];
      const v: number[] = [];
      for (let x = Math.ceil(layout.from / MIN) * MIN; x < layout.to; x += MIN) {
        t.push(x);
        v.push(x / MIN + (k === 'b#v' ? 1000 : 0));
      }
      return aggregateWindows(k, t, v, layout);
    });
  };
  return { calls, fetch };
}

describe('WindowCache', () => {
  it('answers a repeated request from memory', async () => {
    const now = 100 * 24 * 60 * MIN;
    const cache = new WindowCache(1e9, () => now);
    const src = fakeSource();
    const layout = windowLayout({ from: 0, to: 10 * 24 * 60 * MIN }, 1000);
    const a = await cache.get('t|local', 'all', ['a#v', 'b#v'], layout, src.fetch);
    const b = await cache.get('t|local', 'all', ['a#v', 'b#v'], layout, src.fetch);
    expect(src.calls).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('keys by scope, series, range and n', async () => {
    const cache = new WindowCache(1e9, () => 1e12);
    const src = fakeSource();
    const l1 = windowLayout({ from: 0, to: 1000 * MIN }, 100);
    await cache.get('t|s1', 'all', ['a#v'], l1, src.fetch);
    await cache.get('t|s2', 'all', ['a#v'], l1, src.fetch);
    await cache.get('t|s1', 'all', ['a#v'], windowLayout({ from: 0, to: 1000 * MIN }, 50), src.fetch);
    await cache.get('t|s1', 'all', ['a#v'], windowLayout({ from: MIN, to: 1000 * MIN }, 100), src.fetch);
    await cache.get('t|s1', 'all', ['a#v', 'b#v'], l1, src.fetch);
    expect(src.calls.map((c) => c.keys)).toEqual([['a#v'], ['a#v'], ['a#v'], ['a#v'], ['b#v']]);
  });

  it('never serves the newest hour from cache: only the live windows are fetched again', async () => {
    let now = 48 * 60 * MIN;
    const cache = new WindowCache(1e9, () => now);
    const src = fakeSource();
    const layout = windowLayout({ from: 0, to: now }, 48 * 4);
    const first = await cache.get('t|x', 'all', ['a#v'], layout, src.fetch);
    now += 5 * MIN;
    const second = await cache.get('t|x', 'all', ['a#v'], layout, src.fetch);
    expect(src.calls).toHaveLength(2);
    const tail = src.calls[1]!.layout;
    expect(tail.width).toBe(layout.width);
    expect(tail.from).toBeGreaterThanOrEqual(now - 5 * MIN - LIVE_EDGE_MS - layout.width);
    expect((tail.from - layout.from) % layout.width).toBe(0);
    expect(tail.to).toBe(layout.to);
    expect(second).toEqual(first);
    expect(second[0]!.t.length).toBe(48 * 4);
  });

  it('evicts the least recently used entries past its byte budget, and invalidates a scope', async () => {
    const cache = new WindowCache(200 * 56, () => 1e12);
    const src = fakeSource();
    for (let i = 0; i < 5; i++) await cache.get('t|s', 'all', [`k${i}#v`], windowLayout({ from: 0, to: 100 * MIN }, 100), src.fetch);
    expect(cache.size).toBeLessThan(5);
    cache.invalidate('t|s');
    expect(cache.size).toBe(0);
  });

  it('invalidates one series of a scope, and does not store what a fetch read before an invalidation', async () => {
    const cache = new WindowCache(1e9, () => 1e12);
    const src = fakeSource();
    const layout = windowLayout({ from: 0, to: 100 * MIN }, 10);
    await cache.get('t|s', 'all', ['a#v', 'b#v'], layout, src.fetch);
    cache.invalidate('t|s', ['a#v']);
    await cache.get('t|s', 'all', ['a#v', 'b#v'], layout, src.fetch);
    expect(src.calls.map((c) => c.keys)).toEqual([['a#v', 'b#v'], ['a#v']]);
    // A fetch overtaken by a write: its answer is returned but not kept.
    const slow = async (keys: readonly string[], l: WindowLayout) => {
      cache.invalidate('t|s', ['c#v']);
      return src.fetch(keys, l);
    };
    await cache.get('t|s', 'all', ['c#v'], layout, slow);
    await cache.get('t|s', 'all', ['c#v'], layout, src.fetch);
    expect(src.calls.filter((c) => c.keys[0] === 'c#v')).toHaveLength(2);
  });

  it('answers aliases of a key from one entry, under the key as asked', async () => {
    const cache = new WindowCache(1e9, () => 1e12);
    const src = fakeSource();
    const layout = windowLayout({ from: 0, to: 100 * MIN }, 10);
    await cache.get('t|s', 'all', ['m,a=1,b=2#v'], layout, src.fetch);
    const [w] = await cache.get('t|s', 'all', ['m,b=2,a=1#v'], layout, src.fetch);
    expect(src.calls).toHaveLength(1);
    expect(w!.key).toBe('m,b=2,a=1#v');
  });

  it('keeps a snapped rollup answer only when it is wholly older than the live edge, and never an offline one', async () => {
    let now = 10_000 * MIN;
    const cache = new WindowCache(1e9, () => now);
    let calls = 0;
    const snappedFetch = async (keys: readonly string[], l: WindowLayout, offline = false): Promise<SeriesWindows[]> => {
      calls++;
      return keys.map((k) => ({
        ...aggregateWindows(k, [l.from], [1], l),
        snapped: { ...l, bucket: MIN },
        ...(offline ? { cache: { filledAt: 1, offline: true } } : {}),
      }));
    };
    const old = windowLayout({ from: 0, to: 1000 * MIN }, 10);
    await cache.get('t|s', 'all', ['a#v'], old, snappedFetch);
    await cache.get('t|s', 'all', ['a#v'], old, snappedFetch);
    expect(calls).toBe(1);
    const recent = windowLayout({ from: now - 1000 * MIN, to: now }, 10);
    await cache.get('t|s', 'all', ['a#v'], recent, snappedFetch);
    await cache.get('t|s', 'all', ['a#v'], recent, snappedFetch);
    expect(calls).toBe(3);
    now += 1;
    const off = (keys: readonly string[], l: WindowLayout) => snappedFetch(keys, l, true);
    await cache.get('t|s', 'all', ['b#v'], old, off);
    await cache.get('t|s', 'all', ['b#v'], old, off);
    expect(calls).toBe(5);
  });
});
