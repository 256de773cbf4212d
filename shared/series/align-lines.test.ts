import { describe, expect, it } from 'vitest';
import { alignLines } from './align-lines';

describe('aligning lines on one time axis', () => {
  it('keeps every entry of every line in order, with holes where a line has none', () => {
    const a = { t: [0, 0, 0, 0, 10, 10, 10, 10], v: [1, 0, 2, 1, 3, 3, 3, 3] };
    const b = { t: [0, 5, 20, 20], v: [7, 8, null, 9] };
    const { t, v } = alignLines([a, b]);
    expect(t).toEqual([0, 0, 0, 0, 5, 10, 10, 10, 10, 20, 20]);
    expect(v[0]).toEqual([1, 0, 2, 1, undefined, 3, 3, 3, 3, undefined, undefined]);
    expect(v[1]).toEqual([7, undefined, undefined, undefined, 8, undefined, undefined, undefined, undefined, null, 9]);
  });

  it('returns lines that share a times array as they are', () => {
    const t = [0, 1, 2];
    const r = alignLines([
      { t, v: [1, 2, 3] },
      { t, v: [4, 5, 6] },
    ]);
    expect(r.t).toBe(t);
    expect(r.v).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
