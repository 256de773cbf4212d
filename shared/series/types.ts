import { z } from 'zod';

/** Epoch milliseconds, finite and integral. */
export const EpochMs = z.number().int().finite();

/** A half-open time range [from, to) in epoch milliseconds. */
export const TimeRangeSchema = z.object({ from: EpochMs, to: EpochMs }).refine((r) => r.to > r.from, { message: '"to" must be after "from"' });
export type TimeRange = z.infer<typeof TimeRangeSchema>;

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
});
export type SeriesWindows = z.infer<typeof SeriesWindowsSchema>;

/** The window layout a request used, so charts can place windows without guessing. */
export const WindowLayoutSchema = z.object({ from: z.number(), to: z.number(), width: z.number(), n: z.number() });
export type WindowLayout = z.infer<typeof WindowLayoutSchema>;

export const ValueAtSchema = z.object({
  key: z.string(),
  /** Timestamp of the value, or null when the series has no point at or before the instant. */
  t: z.number().nullable(),
  value: z.number().nullable(),
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
