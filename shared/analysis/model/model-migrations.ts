import { ModelDefinitionSchema, MODEL_VERSION } from './model-schema';

type JsonObject = Record<string, unknown>;

/** One numbered step of a model's inner shape: `from` → `from + 1`. Pure; never mutates its input. */
export interface ModelMigration {
  from: number;
  to: number;
  summary: string;
  up(model: JsonObject): JsonObject;
}

/**
 * Version 0 is a model written before models had a shape of their own (the `models` section only had
 * id, name and assetId, and people kept whatever else there). It becomes a version 1 draft with nothing
 * lost: fields whose names version 1 uses for something else move under `legacyFields`.
 */
const v0ToV1: ModelMigration = {
  from: 0,
  to: 1,
  summary: 'Models get a versioned definition (target, inputs, type, training range, resolution, detection).',
  up(model) {
    const out: JsonObject = {};
    const legacy: JsonObject = {};
    const shape = ModelDefinitionSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const [key, value] of Object.entries(model)) {
      const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
      if (key === 'id' || key === 'name' || key === 'assetId' || !field || field.safeParse(value).success) out[key] = value;
      else legacy[key] = value;
    }
    out.modelVersion = 1;
    if (Object.keys(legacy).length > 0) out.legacyFields = { ...((model.legacyFields as JsonObject | undefined) ?? {}), ...legacy };
    return out;
  },
};

/** Every model migration in order: `modelMigrations[i]` turns version i into i + 1, ending at MODEL_VERSION. */
export const modelMigrations: readonly ModelMigration[] = [v0ToV1];

/** Bring a model up to MODEL_VERSION; `version` is what the model says (0 when it says nothing). */
export function migrateModel(model: JsonObject, version: number): JsonObject {
  let current = model;
  for (let v = version; v < MODEL_VERSION; v++) {
    const step = modelMigrations[v];
    if (!step || step.from !== v) throw new Error(`No migration of models from version ${v} in this build.`);
    current = step.up(current);
  }
  return current;
}
