import { twinError, type Problem } from '../../shared/api/errors';
import { MODEL_VERSION } from '../../shared/analysis/model/model-schema';
import { readModel } from '../../shared/analysis/model/read-model';
import { resolveModel, type ResolvedModel } from '../../shared/analysis/model/resolve-model';
import type { TwinDocument } from '../../shared/twin/schema';
import { stateFromDocument } from '../../shared/twin/state';
import { jsonPath } from '../../shared/twin/validate/json-path';

/** Find a model in a twin and resolve it for a run; a TwinError lists every problem with its JSON path. */
export function resolveRunModel(document: TwinDocument, modelId: string): ResolvedModel {
  const index = document.models.findIndex((m) => m.id === modelId);
  if (index < 0) {
    const ids = document.models.map((m) => m.id);
    throw twinError('not-found', `The project has no model "${modelId}"${ids.length ? `; its models are ${ids.join(', ')}` : ' (it has no models yet)'}.`, {
      where: modelId,
    });
  }
  const read = readModel(document.models[index], ['models', index]);
  if (read.status === 'newer')
    throw twinError(
      'newer-format',
      `Model "${modelId}" was made by a newer Twin Studio (model version ${read.version}, this build runs up to ${MODEL_VERSION}). Update Twin Studio to run it.`,
      {
        where: jsonPath(['models', index]),
      },
    );
  if (read.status === 'invalid') throw modelProblems(modelId, read.problems);
  const { resolved, problems } = resolveModel(stateFromDocument(document), read.model);
  if (!resolved) {
    throw modelProblems(
      read.model.name || modelId,
      problems.map((p) => ({ path: jsonPath(['models', index, ...p.path]), message: p.message, severity: 'error' as const })),
    );
  }
  return resolved;
}

function modelProblems(name: string, problems: Problem[]): Error {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return twinError('invalid-input', `Model "${name}" cannot run: ${first ? `${first.path}: ${first.message}` : 'it is not valid'}${more}.`, { problems });
}
