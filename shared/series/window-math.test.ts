import { describe, expect, it } from 'vitest';
import { aggregateWindows, windowIndex, windowLayout } from './window-math';

describe('window layout', () => {
  it('starts at from, with whole-millisecond windows covering the range', () => {
    const l = windowLayout({ from: 1_000, to: 1_000 + 3_600_000 }, 1000);
    expect(l).toEqual({ from: 1_000, to: 3_601_000, width: 3_600, n: 1000 });
    const odd = windowLayout({ from: 0, to: 1_000_003 }, 1000);
    expect(odd.width).toBe(1001);
    expect(odd.n).toBe(Math.ceil(1_000_003 / 1001));
    expect(odd.from + odd.n * odd.width).toBeGreaterThanOrEqual(odd.to);
  });

  it('never makes more windows than asked, nor windows narrower than 1 ms', () => {
    expect(windowLayout({ from: 0, to: 10 }, 1000)).toEqual({ from: 0, to: 10, width: 1, n: 10 });
    for (const [span, n] of [
      [999_999, 7],
      [31_536_000_000, 1000],
      [3, 2],
    ] as const)
      expect(windowLayout({ from: 5, to: 5 + span }, n).n).toBeLessThanOrEqual(n);
  });

  it('refuses nonsense', () => {
    expect(() => windowLayout({ from: 10, to: 10 }, 5)).toThrow(RangeError);
    expect(() => windowLayout({ from: 0, to: 10 }, 0)).toThrow(/n must be/);
    expect(() => windowLayout({ from: 0, to: 10 }, 1.5)).toThrow(/n must be/);
    expect(() => windowLayout({ from: 0, to: 10 }, 20_001)).toThrow(/n must be/);
  });

  it('places instants in half-open windows', () => {
    const l = windowLayout({ from: 100, to: 200 }, 10);
    expect(windowIndex(l, 100)).toBe(0);
    expect(windowIndex(l, 109)).toBe(0);
    expect(windowIndex(l, 110)).toBe(1);
    expect(windowIndex(l, 199)).toBe(9);
    expect(windowIndex(l, 200)).toBe(-1);
    expect(windowIndex(l, 99)).toBe(-1);
  });
});

describe('brute-force aggregation', () => {
  it('computes every statistic and leaves empty windows out', () => {
    const l = windowLayout({ from: 0, to: 100 }, 4);
    const t = [0, 5, 24, 60, 61, 99, 100];
    const v = [3, 1, 2, 10, NaN, 20, 99];
    const w = aggregateWindows('k#v', t, v, l);
    expect(w.t).toEqual([0, 50, 75]);
    expect(w.min).toEqual([1, 10, 20]);
    expect(w.max).toEqual([3, 10, 20]);
    expect(w.mean).toEqual([2, 10, 20]);
    expect(w.first).toEqual([3, 10, 20]);
    expect(w.last).toEqual([2, 10, 20]);
    expect(w.count).toEqual([3, 1, 1]);
  });
});
