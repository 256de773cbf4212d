import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../shared/series/types';

/** Options every source call accepts. */
export interface CallOptions {
  /** Aborts the call down to the HTTP request or the query; the call then rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface CatalogQuery extends CallOptions {
  /** Case-insensitive text matched against the key, measurement, field and tag values. */
  search?: string;
  limit?: number;
}

/** Which per-window statistics a caller needs; sources may skip work for the others (they are then NaN). */
export type WindowStat = 'min' | 'max' | 'mean' | 'first' | 'last' | 'count';
export const ALL_STATS: readonly WindowStat[] = ['min', 'max', 'mean', 'first', 'last', 'count'];

export interface WindowsQuery extends CallOptions {
  stats?: readonly WindowStat[];
}

/**
 * The one interface the rest of the app sees for time series (docs/architecture.md, "One request, from a component to a source").
 * Ranges are half-open [from, to) in epoch ms; windows follow `windowLayout` from shared/series/window-math.
 * Series are named by series keys (shared/series/series-key).
 */
export interface TimeSeriesSource {
  readonly kind: 'local' | 'influx1' | 'influx2';
  /** The sensors the source has. */
  catalog(query?: CatalogQuery): Promise<CatalogEntry[]>;
  /** Per series at most `layout.n` windows; windows with no points are left out. Unknown series give empty windows. */
  windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]>;
  /** The last value at or before t (inclusive), per series. */
  valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]>;
  /** Raw points in [from, to), oldest first, at most `limit` (then `truncated`). */
  raw(key: string, range: TimeRange, limit: number, options?: CallOptions): Promise<RawPoints>;
  /** Write points; reports what landed and what did not. */
  write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult>;
  /** Release connections and files. */
  close(): Promise<void>;
}
