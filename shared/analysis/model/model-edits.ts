import { DiffBuilder, type StateDiff } from '../../twin/diff';
import type { TwinModel } from '../../twin/schema';
import type { TwinState } from '../../twin/state';
import type { ModelDefinition } from './model-schema';

/** Add a model to the twin (one undo step). */
export function addModel(twin: TwinState, model: ModelDefinition): StateDiff {
  return new DiffBuilder(twin).add('models', model as TwinModel).build();
}

/**
 * Replace a model's definition, keeping fields of the stored record this build does not know (a newer
 * build's, `legacyFields`). An edit of a model read from an older version writes it in the current one.
 */
export function putModel(twin: TwinState, model: ModelDefinition): StateDiff {
  const stored = twin.models[model.id] as Record<string, unknown> | undefined;
  return new DiffBuilder(twin).put('models', { ...(stored ?? {}), ...model } as TwinModel).build();
}

/** Delete a model. */
export function removeModel(twin: TwinState, id: string): StateDiff {
  return new DiffBuilder(twin).remove('models', id).build();
}

/** The models of an asset, in file order. */
export function modelsOfAsset(twin: TwinState, assetId: string): TwinModel[] {
  return Object.values(twin.models).filter((m) => m.assetId === assetId);
}

/** A model id not used yet in the twin, from a readable stem (`m-ch-1-power`). */
export function freshModelId(twin: TwinState, stem: string): string {
  const base = `m-${
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model'
  }`;
  if (!twin.models[base]) return base;
  for (let i = 2; ; i++) if (!twin.models[`${base}-${i}`]) return `${base}-${i}`;
}
