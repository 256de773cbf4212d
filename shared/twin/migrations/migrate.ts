import { twinError, type Problem } from '../../api/errors';
import { FORMAT_VERSION } from '../schema';
import type { JsonObject, Migration } from './migration';
import { v1ToV2 } from './v1-to-v2';
import { v2ToV3 } from './v2-to-v3';

/** Every migration in order: `migrations[i]` turns format i+1 into i+2; the last one ends at FORMAT_VERSION. */
export const migrations: readonly Migration[] = [v1ToV2, v2ToV3];

/** The oldest format this build can still open. */
export const OLDEST_FORMAT = 1;

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

function invalid(where: string, problem: Problem): never {
  throw twinError('file-invalid', `${where} is not a Twin Studio project: ${problem.path}: ${problem.message}`, { where, problems: [problem] });
}

/**
 * Bring a parsed project file up to the current format. Throws a TwinError: `newer-format` for a file
 * from a newer build, `file-invalid` when the file is no project or a step finds a problem.
 */
export function migrate(json: unknown, where = 'The file'): { document: JsonObject; from: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    invalid(where, { path: '$', message: `is ${describeValue(json)}, but a project file holds a JSON object`, severity: 'error' });
  }
  const doc = json as JsonObject;
  const version = doc.formatVersion;
  if (version === undefined) {
    invalid(where, { path: '$.formatVersion', message: `is missing; a Twin Studio project starts with "formatVersion": ${FORMAT_VERSION}`, severity: 'error' });
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    invalid(where, {
      path: '$.formatVersion',
      message: `is ${describeValue(version)}, but it must be a whole number such as ${FORMAT_VERSION}`,
      severity: 'error',
    });
  }
  if (version > FORMAT_VERSION) {
    throw twinError(
      'newer-format',
      `${where} was made by a newer version of Twin Studio (format ${version}, this build reads up to ${FORMAT_VERSION}). Update Twin Studio to open it; the file was not changed.`,
      { where, details: { formatVersion: version, supported: FORMAT_VERSION } },
    );
  }
  if (version < OLDEST_FORMAT) {
    invalid(where, {
      path: '$.formatVersion',
      message: `is ${version}, a format that never existed (formats ${OLDEST_FORMAT} to ${FORMAT_VERSION} exist)`,
      severity: 'error',
    });
  }
  let current = doc;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = migrations[v - OLDEST_FORMAT];
    if (!step || step.from !== v) throw twinError('internal', `No migration from format ${v} to ${v + 1} in this build.`, { where });
    const result = step.up(current);
    if (!result.ok) {
      const [first] = result.problems;
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
      throw twinError(
        'file-invalid',
        `${where} (format ${v}) could not be converted to format ${step.to}: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`,
        {
          where,
          problems: result.problems,
        },
      );
    }
    current = result.document;
  }
  return { document: current, from: version };
}
