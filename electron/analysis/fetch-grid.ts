import { twinError } from '../../shared/api/errors';
import type { AlignedData, MsRange } from '../../shared/analysis/run/run-types';
import type { SeriesWindows, WindowLayout } from '../../shared/series/types';
import { MAX_WINDOWS, windowLayout } from '../../shared/series/window-math';

/** Window means of series over a layout, from a source or through the app's source layer. */
export type WindowFetch = (keys: readonly string[], layout: WindowLayout, signal: AbortSignal | undefined) => Promise<SeriesWindows[]>;

/** Most grid rows one run may have (a year at one minute is 525,600). */
export const MAX_GRID_ROWS = 2_000_000;

/** The run's range widened to whole windows of the resolution, counted from the epoch (a 15-minute grid falls on :00, :15…). */
export function gridRange(range: MsRange, resolutionMs: number): MsRange {
  return { from: Math.floor(range.from / resolutionMs) * resolutionMs, to: Math.ceil(range.to / resolutionMs) * resolutionMs };
}

/**
 * Align series on one grid: window means at the resolution, fetched in chunks of at most MAX_WINDOWS
 * windows (progress after each), NaN where a window has no point.
 */
export async function fetchGrid(
  fetch: WindowFetch,
  keys: readonly string[],
  range: MsRange,
  resolutionMs: number,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<AlignedData> {
  const grid = gridRange(range, resolutionMs);
  const rows = (grid.to - grid.from) / resolutionMs;
  if (rows > MAX_GRID_ROWS)
    throw twinError(
      'invalid-input',
      `The range holds ${rows.toLocaleString('en')} windows of ${resolutionMs / 1000} s; a run takes at most ${MAX_GRID_ROWS.toLocaleString('en')}. Choose a coarser resolution or a shorter range.`,
    );
  const t = new Float64Array(rows);
  for (let i = 0; i < rows; i++) t[i] = grid.from + i * resolutionMs;
  const columns: Record<string, Float64Array> = {};
  for (const k of keys) columns[k] = new Float64Array(rows).fill(NaN);
  const chunk = MAX_WINDOWS * resolutionMs;
  for (let from = grid.from; from < grid.to; from += chunk) {
    if (options.signal?.aborted) throw twinError('cancelled', 'The residual run was cancelled.');
    const to = Math.min(grid.to, from + chunk);
    const layout = windowLayout({ from, to }, (to - from) / resolutionMs);
    const got = await fetch(keys, layout, options.signal);
    got.forEach((w, i) => {
      const col = columns[keys[i] as string] as Float64Array;
      for (let j = 0; j < w.t.length; j++) {
        const m = w.mean[j] as number;
        if (Number.isFinite(m)) col[((w.t[j] as number) - grid.from) / resolutionMs] = m;
      }
    });
    options.onProgress?.((to - grid.from) / (grid.to - grid.from));
  }
  return { t, columns };
}
