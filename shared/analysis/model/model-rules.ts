import { emptyDocument } from '../../twin/empty-document';
import { stateFromDocument, type TwinState } from '../../twin/state';
import { jsonPath } from '../../twin/validate/json-path';
import type { Located } from '../../twin/validate/located-document';
import type { RuleContext } from '../../twin/validate/rule-context';
import { MODEL_VERSION } from './model-schema';
import { readModel } from './read-model';
import { resolveModel } from './resolve-model';

/** The records, the first of duplicate ids winning as the editor would load them. */
function values<T extends { id: string }>(items: readonly Located<T>[]): T[] {
  const seen = new Set<string>();
  return items.filter(({ value }) => !seen.has(value.id) && seen.add(value.id)).map(({ value }) => value);
}

/**
 * The models section: each model's inner shape must parse (errors, as for any malformed record), and what
 * it names must exist (warnings: a sensor unbound elsewhere must not make the file unopenable; the editor
 * and a run say the same). Drafts not finished yet (no target, no features) are not reported here.
 */
export function checkModels(ctx: RuleContext): void {
  const { doc } = ctx;
  if (doc.models.length === 0) return;
  // Only what sensors of an asset depend on; the rest of the document is checked by the other rules.
  const twin: TwinState = stateFromDocument({
    ...emptyDocument('validate'),
    assets: values(doc.assets),
    connections: values(doc.connections),
    sensors: values(doc.sensors),
  });

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
