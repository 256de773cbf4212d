import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY } from '../../../shared/series/cursor-reading';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { readingAt } from '../values/readings-engine';
import { createSeriesStore, seriesRef } from './series-store';

const MIN = 60_000;
const HOUR = 60 * MIN;
const FROM = Date.UTC(2025, 7, 1, 5);

/** A minute series over four weeks that moves, then holds still for the last 36 hours (a flatlined sensor). */
function flatlinedMinutes(to: number): { t: number[]; v: number[] } {
  const t: number[] = [];
  const v: number[] = [];
  for (let x = FROM; x < to; x += MIN) {
    t.push(x);
    v.push(x < to - 36 * HOUR ? 30 + ((x / MIN) % 37) / 10 : 31.94);
  }
  return { t, v };
}

describe('series store', () => {
  it('learns profiles on the layout the source snapped the windows to, not on the requested one', () => {
    const to = FROM + 28 * 24 * HOUR;
    const asked = windowLayout({ from: FROM, to }, 1000);
    // The source answered on whole minutes: fewer, slightly wider windows than asked for.
    const width = Math.ceil(asked.width / MIN) * MIN;
    const snapped = { from: FROM, to, width, n: Math.ceil((to - FROM) / width) };
    expect(snapped.width).toBeGreaterThan(asked.width);
    const { t, v } = flatlinedMinutes(to);
    const windows = aggregateWindows('LCWT#value', t, v, snapped);
    const ref = seriesRef('local', 'LCWT#value');

    const store = createSeriesStore();
    store.getState().beginRange(asked, 1);
    store.getState().addWindows(asked, [{ ref, windows }], snapped);
    const loaded = store.getState().windows[ref];
    // The minute, give or take the clipped last window (learned on the asked layout it came out as one window).
    expect(Math.abs((loaded?.profile.intervalMs ?? 0) - MIN)).toBeLessThan(MIN / 100);
    expect(loaded?.layout).toEqual(snapped);

    const at = to - 1;
    store.getState().addExact(at, { [ref]: { t: to - MIN, value: 31.94 } });
    const reading = readingAt(store.getState(), ref, 'local', at, DEFAULT_QUALITY);
    expect(reading?.state).toBe('stale');
    expect(reading?.why).toBe('flatline');
  });

  it('ignores windows that arrive for a range the user has left', () => {
    const store = createSeriesStore();
    const old = windowLayout({ from: FROM, to: FROM + HOUR }, 10);
    const now = windowLayout({ from: FROM + HOUR, to: FROM + 2 * HOUR }, 10);
    store.getState().beginRange(now, 1);
    store.getState().addWindows(old, [{ ref: 'x', windows: aggregateWindows('x', [FROM], [1], old) }]);
    expect(store.getState().windows).toEqual({});
    expect(store.getState().pending).toBe(1);
  });
});
