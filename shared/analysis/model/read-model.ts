import type { Problem } from '../../api/errors';
import { schemaProblems } from '../../twin/validate/schema-problems';
import { jsonPath, type PathPart } from '../../twin/validate/json-path';
import { migrateModel } from './model-migrations';
import { ModelDefinitionSchema, MODEL_VERSION, type ModelDefinition } from './model-schema';

/** A model record as read: current (migrated when older), made by a newer build, or not valid. */
export type ReadModel =
  { status: 'ok'; model: ModelDefinition; migratedFrom?: number } | { status: 'newer'; version: number } | { status: 'invalid'; problems: Problem[] };

/**
 * Read the inner shape of a model record from the twin: migrate it from its `modelVersion` (absent = 0)
 * and parse it. `at` is where the record sits in the file, for the JSON paths of problems.
 */
export function readModel(raw: unknown, at: readonly PathPart[] = []): ReadModel {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { status: 'invalid', problems: [{ path: jsonPath(at), message: 'is not an object', severity: 'error' }] };
  }
  const record = raw as Record<string, unknown>;
  const version = record.modelVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      status: 'invalid',
      problems: [
        {
          path: jsonPath([...at, 'modelVersion']),
          message: `is ${JSON.stringify(version)}; it must be a whole number such as ${MODEL_VERSION}`,
          severity: 'error',
        },
      ],
    };
  }
  if (version > MODEL_VERSION) return { status: 'newer', version };
  const migrated = version < MODEL_VERSION ? migrateModel(record, version) : record;
  const parsed = ModelDefinitionSchema.safeParse(migrated);
  if (!parsed.success) return { status: 'invalid', problems: schemaProblems(parsed.error.issues, at) };
  return version < MODEL_VERSION ? { status: 'ok', model: parsed.data, migratedFrom: version } : { status: 'ok', model: parsed.data };
}
