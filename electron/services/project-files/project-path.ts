import path from 'node:path';
import { twinError } from '../../../shared/api/errors';

/** The extension every project file has; the OS file association and the listing go by it. */
export const PROJECT_EXTENSION = '.twin.json';

/** Whether a file name is a project's (case-insensitive, as Windows and macOS file systems are). */
export function isProjectFileName(name: string): boolean {
  return name.toLowerCase().endsWith(PROJECT_EXTENSION) && name.length > PROJECT_EXTENSION.length && !name.startsWith('.');
}

/** Resolve a project path, refusing names that do not end in `.twin.json` with `invalid-input`. */
export function checkProjectPath(p: string): string {
  const resolved = path.resolve(p);
  if (!isProjectFileName(path.basename(resolved))) {
    throw twinError(
      'invalid-input',
      `Twin Studio projects are saved as NAME${PROJECT_EXTENSION}; "${path.basename(resolved)}" does not end in ${PROJECT_EXTENSION}. Choose a name ending in ${PROJECT_EXTENSION}.`,
      {
        where: resolved,
      },
    );
  }
  return resolved;
}

/** A project's display name from its file name: `b7-plant.twin.json` → `b7-plant`. */
export function projectNameOf(p: string): string {
  const base = path.basename(p);
  return isProjectFileName(base) ? base.slice(0, -PROJECT_EXTENSION.length) : base;
}
