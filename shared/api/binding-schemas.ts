import { z } from 'zod';

/**
 * What the suggestion engine knows of a series' values: its unit and its range over a recent window
 * (the week before its last point), and how much of it is exactly 0 or 1 (a status). Computed in main.
 */
export const SeriesStatsSchema = z.object({
  key: z.string(),
  /** The unit the source declares, or null. */
  unit: z.string().nullable(),
  /** Epoch ms of the newest point, or null when the series has none. */
  lastSeen: z.number().nullable(),
  /** Points in the window; 0 when the series had none there. */
  count: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  /** Fraction of the values that are exactly 0 or 1, or null without values. */
  binaryFraction: z.number().nullable(),
});
export type SeriesStats = z.infer<typeof SeriesStatsSchema>;

/** The recent window stats look at, by default: the week before a series' last point. */
export const STATS_WINDOW_MS = 7 * 24 * 3_600_000;
