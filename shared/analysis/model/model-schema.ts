import { z } from 'zod';

/**
 * The inner shape of a residual-analysis model (the twin's `models` section). It is versioned per model
 * (`modelVersion`) so it can change without a twin format bump; model-migrations.ts brings older models up.
 * Objects are loose: fields this build does not know are kept and written back.
 */

/** The model shape this build writes. */
export const MODEL_VERSION = 1;

const EpochMs = z.number().int().finite();
const Word = z.string().min(1, 'is empty').max(64, 'is longer than 64 characters');

/**
 * One input of a model, named so expressions and features can use it: a bound sensor of the asset found
 * by its role (the trusted one), a sensor by id, or a derived signal written as an expression of other
 * inputs and roles. Exactly one of role, sensor and expression is set (checked with the other rules).
 */
export const ModelInputSchema = z.looseObject({
  name: Word,
  role: z.string().min(1).max(100).optional(),
  sensor: z.string().min(1).max(128).optional(),
  expression: z.string().max(500).optional(),
});
export type ModelInput = z.infer<typeof ModelInputSchema>;

/** What the model predicts: the asset's trusted sensor of a role, or a sensor by id. */
export const ModelTargetSchema = z.looseObject({
  role: z.string().min(1).max(100).optional(),
  sensor: z.string().min(1).max(128).optional(),
});
export type ModelTarget = z.infer<typeof ModelTargetSchema>;

export const ThresholdSettingsSchema = z.looseObject({
  enabled: z.boolean().default(true),
  /** Episodes start where |residual − centre| exceeds k × the robust spread (1.4826 × MAD) of the training residuals. */
  k: z.number().positive().max(1_000).default(4),
  /**
   * Consecutive points over the threshold that start an episode, and under it that end one. The defaults
   * (2 h and 4 h of 15-minute windows) and the drift detector's were chosen on the demo year and scenarios
   * 1–24 and checked on scenarios drawn after (README, "Performance").
   */
  over: z.number().int().min(1).max(100_000).default(8),
  under: z.number().int().min(1).max(100_000).default(16),
});
export type ThresholdSettings = z.infer<typeof ThresholdSettingsSchema>;

export const DriftSettingsSchema = z.looseObject({
  enabled: z.boolean().default(true),
  /** Weight of each new point in the EWMA of the standardised residual (0 < λ ≤ 1). */
  lambda: z.number().positive().max(1).default(0.015),
  /** The EWMA (in spreads) that starts an episode, and the level it must fall back under to end it. */
  limit: z.number().positive().max(1_000).default(0.5),
  release: z.number().min(0).max(1_000).default(0.25),
});
export type DriftSettings = z.infer<typeof DriftSettingsSchema>;

export const DetectionSettingsSchema = z.looseObject({
  threshold: ThresholdSettingsSchema.default(ThresholdSettingsSchema.parse({})),
  drift: DriftSettingsSchema.default(DriftSettingsSchema.parse({})),
});
export type DetectionSettings = z.infer<typeof DetectionSettingsSchema>;

export const TrainingRangeSchema = z.object({ from: EpochMs, to: EpochMs }).refine((r) => r.to > r.from, { message: '"to" must be after "from"' });

/** Model types: a linear regression on chosen features, or the chiller template (power from load and lift). */
export const MODEL_TYPES = ['linear', 'chiller'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const ModelDefinitionSchema = z.looseObject({
  id: z.string().min(1, 'is empty').max(128),
  name: z.string().max(200).default(''),
  assetId: z.string().min(1).max(128).nullable().default(null),
  modelVersion: z.literal(MODEL_VERSION),
  type: z.enum(MODEL_TYPES).default('linear'),
  target: ModelTargetSchema.nullable().default(null),
  inputs: z.array(ModelInputSchema).max(50).default([]),
  /** Linear models: the inputs used as features, and which of them also enter squared or as products. */
  features: z.array(Word).max(30).default([]),
  squares: z.array(Word).max(30).default([]),
  interactions: z
    .array(z.tuple([Word, Word]))
    .max(100)
    .default([]),
  /** Rows where this expression is not true (1) are left out, e.g. `status >= 1` for a running chiller. */
  filter: z.string().max(500).nullable().default(null),
  /** Ridge penalty on the standardised features, relative to the number of training rows. */
  ridge: z.number().min(0).max(1_000).default(1e-6),
  /** Down-weight outliers of the training rows (Tukey bisquare), so a fault inside the training range does not bend the fit. */
  robust: z.boolean().default(true),
  /** Rows the model learns from; null learns from the range it runs over. */
  training: TrainingRangeSchema.nullable().default(null),
  /** Width of the window means the inputs are aligned on, ms. */
  resolutionMs: z
    .number()
    .int()
    .min(1_000)
    .max(24 * 3_600_000)
    .default(15 * 60_000),
  detection: DetectionSettingsSchema.default(DetectionSettingsSchema.parse({})),
});
export type ModelDefinition = z.infer<typeof ModelDefinitionSchema>;

/** Default detection settings (what a new model and the chiller template get). */
export function defaultDetection(): DetectionSettings {
  return DetectionSettingsSchema.parse({});
}
