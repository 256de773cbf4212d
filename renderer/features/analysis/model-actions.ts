import { chillerTemplate, newModel } from '../../../shared/analysis/model/chiller-template';
import { addModel, freshModelId, putModel, removeModel } from '../../../shared/analysis/model/model-edits';
import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';
import type { DocumentStore } from '../../stores/document-store';

type Doc = ReturnType<DocumentStore['getState']>;

/** Add a new model for an asset (one undo step) and return its id: a chiller gets the chiller template filled from its roles. */
export function createModelFor(doc: Doc, assetId: string): string {
  const twin = doc.twin;
  const asset = twin.assets[assetId];
  const tag = asset?.tag.trim() || assetId;
  const id = freshModelId(twin, `${tag}-power`);
  const base = newModel(id, assetId, `${tag} power`);
  const model = asset?.kind === 'chiller' ? chillerTemplate(twin, base).model : base;
  doc.apply(addModel(twin, model), { kind: 'record' });
  return id;
}

/** Change a model; `field` names the edit so typing into one field is one undo step (seal it on blur). */
export function editModel(doc: Doc, model: ModelDefinition, field: string | null): void {
  doc.apply(putModel(doc.twin, model), field === null ? { kind: 'record' } : { kind: 'squash', key: `model:${model.id}:${field}` });
}

/** Fill a model from the chiller template (one undo step); returns the roles the asset still lacks. */
export function applyChillerTemplate(doc: Doc, model: ModelDefinition): string[] {
  const { model: filled, missing } = chillerTemplate(doc.twin, model);
  editModel(doc, filled, null);
  return missing;
}

export function deleteModel(doc: Doc, id: string): void {
  doc.apply(removeModel(doc.twin, id), { kind: 'record' });
}
