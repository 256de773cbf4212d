import type { Problem } from '../../api/errors';
import { jsonPath, type PathPart } from './json-path';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Fields of the file that the schema's output lost. Most records are loose and keep fields this build
 * does not know, but a strict part (a position, a port reference) would drop them on the next save;
 * such a file is refused rather than silently trimmed.
 */
export function droppedFields(raw: unknown, parsed: unknown, at: PathPart[] = [], out: Problem[] = []): Problem[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((item, i) => droppedFields(item, parsed[i], [...at, i], out));
  } else if (isObject(raw) && isObject(parsed)) {
    for (const key of Object.keys(raw)) {
      const path = [...at, key];
      if (!Object.prototype.hasOwnProperty.call(parsed, key)) {
        out.push({
          path: jsonPath(path),
          message: `field "${key}" is not part of the format here and would be lost when saving; remove or move it`,
          severity: 'error',
        });
      } else droppedFields(raw[key], parsed[key], path, out);
    }
  }
  return out;
}
