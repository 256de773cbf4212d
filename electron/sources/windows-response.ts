import { twinError } from '../../shared/api/errors';
import type { MethodOutput } from '../../shared/api/contract';
import type { SeriesWindows } from '../../shared/series/types';
import { windowLayout } from '../../shared/series/window-math';
import { ALL_STATS, type TimeSeriesSource, type WindowStat } from './source';

/** What `queryWindows` asks. */
export interface WindowsRequest {
  keys: readonly string[];
  from: number;
  to: number;
  n: number;
  stats?: readonly WindowStat[] | undefined;
  channel?: string | undefined;
}

/**
 * The `queryWindows` answer from a (layered) source: the layout from the range and n, statistics not asked
 * for as empty arrays (NaN does not survive JSON), and a snapped layout, when the rollup cache moved window
 * edges, lifted from the series to the response.
 */
export async function windowsResponse(source: TimeSeriesSource, r: WindowsRequest): Promise<MethodOutput<'queryWindows'>> {
  let layout;
  try {
    layout = windowLayout({ from: r.from, to: r.to }, r.n);
  } catch (e) {
    throw twinError('invalid-input', (e as Error).message);
  }
  const query = { ...(r.stats ? { stats: r.stats } : {}), ...(r.channel ? { channel: r.channel } : {}) };
  const fetched = await source.windows(r.keys, layout, query);
  const snapped = fetched.find((w) => w.snapped)?.snapped;
  const series = fetched.map(({ snapped: _, ...w }) => {
    const out: SeriesWindows = { ...w };
    if (r.stats) for (const s of ALL_STATS) if (!r.stats.includes(s)) out[s] = [];
    return out;
  });
  return snapped ? { layout, series, snapped } : { layout, series };
}
