import { describe, expect, it } from 'vitest';
import { classifyReading, DEFAULT_QUALITY, flatlineSince, sameReading, windowAtOrBefore, windowPointAt } from './cursor-reading';
import { learnProfile } from './series-profile';
import { aggregateWindows, windowLayout } from './window-math';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const range = { from: 0, to: 30 * DAY };
const layout = windowLayout(range, 1000); // 43.2-minute windows

/** 30 days of noisy minute data with a gap on day 5 (4 h) and the value frozen at 31.4 for days 11–14. */
function series() {
  const t: number[] = [];
  const v: number[] = [];
  for (let x = 0, i = 0; x < range.to; x += MIN, i++) {
    if (x >= 5 * DAY && x < 5 * DAY + 4 * HOUR) continue;
    t.push(x);
    v.push(x >= 11 * DAY && x < 14 * DAY ? 31.4 : 30 + 2 * Math.sin(i / 50) + (i % 3) * 0.01);
  }
  const w = aggregateWindows('B7.CHLR2.LCWT#value', t, v, layout);
  return { w, profile: learnProfile(w, layout) };
}

describe('reading at the cursor', () => {
  const { w, profile } = series();

  it('reads the last value of the window holding the cursor while it moves, never a point after that window', () => {
    const c = 2 * DAY + 17 * MIN;
    const j = windowAtOrBefore(w, c);
    expect(w.t[j]).toBeLessThanOrEqual(c);
    expect((w.t[j] as number) + layout.width).toBeGreaterThan(c);
    const p = windowPointAt(w, layout, c);
    expect(p).toEqual({ value: w.last[j], t: c });
    expect(classifyReading(p, c, false, profile, DEFAULT_QUALITY)).toMatchObject({ state: 'approximate', value: w.last[j], why: 'fresh' });
    expect(windowPointAt(w, layout, -1)).toBeNull();
  });

  it('calls a value exact when it came from the source at the cursor', () => {
    const c = 3 * DAY;
    expect(classifyReading({ value: 30.5, t: c - 20_000 }, c, true, profile, DEFAULT_QUALITY)).toEqual({
      value: 30.5,
      t: c - 20_000,
      state: 'exact',
      why: 'fresh',
      age: 20_000,
      since: null,
    });
  });

  it('marks a point older than the configured multiple of the usual interval stale, with its age', () => {
    const c = 3 * DAY;
    const late = classifyReading({ value: 30.5, t: c - 6 * MIN }, c, true, profile, DEFAULT_QUALITY);
    expect(late).toMatchObject({ state: 'stale', why: 'late', value: 30.5, age: 6 * MIN });
    expect(classifyReading({ value: 30.5, t: c - 4 * MIN }, c, true, profile, DEFAULT_QUALITY).state).toBe('exact');
    // The multiple is a setting.
    expect(classifyReading({ value: 30.5, t: c - 4 * MIN }, c, true, profile, { ...DEFAULT_QUALITY, staleAfter: 2 }).state).toBe('stale');
  });

  it('draws a gap as missing, without the old value, both exact and while moving', () => {
    const inGap = 5 * DAY + 2 * HOUR;
    const lastBefore = 5 * DAY - MIN;
    const exact = classifyReading({ value: 30.2, t: lastBefore }, inGap, true, profile, DEFAULT_QUALITY);
    expect(exact).toMatchObject({ state: 'missing', why: 'gap', value: null, t: null, since: lastBefore });
    expect(exact.age).toBe(inGap - lastBefore);
    const moving = classifyReading(windowPointAt(w, layout, inGap), inGap, false, profile, DEFAULT_QUALITY);
    expect(moving).toMatchObject({ state: 'missing', value: null });
    // Early in the gap the value is stale first, then missing.
    expect(classifyReading({ value: 30.2, t: lastBefore }, 5 * DAY + 10 * MIN, true, profile, DEFAULT_QUALITY).state).toBe('stale');
  });

  it('draws no point at all as missing, never as zero', () => {
    expect(classifyReading(null, DAY, true, profile, DEFAULT_QUALITY)).toEqual({
      value: null,
      t: null,
      state: 'missing',
      why: 'no-data',
      age: null,
      since: null,
    });
  });

  it('finds a flatline: a normally moving value held exactly for hours', () => {
    const c = 12 * DAY + 5 * HOUR;
    expect(profile.movingShare).toBeGreaterThan(0.85);
    const since = flatlineSince(w, c, 31.4, profile, DEFAULT_QUALITY);
    // Known to within one window of its true start.
    expect(since).not.toBeNull();
    expect(Math.abs((since as number) - 11 * DAY)).toBeLessThanOrEqual(layout.width);
    const r = classifyReading({ value: 31.4, t: c - 30_000 }, c, true, profile, DEFAULT_QUALITY, since);
    expect(r).toMatchObject({ state: 'stale', why: 'flatline', value: 31.4, since });
    // Not yet in its first two hours, and not before or after it.
    expect(flatlineSince(w, 11 * DAY + HOUR, 31.4, profile, DEFAULT_QUALITY)).toBeNull();
    expect(flatlineSince(w, 9 * DAY, w.last[windowAtOrBefore(w, 9 * DAY)] as number, profile, DEFAULT_QUALITY)).toBeNull();
  });

  it('never calls a status, a stopped pump or a value at its rails flatlined', () => {
    const t: number[] = [];
    const v: number[] = [];
    for (let x = 0; x < range.to; x += MIN) {
      t.push(x);
      v.push(Math.floor(x / DAY) % 3 ? 1 : 0);
    }
    const sw = aggregateWindows('sts', t, v, layout);
    expect(flatlineSince(sw, 10 * DAY, 1, learnProfile(sw, layout), DEFAULT_QUALITY)).toBeNull();
    // A power sensor that moves while running sits at exactly 0 kW when stopped.
    expect(flatlineSince(w, 12 * DAY, 0, profile, DEFAULT_QUALITY)).toBeNull();
    expect(flatlineSince(w, 12 * DAY, 31.4, { ...profile, max: 31.4 }, DEFAULT_QUALITY)).toBeNull();
  });

  it('redraws only when what is drawn changes', () => {
    const a = classifyReading({ value: 1, t: 0 }, 10 * MIN, true, profile, DEFAULT_QUALITY);
    const b = classifyReading({ value: 1, t: 0 }, 10 * MIN + 20_000, true, profile, DEFAULT_QUALITY);
    expect(sameReading(a, b)).toBe(true);
    expect(sameReading(a, classifyReading({ value: 1, t: 0 }, 12 * MIN, true, profile, DEFAULT_QUALITY))).toBe(false);
    expect(sameReading(undefined, a)).toBe(false);
  });
});
