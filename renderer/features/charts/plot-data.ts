/**
 * What one plot asks the sources for: one window per pixel column with the statistics M4 needs, and the
 * raw points of series whose windows hold at most one point each (the zoom is finer than the data).
 */
import type { Api } from '../../api/client';
import { isTwinError } from '../../../shared/api/errors';
import type { RawPoints, SeriesCacheInfo, SeriesWindows, TimeRange, WindowLayout } from '../../../shared/series/types';
import { MAX_WINDOWS, windowLayout } from '../../../shared/series/window-math';
import { intervalFromRaw, staleLimit } from '../../../shared/series/sample-interval';
import { learnProfile } from '../../../shared/series/series-profile';

export type ChartApi = Pick<Api, 'queryWindows' | 'raw' | 'valueAt'>;

/** How far past the range the next point is looked for, so a deep zoom still draws the line through it. */
const NEIGHBOUR_MS = 30 * 86_400_000;

/**
 * Each series' usual interval, learned from the widest windows seen: a zoom deep enough to hold a few raw
 * points (or none) cannot tell a gap from the sampling interval by itself.
 */
const learnedInterval = new Map<string, number>();

export interface PlotRequest {
  range: TimeRange;
  /** The plot area's width in device pixels: the number of windows asked for. */
  widthPx: number;
  /** Every series the plot draws, by position; one whose source is not connected (null) is drawn empty, never asked for. */
  series: readonly { id: string; source: string | null; key: string }[];
  /** The band view also needs each window's mean. */
  band: boolean;
  /** Points further apart than this many usual intervals are a gap (the quality settings' "stale after"). */
  staleAfter: number;
}

export interface SeriesData {
  id: string;
  /** `windows`: drawn through its windows; `raw`: every point (fewer points than pixel columns); `empty`: none in range. */
  kind: 'windows' | 'raw' | 'empty';
  windows: SeriesWindows | null;
  raw: RawPoints | null;
  /** Past this distance between points the line breaks (a gap in the data). */
  staleLimitMs: number;
  /** Raw points per pixel column, over the columns holding any. */
  perColumn: { median: number; max: number };
  /** Why this series could not be read (its source failed); the others are still drawn. */
  error: string | null;
  /** Set when the rollup cache answered: how old its buckets are, and whether the source was offline. */
  cache?: SeriesCacheInfo | undefined;
}

export interface PlotData {
  request: PlotRequest;
  /** The windows' layout: the one asked for, or the rollup cache's, snapped to whole buckets (still one window per column). */
  layout: WindowLayout;
  /** The bucket the rollup cache snapped window edges to (ms); null when the source answered the layout as asked. */
  snappedTo: number | null;
  series: SeriesData[];
}

/** The statistics a plot asks for: M4 needs first, min, max and last; count says how much each column holds. */
export function statsFor(band: boolean): ('min' | 'max' | 'mean' | 'first' | 'last' | 'count')[] {
  return band ? ['min', 'max', 'first', 'last', 'count', 'mean'] : ['min', 'max', 'first', 'last', 'count'];
}

/** Whether an error only says a newer request took this one's place. */
export function isCancelled(e: unknown): boolean {
  return (isTwinError(e) && e.kind === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}

function perColumn(count: readonly number[]): { median: number; max: number } {
  if (count.length === 0) return { median: 0, max: 0 };
  const sorted = [...count].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] as number, max: sorted[sorted.length - 1] as number };
}

/**
 * The raw points of a range with the last point before it and the first after it, so a zoom between two
 * samples still shows the line through them (the plot clips what lies outside).
 */
async function rawWithNeighbours(api: ChartApi, s: { source: string; key: string }, range: TimeRange, limit: number, channel: string): Promise<RawPoints> {
  const [inside, before, after] = await Promise.all([
    api.raw({ source: s.source, key: s.key, from: range.from, to: range.to, limit, channel }),
    api.valueAt({ source: s.source, keys: [s.key], at: range.from - 1, channel: `${channel}:before` }),
    api.raw({ source: s.source, key: s.key, from: range.to, to: range.to + NEIGHBOUR_MS, limit: 1, channel: `${channel}:after` }),
  ]);
  const b = before[0];
  const t = [...(b && b.t !== null && b.value !== null ? [b.t] : []), ...inside.t, ...after.t];
  const v = [...(b && b.t !== null && b.value !== null ? [b.value] : []), ...inside.v, ...after.v];
  return { key: s.key, t, v, truncated: inside.truncated };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Load a plot's data. Requests on a plot's channels cancel the plot's older ones in the main process;
 * a cancelled load rejects (isCancelled) and its caller drops it.
 */
export async function loadPlotData(api: ChartApi, req: PlotRequest, channel: string): Promise<PlotData> {
  const n = Math.max(1, Math.min(MAX_WINDOWS, Math.round(req.widthPx)));
  const bySource = new Map<string, string[]>();
  for (const s of req.series) {
    if (s.source === null) continue;
    const keys = bySource.get(s.source) ?? [];
    if (!keys.includes(s.key)) keys.push(s.key);
    bySource.set(s.source, keys);
  }
  const layouts: { layout: WindowLayout; bucket: number | null }[] = [];
  const windows = new Map<string, SeriesWindows>();
  const errors = new Map<string, string>();
  await Promise.all(
    [...bySource].map(async ([source, keys]) => {
      try {
        const res = await api.queryWindows({
          source,
          keys,
          from: req.range.from,
          to: req.range.to,
          n,
          stats: statsFor(req.band),
          channel: `${channel}:${source}`,
        });
        layouts.push(res.snapped ? { layout: res.snapped, bucket: res.snapped.bucket } : { layout: res.layout, bucket: null });
        for (const w of res.series) windows.set(`${source}|${w.key}`, w);
      } catch (e) {
        if (isCancelled(e)) throw e;
        errors.set(source, message(e));
      }
    }),
  );
  // Every source lays windows out alike (windowLayout, and the one rollup cache snaps them alike), so one layout serves the plot.
  const answered = layouts[0] ?? { layout: windowLayout(req.range, n), bucket: null };
  const plotLayout: WindowLayout = { from: answered.layout.from, to: answered.layout.to, width: answered.layout.width, n: answered.layout.n };
  const series = await Promise.all(
    req.series.map(async (s, index): Promise<SeriesData> => {
      const source = s.source;
      const error = source === null ? null : (errors.get(source) ?? null);
      const w = windows.get(s.id) ?? null;
      const base = { id: s.id, windows: w, raw: null, error, cache: w?.cache };
      if (source === null || !w || (w.t.length === 0 && !learnedInterval.has(s.id)))
        return { ...base, kind: 'empty', staleLimitMs: Infinity, perColumn: { median: 0, max: 0 } };
      const cols = perColumn(w.count);
      const interval = learnProfile(w, plotLayout).intervalMs;
      if (interval !== null) learnedInterval.set(s.id, interval);
      if (cols.max > 1) return { ...base, kind: 'windows', staleLimitMs: staleLimit(interval, req.staleAfter), perColumn: cols };
      // At most one point per column: the range is finer than the data, so show the points themselves.
      try {
        const raw = await rawWithNeighbours(api, { source, key: s.key }, req.range, plotLayout.n + 1, `${channel}-raw:${index}`);
        const staleLimitMs = staleLimit(learnedInterval.get(s.id) ?? intervalFromRaw(raw.t), req.staleAfter);
        return { ...base, kind: 'raw', raw, staleLimitMs, perColumn: cols };
      } catch (e) {
        if (isCancelled(e)) throw e;
        return { ...base, kind: 'windows', staleLimitMs: Infinity, perColumn: cols, error: message(e) };
      }
    }),
  );
  return { request: req, layout: plotLayout, snappedTo: answered.bucket, series };
}

/**
 * The instant from which some charted series' windows are missing because their source could not be reached
 * (the rollup cache answered offline and holds nothing newer); null when every source answered.
 */
export function offlineFrom(data: PlotData | null): number | null {
  let from: number | null = null;
  for (const s of data?.series ?? []) {
    const c = s.cache;
    if (c?.offline && c.through !== undefined) from = from === null ? c.through : Math.min(from, c.through);
  }
  return from;
}
