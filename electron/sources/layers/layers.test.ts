import { describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import type { WindowLayout } from '../../../shared/series/types';
import { ChannelAborts } from '../channel-aborts';
import type { CallOptions, TimeSeriesSource, WindowsQuery } from '../source';
import { WindowCache } from '../window-cache';
import { CancellableSource } from './cancellable-source';
import { InvalidateOnWriteSource } from './invalidate-on-write-source';
import { SourceChanges, type SourceChange } from './source-changes';
import { WindowCacheSource } from './window-cache-source';

/** A source that records what reaches it; `gate` holds windows calls until released. */
function recordingSource() {
  const seen: { call: string; options: CallOptions | WindowsQuery | undefined }[] = [];
  let release: (() => void) | null = null;
  const source: TimeSeriesSource & { seen: typeof seen; hold: boolean; release(): void } = {
    kind: 'influx1',
    seen,
    hold: false,
    release: () => release?.(),
    catalog: async (q) => (seen.push({ call: 'catalog', options: q }), []),
    windows: async (keys, layout: WindowLayout, q) => {
      seen.push({ call: `windows ${keys.join(',')}`, options: q });
      if (source.hold) {
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          q?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        });
      }
      return keys.map((k) => aggregateWindows(k, [layout.from], [seen.length], layout));
    },
    valueAt: async (keys, _t, o) => (seen.push({ call: 'valueAt', options: o }), keys.map((key) => ({ key, t: null, value: null }))),
    raw: async (key, _r, _l, o) => (seen.push({ call: 'raw', options: o }), { key, t: [], v: [], truncated: false }),
    write: async (points, o) => {
      seen.push({ call: 'write', options: o });
      if (points.some((p) => p.value < 0)) throw new Error('refused');
      return { written: points.length, dropped: 0, errors: [] };
    },
    writeRecords: async (records, o) => (seen.push({ call: 'writeRecords', options: o }), { written: records.length, dropped: 0, errors: [] }),
    deleteRange: async (_s, o) => void seen.push({ call: 'deleteRange', options: o }),
    close: async () => void seen.push({ call: 'close', options: undefined }),
  };
  return source;
}

const layout = windowLayout({ from: 0, to: 100_000 }, 10);

describe('CancellableSource', () => {
  it('aborts the call still running on a channel when a new one starts there, and no other', async () => {
    const inner = recordingSource();
    const channels = new ChannelAborts();
    const s = new CancellableSource(inner, channels);
    inner.hold = true;
    const first = s.windows(['a#v'], layout, { channel: 'chart-1' });
    const other = s.windows(['b#v'], layout, { channel: 'chart-2' });
    await new Promise((r) => setTimeout(r, 5));
    inner.hold = false;
    const second = await s.windows(['a#v'], layout, { channel: 'chart-1' });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    inner.release();
    expect((await other)[0]!.key).toBe('b#v');
    expect(second[0]!.key).toBe('a#v');
  });

  it('hands the source a signal instead of the channel, merged with a signal the caller gave', async () => {
    const inner = recordingSource();
    const s = new CancellableSource(inner, new ChannelAborts());
    const mine = new AbortController();
    await s.valueAt(['a#v'], 1, { channel: 'cursor', signal: mine.signal });
    await s.raw('a#v', { from: 0, to: 1 }, 10, { channel: 'raw' });
    await s.catalog({ search: 'x' });
    for (const { options } of inner.seen) expect(options).not.toHaveProperty('channel');
    const given = inner.seen[0]!.options!.signal!;
    expect(given.aborted).toBe(false);
    mine.abort();
    expect(given.aborted).toBe(true);
    expect(inner.seen[2]!.options).toMatchObject({ search: 'x' });
  });
});

describe('InvalidateOnWriteSource', () => {
  it('announces the span each series was written over, under canonical keys, also when the write fails', async () => {
    const changes = new SourceChanges();
    const got: SourceChange[] = [];
    changes.subscribe((c) => got.push(c));
    const s = new InvalidateOnWriteSource(recordingSource(), 'src', changes);
    await s.write([
      { key: 'm,b=2,a=1#v', t: 50, value: 1 },
      { key: 'm,a=1,b=2#v', t: 10, value: 2 },
      { key: 'n#v', t: 7, value: 3 },
    ]);
    expect(got).toEqual([
      { source: 'src', keys: ['m,a=1,b=2#v'], from: 10, to: 51 },
      { source: 'src', keys: ['n#v'], from: 7, to: 8 },
    ]);
    await expect(s.write([{ key: 'n#v', t: 100, value: -1 }])).rejects.toThrow('refused');
    expect(got[2]).toEqual({ source: 'src', keys: ['n#v'], from: 100, to: 101 });
  });

  it('announces the numeric fields of written records as series, and a deleted range over the whole source', async () => {
    const changes = new SourceChanges();
    const got: SourceChange[] = [];
    changes.subscribe((c) => got.push(c));
    const s = new InvalidateOnWriteSource(recordingSource(), 'src', changes);
    await s.writeRecords([
      { measurement: 'twin_prediction', tags: { model: 'm1', asset: 'CH-1' }, fields: { actual: 1, predicted: 2 }, t: 20 },
      { measurement: 'twin_alert', tags: { model: 'm1' }, fields: { peak: 3, direction: 'high' }, t: 5 },
    ]);
    expect(got).toEqual([
      { source: 'src', keys: ['twin_prediction,asset=CH-1,model=m1#actual'], from: 20, to: 21 },
      { source: 'src', keys: ['twin_prediction,asset=CH-1,model=m1#predicted'], from: 20, to: 21 },
      { source: 'src', keys: ['twin_alert,model=m1#peak'], from: 5, to: 6 },
    ]);
    await s.deleteRange({ measurement: 'twin_alert', tags: { model: 'm1' }, from: 0, to: 100 });
    expect(got[3]).toEqual({ source: 'src', from: 0, to: 100 });
  });
});

describe('WindowCacheSource', () => {
  it('answers repeats from memory per statistics asked, and drops a series when its source announces a change to it', async () => {
    const inner = recordingSource();
    const changes = new SourceChanges();
    const s = new WindowCacheSource(inner, new WindowCache(1e9, () => 1e13), 't|src', 'src', changes);
    const count = () => inner.seen.filter((x) => x.call.startsWith('windows')).length;
    await s.windows(['a#v', 'b#v'], layout);
    await s.windows(['a#v', 'b#v'], layout);
    expect(count()).toBe(1);
    await s.windows(['a#v'], layout, { stats: ['mean'] });
    expect(count()).toBe(2);
    changes.publish({ source: 'other', keys: ['a#v'] });
    await s.windows(['a#v', 'b#v'], layout);
    expect(count()).toBe(2);
    changes.publish({ source: 'src', keys: ['a#v'], from: 0, to: 1 });
    await s.windows(['a#v', 'b#v'], layout);
    expect(inner.seen.at(-1)!.call).toBe('windows a#v');
    changes.publish({ source: 'src' });
    await s.windows(['a#v', 'b#v'], layout);
    expect(inner.seen.at(-1)!.call).toBe('windows a#v,b#v');
  });
});
