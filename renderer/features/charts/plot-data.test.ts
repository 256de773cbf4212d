import { describe, expect, it } from 'vitest';
import { offlineFrom, type PlotData, type SeriesData } from './plot-data';

const series = (id: string, cache?: SeriesData['cache']): SeriesData => ({
  id,
  kind: 'windows',
  windows: null,
  raw: null,
  staleLimitMs: Infinity,
  perColumn: { median: 1, max: 1 },
  error: null,
  cache,
});
const plot = (s: SeriesData[]): PlotData => ({
  request: { range: { from: 0, to: 1000 }, widthPx: 10, series: [], band: false, staleAfter: 3 },
  layout: { from: 0, to: 1000, width: 100, n: 10 },
  snappedTo: null,
  series: s,
});

describe('where the plot marks a source offline', () => {
  it('is nowhere when every source answered, cached or not', () => {
    expect(offlineFrom(null)).toBeNull();
    expect(offlineFrom(plot([series('a'), series('b', { filledAt: 5, offline: false })]))).toBeNull();
  });

  it('starts at the earliest instant an offline source has nothing from', () => {
    const p = plot([series('a', { filledAt: 5, offline: true, through: 700 }), series('b', { filledAt: 5, offline: true, through: 400 }), series('c')]);
    expect(offlineFrom(p)).toBe(400);
  });
});
