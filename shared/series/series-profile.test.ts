import { describe, expect, it } from 'vitest';
import { decimalsOf, learnProfile } from './series-profile';
import { aggregateWindows, windowLayout } from './window-math';

const MIN = 60_000;
const DAY = 86_400_000;

/** Raw points every `every` ms over [from, to), skipping the given [a, b) gaps; value from f. */
function points(from: number, to: number, every: number, f: (t: number, i: number) => number, gaps: [number, number][] = []) {
  const t: number[] = [];
  const v: number[] = [];
  let i = 0;
  for (let x = from; x < to; x += every, i++) {
    if (gaps.some(([a, b]) => x >= a && x < b)) continue;
    t.push(x);
    v.push(f(x, i));
  }
  return { t, v };
}

function profileOf(range: { from: number; to: number }, p: { t: number[]; v: number[] }, n = 1000) {
  const layout = windowLayout(range, n);
  return learnProfile(aggregateWindows('k', p.t, p.v, layout), layout);
}

describe('series profile', () => {
  it('learns a minute interval from 30 days of minute data, gaps and dropped minutes included', () => {
    const range = { from: 0, to: 30 * DAY };
    const dropped = points(0, 30 * DAY, MIN, (_t, i) => 20 + (i % 7) * 0.01, [
      [5 * DAY, 7 * DAY],
      [12 * DAY, 12 * DAY + MIN],
    ]);
    const p = profileOf(range, dropped);
    expect(p.intervalMs).toBeGreaterThan(0.97 * MIN);
    expect(p.intervalMs).toBeLessThan(1.05 * MIN);
    expect(p.decimals).toBe(2);
    expect(p.movingShare).toBe(1);
  });

  it('learns it also when windows are narrower than the interval (an hour of minute data) and for sparse data', () => {
    // Window starts are 3.6 s apart, so the interval is known to within one window.
    expect(
      Math.abs(
        (profileOf(
          { from: 0, to: 3_600_000 },
          points(0, 3_600_000, MIN, () => 1),
        ).intervalMs ?? 0) - MIN,
      ),
    ).toBeLessThanOrEqual(3_600);
    const quarterHourly = profileOf(
      { from: 0, to: DAY },
      points(0, DAY, 15 * MIN, (_t, i) => i),
    );
    expect(quarterHourly.intervalMs).toBeGreaterThan(14 * MIN);
    expect(quarterHourly.intervalMs).toBeLessThan(16 * MIN);
    // A day of minute data in 86.4 s windows (one or two points each).
    const day = profileOf(
      { from: 0, to: DAY },
      points(0, DAY, MIN, (_t, i) => i),
    );
    expect(Math.abs((day.intervalMs ?? 0) - MIN)).toBeLessThan(0.02 * MIN);
  });

  it('tells a moving sensor from a status or a setpoint', () => {
    const range = { from: 0, to: 10 * DAY };
    const status = profileOf(
      range,
      points(0, 10 * DAY, MIN, (t) => (Math.floor(t / DAY) % 2 ? 1 : 0)),
    );
    expect(status.movingShare).toBeLessThan(0.05);
    expect(status.decimals).toBe(0);
    expect(status).toMatchObject({ min: 0, max: 1 });
    const noisy = profileOf(
      range,
      points(0, 10 * DAY, MIN, (_t, i) => 7 + Math.sin(i) * 0.3),
    );
    expect(noisy.movingShare).toBe(1);
    expect(noisy.decimals).toBe(4);
  });

  it('knows nothing from nothing', () => {
    expect(profileOf({ from: 0, to: DAY }, { t: [], v: [] })).toEqual({ intervalMs: null, movingShare: null, decimals: 0, min: null, max: null });
    expect(profileOf({ from: 0, to: DAY }, { t: [5, 6 * MIN], v: [1, 2] }).intervalMs).toBeNull();
  });

  it('counts decimals without float noise', () => {
    expect(decimalsOf(7.130000000000001)).toBe(2);
    expect(decimalsOf(42)).toBe(0);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(Math.PI)).toBe(4);
    expect(decimalsOf(-3.5)).toBe(1);
  });
});
