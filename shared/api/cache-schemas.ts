import { z } from 'zod';

/** Where the background fill of the rollup cache stands: the status bar's indicator and `twin cache` print it. */
export const CacheFillProgressSchema = z.object({
  state: z.enum(['idle', 'filling', 'failed', 'cancelled']),
  /** Slices (one aggregate query each) done and asked for since the fill last went idle. */
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  message: z.string(),
});
export type CacheFillProgress = z.infer<typeof CacheFillProgressSchema>;

/** The rollup cache of the current tenant, per source, and how big it may grow. */
export const CacheStatsSchema = z.object({
  tenant: z.string(),
  /** The size bound; least recently used ranges are dropped beyond it. */
  maxBytes: z.number(),
  /** Estimated size of every tenant's rollups in the local store. */
  usedBytes: z.number(),
  sources: z.array(
    z.object({
      source: z.string(),
      series: z.number().int(),
      buckets: z.number().int(),
      bytes: z.number(),
      /** Epoch ms of the oldest and newest fill: the age of what the cache answers. */
      oldestFill: z.number().nullable(),
      newestFill: z.number().nullable(),
    }),
  ),
  fill: CacheFillProgressSchema,
});
export type CacheStats = z.infer<typeof CacheStatsSchema>;
