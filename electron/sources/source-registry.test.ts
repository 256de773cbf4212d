import { describe, expect, it } from 'vitest';
import { aggregateWindows } from '../../shared/series/window-math';
import type { WindowLayout } from '../../shared/series/types';
import type { SourceProfile } from '../../shared/api/source-schemas';
import { isTwinError } from '../../shared/api/errors';
import type { TimeSeriesSource, WindowsQuery } from './source';
import { SourceRegistry, sourceIdOf, displayUrl } from './source-registry';
import { windowsResponse } from './windows-response';

const windows = (
  reg: SourceRegistry,
  id: string,
  keys: string[],
  range: { from: number; to: number },
  n: number,
  stats?: ('min' | 'max' | 'mean' | 'first' | 'last' | 'count')[],
) => windowsResponse(reg.get(id), { keys, ...range, n, stats });

function fakeSource(log: string[]): TimeSeriesSource {
  return {
    kind: 'influx1',
    catalog: async () => [],
    windows: async (keys, layout: WindowLayout, q?: WindowsQuery) => {
      log.push(`windows ${keys.join(',')} ${q?.stats?.join('+') ?? 'all'}`);
      return keys.map((k) => {
        const w = aggregateWindows(k, [layout.from, layout.from + 1], [1, 3], layout);
        if (q?.stats) for (const s of ['min', 'max', 'mean', 'first', 'last', 'count'] as const) if (!q.stats.includes(s)) w[s] = w[s].map(() => NaN);
        return w;
      });
    },
    valueAt: async () => [],
    raw: async (key) => ({ key, t: [], v: [], truncated: false }),
    write: async (points) => ({ written: points.length, dropped: 0, errors: [] }),
    writeRecords: async (records) => ({ written: records.length, dropped: 0, errors: [] }),
    deleteRange: async () => undefined,
    close: async () => void log.push('closed'),
  };
}

const profile: SourceProfile = {
  kind: 'influx1',
  name: 'Historian',
  url: 'http://user:secret@historian.plant:8086/?x=1',
  database: 'plant',
  password: 'pw',
  timeoutMs: 1000,
};

describe('SourceRegistry', () => {
  it('ids and shows sources without credentials', () => {
    expect(sourceIdOf(profile)).toMatch(/^influx1:[0-9a-f]{12}$/);
    expect(sourceIdOf(profile)).toBe(sourceIdOf({ ...profile, password: 'other' }));
    expect(displayUrl(profile.url)).toBe('http://historian.plant:8086');
  });

  it('connects, lists without secrets, answers through the cache, and drops it after a write', async () => {
    const log: string[] = [];
    const reg = new SourceRegistry({ connect: async () => ({ source: fakeSource(log), version: '1.8.10', warnings: ['can write'] }) });
    const info = await reg.connect(profile);
    expect(JSON.stringify(reg.list())).not.toMatch(/secret|pw/);
    expect(info).toMatchObject({ kind: 'influx1', version: '1.8.10', warnings: ['can write'], location: 'http://historian.plant:8086' });
    const range = { from: 0, to: 1_000 };
    await windows(reg, info.id, ['a#v'], range, 10);
    await windows(reg, info.id, ['a#v'], range, 10);
    expect(log.filter((l) => l.startsWith('windows'))).toEqual(['windows a#v all']);
    await reg.get(info.id).write([{ key: 'a#v', t: 5, value: 1 }]);
    await windows(reg, info.id, ['a#v'], range, 10);
    expect(log.filter((l) => l.startsWith('windows'))).toHaveLength(2);
  });

  it('returns the statistics not asked for as empty arrays (NaN does not survive JSON)', async () => {
    const reg = new SourceRegistry({ connect: async () => ({ source: fakeSource([]), warnings: [] }) });
    const info = await reg.connect(profile);
    const { series } = await windows(reg, info.id, ['a#v'], { from: 0, to: 100 }, 10, ['mean']);
    expect(series[0]).toMatchObject({ t: [0], mean: [2], min: [], max: [], first: [], last: [], count: [] });
  });

  it('says which source is missing, refuses bad layouts, and closes what it replaces', async () => {
    const log: string[] = [];
    const reg = new SourceRegistry({ connect: async () => ({ source: fakeSource(log), warnings: [] }) });
    await expect((async () => windows(reg, 'nope', ['a#v'], { from: 0, to: 10 }, 5))()).rejects.toSatisfy(
      (e: unknown) => isTwinError(e) && e.kind === 'not-found',
    );
    const info = await reg.connect(profile);
    await expect(windows(reg, info.id, ['a#v'], { from: 0, to: 10 }, 0)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'invalid-input');
    await reg.connect(profile);
    expect(log).toContain('closed');
    await reg.disconnect(info.id);
    expect(reg.list()).toEqual([]);
  });
});
