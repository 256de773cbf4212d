import { describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from './window-math';
import {
  aggregateBuckets,
  bucketsFromWindows,
  chooseLevel,
  composeWindows,
  headLayout,
  MIN_BUCKETS_PER_WINDOW,
  ROLLUP_LEVELS_MS,
  slicesOf,
  snapLayout,
  tailLayout,
} from './rollup-math';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Irregular points with gaps: steps of 1 s to 7 min, a gap of hours now and then, negative and fractional values. */
function irregular(seed: number, from: number, to: number): { t: number[]; v: number[] } {
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
  const t: number[] = [];
  const v: number[] = [];
  for (let x = from; x < to; x += 1_000 + Math.floor(rnd() * 7 * MIN)) {
    if (rnd() < 0.01) x += Math.floor(rnd() * 30 * HOUR);
    t.push(x);
    v.push(Math.round((rnd() * 300 - 100) * 1000) / 1000);
  }
  return { t, v };
}

describe('chooseLevel', () => {
  it('takes the coarsest level that fits ten times in a window, and none for short windows', () => {
    expect(chooseLevel(9 * MIN)).toBeUndefined();
    expect(chooseLevel(10 * MIN)).toBe(MIN);
    expect(chooseLevel(49 * MIN)).toBe(MIN);
    expect(chooseLevel(50 * MIN)).toBe(5 * MIN);
    expect(chooseLevel(Math.ceil((365 * DAY) / 1000))).toBe(15 * MIN);
    expect(chooseLevel(Math.ceil((5 * 365 * DAY) / 1000))).toBe(HOUR);
    expect(chooseLevel(100 * DAY)).toBe(DAY);
  });

  it('keeps every window at 10 to 60 buckets of its level, from a week to decades', () => {
    for (let width = 10 * MIN; width < 40 * 365 * DAY; width = Math.ceil(width * 1.07)) {
      const b = chooseLevel(width) as number;
      expect(width / b).toBeGreaterThanOrEqual(MIN_BUCKETS_PER_WINDOW);
      if (b !== ROLLUP_LEVELS_MS[ROLLUP_LEVELS_MS.length - 1]) expect(width / b).toBeLessThan(60);
    }
  });
});

describe('snapLayout', () => {
  it('puts every edge on a bucket boundary, covers the request, keeps at most n windows and moves edges by less than a bucket', () => {
    for (const [from, span, n] of [
      [Date.UTC(2024, 0, 1, 3, 7, 11, 13), 365 * DAY + 12_345, 1000],
      [Date.UTC(2023, 5, 1) + 1, 7 * DAY, 997],
      [Date.UTC(2020, 1, 29), 5 * 365 * DAY, 1000],
      [-DAY - 1, 30 * DAY + 7, 3],
    ] as const) {
      const layout = windowLayout({ from, to: from + span }, n);
      const bucket = chooseLevel(layout.width) as number;
      const s = snapLayout(layout, bucket);
      expect(Math.abs(s.from % bucket)).toBe(0);
      expect(Math.abs(s.to % bucket)).toBe(0);
      expect(s.width % bucket).toBe(0);
      expect(s.from).toBeLessThanOrEqual(layout.from);
      expect(layout.from - s.from).toBeLessThan(bucket);
      expect(s.to).toBeGreaterThanOrEqual(layout.to);
      expect(s.to - layout.to).toBeLessThan(bucket);
      expect(s.n).toBeLessThanOrEqual(n);
      expect(s.from + (s.n - 1) * s.width).toBeLessThan(s.to);
      expect(s.from + s.n * s.width).toBeGreaterThanOrEqual(s.to);
      expect(s.width).toBeGreaterThanOrEqual(layout.width - bucket);
    }
  });

  it('splits into head and tail layouts on the same grid', () => {
    const s = snapLayout(windowLayout({ from: 0, to: 10 * DAY }, 100), HOUR);
    const head = headLayout(s, 40);
    const tail = tailLayout(s, 40);
    expect(head.to).toBe(tail.from);
    expect((tail.from - s.from) % s.width).toBe(0);
    expect(head.n + tail.n).toBe(s.n);
  });
});

describe('composeWindows', () => {
  it('equals brute force over the snapped windows, on irregular data with gaps, for every level', () => {
    const from = Date.UTC(2024, 0, 1) + 4_321;
    const data = irregular(3, from, from + 60 * DAY);
    for (const [span, n] of [
      [60 * DAY, 1000],
      [59 * DAY + 17, 333],
      [7 * DAY, 1000],
      [20 * DAY, 10],
    ] as const) {
      const layout = windowLayout({ from: from + 1_000, to: from + 1_000 + span }, n);
      const bucket = chooseLevel(layout.width) as number;
      const snapped = snapLayout(layout, bucket);
      const buckets = aggregateBuckets('k', data.t, data.v, bucket, snapped);
      const got = composeWindows(buckets, snapped);
      const want = aggregateWindows('k', data.t, data.v, snapped);
      expect(got.t).toEqual(want.t);
      expect(got.count).toEqual(want.count);
      expect(got.min).toEqual(want.min);
      expect(got.max).toEqual(want.max);
      expect(got.first).toEqual(want.first);
      expect(got.last).toEqual(want.last);
      got.mean.forEach((m, i) => expect(Math.abs(m - (want.mean[i] as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m))));
    }
  });

  it('gives the same from buckets derived from windows one bucket wide (sum = mean × count)', () => {
    const from = Date.UTC(2024, 3, 1);
    const data = irregular(9, from, from + 10 * DAY);
    const bucketLayout = { from, to: from + 10 * DAY, width: 15 * MIN, n: (10 * DAY) / (15 * MIN) };
    const derived = bucketsFromWindows(aggregateWindows('k', data.t, data.v, bucketLayout));
    const direct = aggregateBuckets('k', data.t, data.v, 15 * MIN, bucketLayout);
    expect(derived.t).toEqual(direct.t);
    expect(derived.count).toEqual(direct.count);
    expect(derived.first).toEqual(direct.first);
    const snapped = snapLayout(windowLayout({ from, to: from + 10 * DAY }, 50), 15 * MIN);
    const a = composeWindows(derived, snapped);
    const b = composeWindows(direct, snapped);
    expect(a.min).toEqual(b.min);
    a.mean.forEach((m, i) => expect(Math.abs(m - (b.mean[i] as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m))));
  });
});

describe('slicesOf', () => {
  it('cuts a range at epoch-aligned slices of 2,880 buckets', () => {
    const slices = slicesOf({ from: 5 * MIN, to: 5 * DAY + 7 * MIN }, MIN);
    expect(slices[0]).toEqual({ from: 5 * MIN, to: 2 * DAY });
    expect(slices[1]).toEqual({ from: 2 * DAY, to: 4 * DAY });
    expect(slices[2]).toEqual({ from: 4 * DAY, to: 5 * DAY + 7 * MIN });
    expect(slices).toHaveLength(3);
  });
});
