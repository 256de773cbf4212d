import type { Problem } from '../../api/errors';

/** A plain JSON object as read from a file, before the current schema has checked it. */
export type JsonObject = Record<string, unknown>;

export type MigrationResult = { ok: true; document: JsonObject } | { ok: false; problems: Problem[] };

/** One numbered step: turns a document of format `from` into format `from + 1`. Pure; never mutates its input. */
export interface Migration {
  from: number;
  to: number;
  /** One line for the changelog and the "migrated from" notice. */
  summary: string;
  up(document: JsonObject): MigrationResult;
}

/**
 * Copy the fields of `source` that a migration does not translate, so nothing the user wrote is lost.
 * A field whose name the new format now uses for something else is kept under `legacyFields`.
 */
export function carryOver(target: JsonObject, source: JsonObject, translated: ReadonlySet<string>): JsonObject {
  for (const [key, value] of Object.entries(source)) {
    if (translated.has(key)) continue;
    if (Object.prototype.hasOwnProperty.call(target, key)) {
      const legacy = (target.legacyFields ??= {}) as JsonObject;
      legacy[key] = value;
    } else target[key] = value;
  }
  return target;
}
