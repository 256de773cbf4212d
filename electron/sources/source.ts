import type { SeriesBuckets } from '../../shared/series/rollup-math';
import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../shared/series/types';
import type { DeleteSelection, WriteRecord } from '../../shared/series/write-record';

/** Options every source call accepts. */
export interface CallOptions {
  /** Aborts the call down to the HTTP request or the query; the call then rejects with an AbortError. */
  signal?: AbortSignal | undefined;
  /**
   * A named stream of requests (a chart, the time cursor): the cancellation layer aborts the previous call on
   * the same channel when a new one starts. Sources and other layers ignore it.
   */
  channel?: string | undefined;
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
  /** Write multi-field points with tags (analysis results); `written`/`dropped` count points (records). */
  writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult>;
  /** Delete the points of a measurement that carry the selection's tags, in [from, to): how a re-run replaces its earlier results. */
  deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void>;
  /** Release connections and files. */
  close(): Promise<void>;
  /**
   * Optional: rollup buckets (count, sum, min, max, first, last and the times of first and last) over a layout
   * whose windows are the buckets. The rollup cache uses it where a source has it and derives buckets from
   * `windows` (sum = mean × count, times unknown) where it does not.
   */
  buckets?(keys: readonly string[], layout: WindowLayout, options?: CallOptions): Promise<SeriesBuckets[]>;
}
