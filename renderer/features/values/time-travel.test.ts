import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import type { SeriesWindows } from '../../../shared/series/types';
import { DEFAULT_QUALITY } from '../../../shared/series/cursor-reading';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { createDocumentStore } from '../../stores/document-store';
import { createSeriesStore } from '../series/series-store';
import { createTimeStore } from '../time/time-store';
import { createReadingsStore } from './readings-store';
import type { Connections } from './session-connections';
import { REST_MS, startTimeTravel } from './time-travel';

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2025, 6, 1);
const range = { from: FROM, to: FROM + 2 * DAY };

/** A fake source over synthetic minute data: every series reads minute i of the range as i (status: on by day 1). */
function fakeApi() {
  const calls: { method: string; input: { source: string; keys: string[]; at?: number; channel?: string } }[] = [];
  const point = (key: string, t: number) => {
    const m = Math.floor((t - FROM) / MIN);
    if (m < 0) return null;
    // One series stops reporting at noon on the second day.
    if (key === 'B7_CHW_FLOW#value' && t >= FROM + DAY + DAY / 2) return { t: FROM + DAY + DAY / 2 - MIN, value: 40 };
    return { t: FROM + m * MIN, value: key.includes('STS') || key.includes('STAT') ? (m >= 1440 ? 1 : 0) : 20 + (m % 50) / 10 };
  };
  return {
    calls,
    api: {
      queryWindows: vi.fn(async (input: { source: string; keys: string[]; from: number; to: number; n: number; channel?: string }) => {
        calls.push({ method: 'queryWindows', input });
        const layout = windowLayout(input, input.n);
        const series: SeriesWindows[] = input.keys.map((key) => {
          const t: number[] = [];
          const v: number[] = [];
          for (let x = input.from; x < input.to; x += MIN) {
            const p = point(key, x);
            if (p && p.t === x) {
              t.push(p.t);
              v.push(p.value);
            }
          }
          return aggregateWindows(key, t, v, layout);
        });
        return { layout, series };
      }),
      valueAt: vi.fn(async (input: { source: string; keys: string[]; at: number; channel?: string }) => {
        calls.push({ method: 'valueAt', input });
        return input.keys.map((key) => {
          const p = point(key, input.at);
          return { key, t: p?.t ?? null, value: p?.value ?? null };
        });
      }),
    },
  };
}

const LOCAL = { id: 'local', kind: 'local', name: 'Local store', location: '/data/local' } as const;

/** The session's connections as a test sets them; listed with the local store unless told otherwise. */
function connectionsFeed(initial: Connections = { listed: true, sources: [LOCAL], chosen: {} }) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(next: Connections) {
      current = next;
      listeners.forEach((l) => l());
    },
  };
}

function setup(connections = connectionsFeed()) {
  const document = createDocumentStore(buildDemoProject());
  const time = createTimeStore();
  const series = createSeriesStore();
  const readings = createReadingsStore();
  const fake = fakeApi();
  const settled = vi.fn();
  const listConnections = vi.fn();
  const stop = startTimeTravel({
    connections,
    listConnections,
    api: fake.api as never,
    document,
    time,
    series,
    readings,
    quality: { get: () => DEFAULT_QUALITY, subscribe: () => () => undefined },
    onSettled: settled,
  });
  const sensorId = (series: string) => Object.values(document.getState().twin.sensors).find((s) => s.series === series)!.id;
  return { document, time, series, readings, fake, settled, stop, sensorId, connections, listConnections };
}

describe('time travel wiring', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the windows of a range for every bound series, in requests that cancel their predecessors', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    const windowCalls = t.fake.calls.filter((c) => c.method === 'queryWindows');
    expect(windowCalls.flatMap((c) => c.input.keys)).toHaveLength(53);
    expect(new Set(windowCalls.map((c) => c.input.channel)).size).toBe(windowCalls.length);
    expect(Object.keys(t.series.getState().windows)).toHaveLength(53);
    expect(t.series.getState().pending).toBe(0);
    t.stop();
  });

  it('draws approximate values on every cursor move and exact ones once the cursor rests', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    const kw = t.sensorId('B7_CH1_KW#value');
    t.fake.calls.length = 0;
    const at = FROM + DAY / 2 + 17 * MIN + 5_000;
    t.time.getState().setCursor(at, true);
    expect(t.readings.getState().readings[kw]?.state).toBe('approximate');
    expect(t.readings.getState().settled).toBe(false);
    // While dragging, nothing exact is asked for until the cursor has rested.
    await vi.advanceTimersByTimeAsync(REST_MS - 10);
    expect(t.fake.calls.filter((c) => c.method === 'valueAt')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    const r = t.readings.getState().readings[kw];
    expect(r).toMatchObject({ state: 'exact', t: FROM + (12 * 60 + 17) * MIN, value: 20 + ((12 * 60 + 17) % 50) / 10 });
    expect(t.readings.getState().settled).toBe(true);
    expect(t.settled).toHaveBeenCalled();
    t.stop();
  });

  it('asks for exact values at once when the cursor is let go, and only for the newest position', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    t.fake.calls.length = 0;
    t.time.getState().setCursor(FROM + DAY, true);
    t.time.getState().setCursor(FROM + DAY + 5 * MIN, true);
    t.time.getState().rest();
    await vi.advanceTimersByTimeAsync(0);
    const asked = t.fake.calls.filter((c) => c.method === 'valueAt');
    expect(asked.map((c) => c.input.at)).toEqual([FROM + DAY + 5 * MIN]);
    expect(asked[0]?.input.channel).toMatch(/^schematic-exact:local:/);
    t.stop();
  });

  it('draws equipment state from the readings: CH-1 stopped on day one, running on day two', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    const ch1 = Object.values(t.document.getState().twin.assets).find((a) => a.tag === 'CH-1')!.id;
    t.time.getState().setCursor(FROM + 3 * 3_600_000);
    await vi.advanceTimersByTimeAsync(REST_MS + 5);
    expect(t.readings.getState().equipment[ch1]?.running).toBe(false);
    t.time.getState().setCursor(FROM + DAY + 3 * 3_600_000);
    expect(t.readings.getState().equipment[ch1]?.running).toBe(true);
    t.stop();
  });

  it('draws a series that stopped reporting stale, then missing', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    const flow = t.sensorId('B7_CHW_FLOW#value');
    t.time.getState().setCursor(FROM + DAY + DAY / 2 + 9 * MIN);
    await vi.advanceTimersByTimeAsync(REST_MS + 5);
    expect(t.readings.getState().readings[flow]).toMatchObject({ state: 'stale', value: 40 });
    t.time.getState().setCursor(FROM + DAY + DAY / 2 + 3 * 3_600_000);
    await vi.advanceTimersByTimeAsync(REST_MS + 5);
    expect(t.readings.getState().readings[flow]).toMatchObject({ state: 'missing', value: null });
    t.stop();
  });

  it('reloads when sensors are bound, and not when an asset is only moved', async () => {
    const t = setup();
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    const before = t.fake.calls.length;
    const doc = t.document.getState();
    const a = Object.values(doc.twin.assets)[0]!;
    doc.apply(
      { assets: { added: {}, removed: {}, updated: { [a.id]: [a, { ...a, position: { x: a.position.x + 10, y: a.position.y } }] } } },
      { kind: 'record' },
    );
    await vi.runAllTimersAsync();
    expect(t.fake.calls.length).toBe(before);
    const s = Object.values(doc.twin.sensors)[0]!;
    doc.apply({ sensors: { added: { extra: { ...s, id: 'extra', series: 'NEW_SERIES#value' } }, removed: {}, updated: {} } }, { kind: 'record' });
    await vi.runAllTimersAsync();
    expect(t.fake.calls.slice(before).some((c) => c.method === 'queryWindows' && c.input.keys.includes('NEW_SERIES#value'))).toBe(true);
    t.stop();
  });

  it('draws every series of a connection that cannot be read as missing, saying it failed', async () => {
    const t = setup();
    t.fake.api.valueAt.mockRejectedValue(Object.assign(new Error('Source "local" is not connected'), { name: 'TwinError', kind: 'not-found' }));
    t.fake.api.queryWindows.mockRejectedValue(Object.assign(new Error('Source "local" is not connected'), { name: 'TwinError', kind: 'not-found' }));
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    expect(t.series.getState().failures.local).toMatch(/not connected/);
    const kw = t.sensorId('B7_CH1_KW#value');
    expect(t.readings.getState().readings[kw]).toMatchObject({ state: 'missing', why: 'source-error', value: null });
    t.stop();
  });

  it('reads each sensor from the connection its project source resolves to, whatever that connection’s id', async () => {
    // The demo names the local store "local"; this session's local store has another id.
    const t = setup(connectionsFeed({ listed: true, sources: [{ ...LOCAL, id: 'store:7f3a' }], chosen: {} }));
    t.time.getState().setRange(range, '24h');
    await vi.runAllTimersAsync();
    t.time.getState().setCursor(FROM + DAY / 2);
    await vi.advanceTimersByTimeAsync(REST_MS + 5);
    expect(new Set(t.fake.calls.map((c) => c.input.source))).toEqual(new Set(['store:7f3a']));
    expect(t.readings.getState().readings[t.sensorId('B7_CH1_KW#value')]).toMatchObject({ state: 'exact', why: 'fresh' });
    t.stop();
  });

  it('asks for nothing until the connections are listed, then loads; unconnected sensors are drawn missing, no-source', async () => {
    const connections = connectionsFeed({ listed: false, sources: [], chosen: {} });
    const t = setup(connections);
    t.time.getState().setRange(range, '24h');
    t.time.getState().setCursor(FROM + DAY / 2);
    await vi.runAllTimersAsync();
    expect(t.listConnections).toHaveBeenCalledTimes(1);
    expect(t.fake.calls).toHaveLength(0);
    expect(t.readings.getState().readings).toEqual({});
    expect(t.readings.getState().settled).toBe(false);

    // Listed, without the local store: nothing to ask, every sensor missing for want of its source, and that is final.
    connections.set({ listed: true, sources: [], chosen: {} });
    await vi.runAllTimersAsync();
    expect(t.fake.calls).toHaveLength(0);
    const kw = t.sensorId('B7_CH1_KW#value');
    expect(t.readings.getState().readings[kw]).toMatchObject({ state: 'missing', why: 'no-source', value: null });
    expect(t.readings.getState().settled).toBe(true);

    // The local store connects: its windows load and exact values are drawn.
    connections.set({ listed: true, sources: [LOCAL], chosen: {} });
    await vi.runAllTimersAsync();
    expect(t.fake.calls.filter((c) => c.method === 'queryWindows').flatMap((c) => c.input.keys)).toHaveLength(53);
    expect(t.readings.getState().readings[kw]).toMatchObject({ state: 'exact', why: 'fresh' });
    t.stop();
  });
});
