import { describe, expect, it } from 'vitest';
import { episodeSpan, residualColumns } from './residual-plot-data';

describe('the residual chart data', () => {
  it('breaks the lines where rows were dropped, and only there', () => {
    const c = residualColumns({ t: [0, 10, 20, 50, 60], actual: [1, 2, 3, 4, 5], predicted: [1, 1, 1, 1, 1], residual: [0, 1, 2, 3, 4] }, 10);
    expect(c.t).toEqual([0, 10, 20, 30, 50, 60]);
    expect(c.actual).toEqual([1, 2, 3, null, 4, 5]);
    expect(c.residual).toEqual([0, 1, 2, null, 3, 4]);
    expect(residualColumns({ t: [], actual: [], predicted: [], residual: [] }, 10).t).toEqual([]);
  });

  it('places an episode by its share of the range, clipped to it; an ongoing one runs to the edge', () => {
    const range = { from: 100, to: 200 };
    expect(episodeSpan({ start: 120, end: 150, ongoing: false }, range)).toEqual({ left: 0.2, width: 0.3 });
    expect(episodeSpan({ start: 50, end: 110, ongoing: false }, range)).toEqual({ left: 0, width: 0.1 });
    expect(episodeSpan({ start: 180, end: 180, ongoing: true }, range)).toEqual({ left: 0.8, width: 0.2 });
    expect(episodeSpan({ start: 10, end: 99, ongoing: false }, range)).toBeNull();
    expect(episodeSpan({ start: 201, end: 300, ongoing: false }, range)).toBeNull();
  });
});
