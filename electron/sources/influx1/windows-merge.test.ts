import { describe, expect, it } from 'vitest';
import { mergeWindows, splitStats } from './windows-query';

describe('statistics in two statements', () => {
  it('splits aggregates from the first/last selectors, leaving out empty groups', () => {
    expect(splitStats(['min', 'max', 'mean', 'first', 'last', 'count'])).toEqual([
      ['min', 'max', 'mean', 'count'],
      ['first', 'last'],
    ]);
    expect(splitStats(['mean'])).toEqual([['mean']]);
    expect(splitStats(['last'])).toEqual([['last']]);
  });

  it('joins the parts by window start', () => {
    const N = Number.NaN;
    const agg = { key: 'k#v', t: [0, 10, 20], min: [1, 2, 3], max: [4, 5, 6], mean: [2, 3, 4], first: [N, N, N], last: [N, N, N], count: [3, 3, 3] };
    const sel = { key: 'k#v', t: [0, 10, 20], min: [N, N, N], max: [N, N, N], mean: [N, N, N], first: [1, 5, 3], last: [4, 2, 6], count: [N, N, N] };
    expect(mergeWindows([agg, sel])).toEqual({
      key: 'k#v',
      t: [0, 10, 20],
      min: [1, 2, 3],
      max: [4, 5, 6],
      mean: [2, 3, 4],
      first: [1, 5, 3],
      last: [4, 2, 6],
      count: [3, 3, 3],
    });
    expect(mergeWindows([agg])).toBe(agg);
  });
});
