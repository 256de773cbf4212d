import { describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import type { PlotData, SeriesData } from './plot-data';
import { plotLines, readingAt } from './plot-lines';

const layout = windowLayout({ from: 0, to: 100 }, 10);

function windowsSeries(id: string, t: number[], v: number[], staleLimitMs = 15): SeriesData {
  return { id, kind: 'windows', windows: aggregateWindows(id, t, v, layout), raw: null, staleLimitMs, perColumn: { median: 1, max: 2 }, error: null };
}

function data(series: SeriesData[]): PlotData {
  return {
    request: { range: { from: 0, to: 100 }, widthPx: 10, series: series.map((s) => ({ id: s.id, source: 'local', key: s.id })), band: false, staleAfter: 5 },
    layout,
    snappedTo: null,
    series,
  };
}

describe('plot lines', () => {
  it('draws windowed series through M4 vertices on one shared axis', () => {
    const a = windowsSeries('a', [0, 3, 12], [5, 1, 4]);
    const b = windowsSeries('b', [1, 55], [7, 8], 100);
    const lines = plotLines(data([a, b]));
    expect(lines.t).toHaveLength(40);
    expect(Array.from(lines.v[0] as ArrayLike<unknown>).slice(0, 8)).toEqual([5, 1, 5, 1, 4, 4, 4, 4]);
    // b: windows 0 and 5; its stale limit (100 ms) bridges the empty windows between.
    const b0 = Array.from(lines.v[1] as ArrayLike<unknown>);
    expect(b0.slice(0, 4)).toEqual([7, 7, 7, 7]);
    expect(b0.slice(4, 20).every((x) => x === undefined)).toBe(true);
    expect(b0.slice(20, 24)).toEqual([8, 8, 8, 8]);
  });

  it('merges raw series in at their own instants, holes elsewhere', () => {
    const a = windowsSeries('a', [0, 12], [5, 4]);
    const r: SeriesData = {
      id: 'r',
      kind: 'raw',
      windows: null,
      raw: { key: 'r', t: [-5, 7, 95, 130], v: [1, 2, 3, 4], truncated: false },
      staleLimitMs: 50,
      perColumn: { median: 1, max: 1 },
      error: null,
    };
    const lines = plotLines(data([a, r]));
    const t = Array.from(lines.t);
    expect(t[0]).toBe(-5);
    expect(t.at(-1)).toBe(130);
    const rv = Array.from(lines.v[1] as ArrayLike<unknown>).filter((x) => x !== undefined);
    // 7 → 95 is 88 ms apart, over the 50 ms stale limit: a gap.
    expect(rv).toEqual([1, 2, null, 3, 4]);
    // The windowed series keeps its two windows' eight vertices.
    expect(Array.from(lines.v[0] as ArrayLike<unknown>).filter((x) => x !== undefined)).toHaveLength(8);
  });

  it('reads a window, or the raw points of a column, at a window start', () => {
    const a = windowsSeries('a', [0, 3, 5, 12], [5, 1, 9, 4]);
    expect(readingAt(a, layout, 0)).toEqual({ min: 1, max: 9, first: 5, last: 9, count: 3, mean: 5 });
    expect(readingAt(a, layout, 20)).toBeNull();
    const r: SeriesData = {
      id: 'r',
      kind: 'raw',
      windows: null,
      raw: { key: 'r', t: [-5, 11, 14, 30], v: [1, 2, 6, 4], truncated: false },
      staleLimitMs: 50,
      perColumn: { median: 1, max: 1 },
      error: null,
    };
    expect(readingAt(r, layout, 10)).toEqual({ min: 2, max: 6, first: 2, last: 6, count: 2, mean: null });
    expect(readingAt(r, layout, 0)).toBeNull();
  });
});
