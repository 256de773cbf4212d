import { z } from 'zod';

/** Epoch milliseconds, finite and integral. */
export const EpochMs = z.number().int().finite();

/** A half-open time range [from, to) in epoch milliseconds. */
export const TimeRangeSchema = z.object({ from: EpochMs, to: EpochMs }).refine((r) => r.to > r.from, { message: '"to" must be after "from"' });
export type TimeRange = z.infer<typeof TimeRangeSchema>;

/**
 * Where windows came from when the rollup cache answered (absent: straight from the source). A chart marks
 * such a series "cached" with its age, and, when `offline`, says the source could not be reached.
 */
export const SeriesCacheInfoSchema = z.object({
  /** Epoch ms when the oldest cached bucket behind these windows was read from the source (the answer's age); null when nothing was cached. */
  filledAt: z.number().nullable(),
  /**
   * True when the source could not be reached, so only cached windows are here: windows at or after `through`
   * (the newest hour is never cached) and any range never cached are missing, not empty.
   */
  offline: z.boolean(),
  /** With `offline`: windows at or after this instant are missing because the source could not be asked. */
  through: z.number().optional(),
});
export type SeriesCacheInfo = z.infer<typeof SeriesCacheInfoSchema>;

/** The window layout a request used, so charts can place windows without guessing. */
export const WindowLayoutSchema = z.object({ from: z.number(), to: z.number(), width: z.number(), n: z.number() });
export type WindowLayout = z.infer<typeof WindowLayoutSchema>;

/**
 * The layout windows actually follow when the rollup cache answered a long range: the requested layout with
 * its edges moved to whole buckets of `bucket` ms (UTC-aligned: 1 min, 5 min, 15 min, 1 h, 6 h or 1 d).
 * `from` moved back and `to` forward by less than one bucket (at most a tenth of a window), `width` is a whole
 * number of buckets, and there are still at most the requested n windows. Each window's statistics are exact
 * for the snapped window: window i covers [from + i·width, from + (i+1)·width) clipped to `to`, and a `t` in
 * the series is such a window start. Draw windows at these edges, and say "snapped to <bucket>" where a user
 * reads exact times (a tooltip, an export).
 */
export const SnappedLayoutSchema = WindowLayoutSchema.extend({ bucket: z.number() });
export type SnappedLayout = z.infer<typeof SnappedLayoutSchema>;

/** Per series, the aggregated windows; arrays are parallel, windows with no points are left out. */
export const SeriesWindowsSchema = z.object({
  key: z.string(),
  /** Window start, epoch ms. */
  t: z.array(z.number()),
  min: z.array(z.number()),
  max: z.array(z.number()),
  mean: z.array(z.number()),
  first: z.array(z.number()),
  last: z.array(z.number()),
  count: z.array(z.number()),
  /** Set by the rollup cache when it answered (see SeriesCacheInfoSchema); absent when the source did. */
  cache: SeriesCacheInfoSchema.optional(),
  /**
   * Inside the main process only: the layout these windows follow when the rollup cache snapped them. The API
   * moves it to the response's `snapped` (every series of one response shares it) and leaves it out here.
   */
  snapped: SnappedLayoutSchema.optional(),
});
export type SeriesWindows = z.infer<typeof SeriesWindowsSchema>;

export const ValueAtSchema = z.object({
  key: z.string(),
  /** Timestamp of the value, or null when the series has no point at or before the instant. */
  t: z.number().nullable(),
  value: z.number().nullable(),
  /**
   * Present when the source could not be reached and the value comes from the history cache: the last value
   * of the cached buckets before `cache.through`, which is how far the cache knows everything (the instant
   * itself when it does; otherwise a value at or after `through`, up to the instant, is unknown: draw it as
   * approximate). `t` is the time of the value where the source told it (the local store), else the last
   * millisecond of its bucket.
   */
  cache: SeriesCacheInfoSchema.optional(),
});
export type ValueAt = z.infer<typeof ValueAtSchema>;

export const RawPointsSchema = z.object({
  key: z.string(),
  t: z.array(z.number()),
  v: z.array(z.number()),
  /** True when the limit cut the result short. */
  truncated: z.boolean(),
});
export type RawPoints = z.infer<typeof RawPointsSchema>;

export const CatalogEntrySchema = z.object({
  key: z.string(),
  measurement: z.string(),
  field: z.string(),
  tags: z.record(z.string(), z.string()),
  unit: z.string().optional(),
  description: z.string().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const WritePointSchema = z.object({ key: z.string().min(1).max(2_000), t: EpochMs, value: z.number().finite() });
export type WritePoint = z.infer<typeof WritePointSchema>;

export const WriteResultSchema = z.object({
  written: z.number().int(),
  dropped: z.number().int(),
  /** What the server or store said about what did not land. */
  errors: z.array(z.string()),
});
export type WriteResult = z.infer<typeof WriteResultSchema>;

/** Make an empty SeriesWindows for a key. */
export function emptyWindows(key: string): SeriesWindows {
  return { key, t: [], min: [], max: [], mean: [], first: [], last: [], count: [] };
}
