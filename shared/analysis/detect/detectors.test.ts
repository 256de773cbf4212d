import { describe, expect, it } from 'vitest';
import { detectDrift } from './drift-detector';
import type { ResidualRows } from './episode';
import { detectThreshold } from './threshold-detector';

const RES = 900_000;
function rowsOf(residual: number[], centre = 0, spread = 1): ResidualRows {
  return { t: Float64Array.from(residual, (_, i) => i * RES), residual: Float64Array.from(residual), resolutionMs: RES, centre, spread };
}

describe('threshold detector at its boundaries', () => {
  const settings = { k: 2, over: 3, under: 2 };

  it('starts after N consecutive rows over, at the first of them, and ends after M under, at the last over', () => {
    //           0  1  2  3  4  5  6  7  8  9 10
    const r = [0, 3, 3, 0, 3, 3, 3, 1, 3, 0, 0];
    const [ep, ...rest] = detectThreshold(rowsOf(r), settings);
    expect(rest).toEqual([]);
    expect(ep).toMatchObject({
      start: 4 * RES,
      end: 9 * RES,
      detectedAt: 6 * RES,
      direction: 'high',
      detector: 'threshold',
      threshold: 2,
      ongoing: false,
      peak: 3,
    });
    expect(ep!.mean).toBeCloseTo((3 + 3 + 3 + 1 + 3) / 5, 12);
  });

  it('N − 1 rows over are not an episode; a value exactly at the threshold is not over', () => {
    expect(detectThreshold(rowsOf([0, 3, 3, 0, 3, 3, 0]), settings)).toEqual([]);
    expect(detectThreshold(rowsOf([2, 2, 2, 2, 2, 2]), settings)).toEqual([]);
    expect(detectThreshold(rowsOf([2.000001, 2.000001, 2.000001]), settings)).toHaveLength(1);
  });

  it('counts runs on one side only, measures from the centre, and reports low episodes', () => {
    expect(detectThreshold(rowsOf([3, 3, -3, 3, 3, -3]), settings)).toEqual([]);
    const [low] = detectThreshold(rowsOf([10, 6, 6, 6, 10], 10, 1.5), settings);
    expect(low).toMatchObject({ direction: 'low', start: RES, peak: 6, threshold: 3, ongoing: true, end: 4 * RES });
  });

  it('a row over the other side ends an open episode like one under, and may start the next run', () => {
    const eps = detectThreshold(rowsOf([3, 3, 3, -3, -3, -3, -3]), { k: 2, over: 3, under: 1 });
    expect(eps.map((e) => [e.direction, e.start / RES, e.end / RES, e.ongoing])).toEqual([
      ['high', 0, 3, false],
      ['low', 3, 7, true],
    ]);
  });

  it('one under inside an episode does not end it when M = 2; an episode open at the end is ongoing', () => {
    const [ep] = detectThreshold(rowsOf([3, 3, 3, 0, 3, 0]), settings);
    expect(ep).toMatchObject({ start: 0, end: 5 * RES, ongoing: true });
  });
});

describe('drift detector at its boundaries', () => {
  const settings = { lambda: 0.1, limit: 1, release: 0.5 };
  const step = [...Array<number>(50).fill(0), ...Array<number>(50).fill(2), ...Array<number>(50).fill(0)];

  it('confirms a step when the EWMA passes the limit, dates it from leaving the release band, closes it back inside', () => {
    const eps = detectDrift(rowsOf(step), settings);
    expect(eps).toHaveLength(1);
    // EWMA after k rows of z = 2: 2(1 − 0.9^k); > 0.5 from k = 3 (row 52), > 1 from k = 7 (row 56).
    // After the step it decays from 1.9897·0.9^m and is last above 0.5 at m = 13 (row 112).
    expect(eps[0]).toMatchObject({ start: 52 * RES, detectedAt: 56 * RES, end: 113 * RES, direction: 'high', detector: 'drift', threshold: 1, ongoing: false });
  });

  it('stays quiet below the limit and standardises by the spread', () => {
    expect(detectDrift(rowsOf(step.map((z) => z * 0.45)), settings)).toEqual([]);
    const scaled = detectDrift(
      rowsOf(
        step.map((z) => 100 + z * 3),
        100,
        3,
      ),
      settings,
    );
    expect(scaled[0]).toMatchObject({ start: 52 * RES, detectedAt: 56 * RES, threshold: 3, peak: 106 });
  });

  it('closes on a turn to the other side and opens a low episode', () => {
    const eps = detectDrift(rowsOf([...Array<number>(40).fill(3), ...Array<number>(60).fill(-3)]), settings);
    expect(eps.map((e) => e.direction)).toEqual(['high', 'low']);
    expect(eps[1]!.ongoing).toBe(true);
  });
});
