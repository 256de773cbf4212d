import { FORMAT_VERSION } from '../../twin/format-version';
import type { TwinState } from '../../twin/state';
import { jsonPath } from '../../twin/validate/json-path';
import type { Located } from '../../twin/validate/located-document';
import type { RuleContext } from '../../twin/validate/rule-context';
import { MODEL_VERSION } from './model-schema';
import { readModel } from './read-model';
import { resolveModel } from './resolve-model';

function byId<T extends { id: string }>(items: readonly Located<T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const { value } of items) if (!(value.id in out)) out[value.id] = value;
  return out;
}

/**
 * The models section: each model's inner shape must parse (errors, as for any malformed record), and what
 * it names must exist (warnings: a sensor unbound elsewhere must not make the file unopenable; the editor
 * and a run say the same). Drafts not finished yet (no target, no features) are not reported here.
 */
export function checkModels(ctx: RuleContext): void {
  const { doc } = ctx;
  if (doc.models.length === 0) return;
  const twin: TwinState = {
    meta: { formatVersion: FORMAT_VERSION, id: '', name: '', timeZone: doc.timeZone ?? 'UTC' },
    assets: byId(doc.assets),
    connections: byId(doc.connections),
    systems: {},
    sensors: byId(doc.sensors),
    models: {},
  };
  for (const { value, index } of doc.models) {
    const read = readModel(value, ['models', index]);
    if (read.status === 'invalid') {
      for (const p of read.problems) ctx.error(p.path, p.message);
      continue;
    }
    if (read.status === 'newer') {
      ctx.warn(
        jsonPath(['models', index, 'modelVersion']),
        `is ${read.version}: made by a newer Twin Studio (this build reads model version ${MODEL_VERSION}); it is kept as written but cannot be run or edited here`,
      );
      continue;
    }
    if (read.model.assetId !== null && !twin.assets[read.model.assetId]) continue; // reported by the reference rules
    for (const p of resolveModel(twin, read.model).problems) {
      if (!p.incomplete) ctx.warn(jsonPath(['models', index, ...p.path]), p.message);
    }
  }
}
