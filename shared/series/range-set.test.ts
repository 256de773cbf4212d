import { describe, expect, it } from 'vitest';
import { coversRange, intersectRange, mergeRanges, subtractRanges } from './range-set';

describe('range sets', () => {
  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        { from: 5, to: 7 },
        { from: 0, to: 2 },
        { from: 2, to: 3 },
        { from: 6, to: 9 },
        { from: 4, to: 4 },
      ]),
    ).toEqual([
      { from: 0, to: 3 },
      { from: 5, to: 9 },
    ]);
  });

  it('subtracts covered parts, leaving the gaps in order', () => {
    const covered = [
      { from: 10, to: 20 },
      { from: 30, to: 40 },
    ];
    expect(subtractRanges({ from: 0, to: 50 }, covered)).toEqual([
      { from: 0, to: 10 },
      { from: 20, to: 30 },
      { from: 40, to: 50 },
    ]);
    expect(subtractRanges({ from: 12, to: 18 }, covered)).toEqual([]);
    expect(subtractRanges({ from: 15, to: 35 }, covered)).toEqual([{ from: 20, to: 30 }]);
    expect(coversRange(covered, { from: 30, to: 40 })).toBe(true);
    expect(coversRange(covered, { from: 30, to: 41 })).toBe(false);
    expect(intersectRange({ from: 0, to: 10 }, { from: 10, to: 20 })).toBeNull();
    expect(intersectRange({ from: 0, to: 10 }, { from: 5, to: 20 })).toEqual({ from: 5, to: 10 });
  });
});
