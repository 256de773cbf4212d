import { z } from 'zod';

/** Stages of a residual run, in order, as its progress events name them. */
export const RESIDUAL_STAGES = ['fetch', 'inputs', 'fit', 'detect', 'write'] as const;
export type ResidualStage = (typeof RESIDUAL_STAGES)[number];

export const EpisodeSchema = z.object({
  start: z.number(),
  end: z.number(),
  peak: z.number(),
  mean: z.number(),
  direction: z.enum(['high', 'low']),
  detector: z.enum(['threshold', 'drift']),
  /** When the detector decided, watching live. */
  detectedAt: z.number(),
  /** The level crossed, in the target's unit. */
  threshold: z.number(),
  /** Still open at the end of the run. */
  ongoing: z.boolean(),
});
export type EpisodeData = z.infer<typeof EpisodeSchema>;

const Range = z.object({ from: z.number(), to: z.number() });

export const FitSummarySchema = z.object({
  coefficients: z.record(z.string(), z.number()),
  r2: z.number(),
  residualSpread: z.number(),
  residualCentre: z.number(),
  rows: z.number().int(),
  droppedRows: z.number().int(),
  dropped: z.array(z.object({ reason: z.string(), rows: z.number().int() })),
  trainingRows: z.number().int(),
  training: Range,
  outlierRows: z.number().int(),
  extrapolation: z.array(z.object({ input: z.string(), trainingMin: z.number(), trainingMax: z.number(), outsideFraction: z.number() })),
});

/** What a residual run answers: the fit, the episodes, the aligned series (for charts) and what was written. */
export const ResidualRunSchema = z.object({
  model: z.object({ id: z.string(), name: z.string(), assetId: z.string(), assetTag: z.string(), target: z.string(), unit: z.string().nullable() }),
  range: Range,
  resolutionMs: z.number(),
  fit: FitSummarySchema,
  episodes: z.array(EpisodeSchema),
  levels: z.object({ threshold: z.number().nullable(), drift: z.number().nullable() }),
  series: z.object({ t: z.array(z.number()), actual: z.array(z.number()), predicted: z.array(z.number()), residual: z.array(z.number()) }),
  written: z
    .object({
      predictions: z.object({ written: z.number().int(), total: z.number().int() }),
      alerts: z.object({ written: z.number().int(), total: z.number().int() }),
      replaced: Range,
    })
    .nullable(),
  /** Time the fit, prediction and detection took on the worker, ms. */
  computeMs: z.number(),
});
export type ResidualRun = z.infer<typeof ResidualRunSchema>;

export const ResidualProgressSchema = z.object({
  channel: z.string(),
  stage: z.enum(RESIDUAL_STAGES),
  /** Of the whole run, 0 to 1. */
  fraction: z.number(),
  message: z.string(),
});
export type ResidualProgress = z.infer<typeof ResidualProgressSchema>;
