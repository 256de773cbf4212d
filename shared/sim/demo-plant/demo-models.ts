import { chillerTemplate, newModel } from '../../analysis/model/chiller-template';
import type { TwinDocument, TwinModel } from '../../twin/schema';
import { stateFromDocument } from '../../twin/state';

/** The demo's residual models: a power model for each chiller, the chiller template at default settings. */
export function demoModels(doc: TwinDocument): TwinModel[] {
  const twin = stateFromDocument(doc);
  return ['CH-1', 'CH-2'].map((tag) => {
    const asset = doc.assets.find((a) => a.tag === tag);
    if (!asset) throw new Error(`The demo drawing has no ${tag}`);
    const { model, missing } = chillerTemplate(twin, newModel(`m-${tag.toLowerCase()}-power`, asset.id, `${tag} power`));
    if (missing.length) throw new Error(`${tag} lacks sensors for ${missing.join(', ')}`);
    return model as TwinModel;
  });
}
