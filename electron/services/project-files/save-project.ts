import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isTwinError, twinError, type Problem } from '../../../shared/api/errors';
import type { Fingerprint } from '../../../shared/api/contract';
import type { TwinDocument } from '../../../shared/twin/schema';
import { checkDocument } from '../../../shared/twin/validate';
import { writeFileAtomic } from './atomic-write';
import { checkDocumentShape, serializeWithinCap } from './document-checks';
import { fingerprintOf, sha256 } from './fingerprint';
import { errnoCode, fileSystemError } from './fs-errors';
import { checkProjectPath } from './project-path';
import { DEFAULT_MAX_PROJECT_BYTES, readBoundedFile } from './read-project';

export { serializeDocument } from './document-checks';

/** The fingerprint of what is at a path now, or null when nothing is. */
async function onDisk(file: string): Promise<Fingerprint | null> {
  try {
    await stat(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw fileSystemError(e, 'check', file);
  }
  try {
    const { bytes, mtimeMs } = await readBoundedFile(file, DEFAULT_MAX_PROJECT_BYTES, 'check');
    return fingerprintOf(bytes, mtimeMs);
  } catch (e) {
    // Something we could not read (too large, a folder, no permission) is certainly not what was opened.
    if (errnoCode(e) === 'ENOENT') return null;
    return { mtimeMs: 0, size: -1, sha256: 'unreadable' };
  }
}

function conflict(file: string, expected: Fingerprint | null, current: Fingerprint): Error {
  const when = current.mtimeMs > 0 ? ` (modified ${new Date(current.mtimeMs).toISOString()}, ${current.size} bytes)` : '';
  const message =
    expected === null
      ? `${file} already exists${when} and was not opened in this window. Save anyway to replace it, or save under another name.`
      : `${file} was changed on disk since it was opened${when}, by another program or person. Save anyway to replace their changes, reopen it to see them, or save under another name.`;
  return twinError('conflict', message, { where: file, details: { onDisk: current, expected } });
}

// Saves to one path run one at a time, so an autosave and a Ctrl+S cannot both pass the conflict check.
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(key, next);
  const clear = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(clear, clear);
  return next;
}

/**
 * Save a project atomically. Refuses with `conflict` when the file on disk is no longer the one the user
 * opened (`expected`; null for a path never opened, which must then not exist) unless `overwrite` is set,
 * and with `invalid-input` when the document has errors (a file that would not open again is never written).
 */
export async function saveProjectFile(
  filePath: string,
  doc: TwinDocument,
  expected: Fingerprint | null,
  overwrite = false,
): Promise<{ path: string; fingerprint: Fingerprint }> {
  const file = checkProjectPath(filePath);
  // Depth and reserved keys first: the validator below walks the document recursively.
  checkDocumentShape(doc, 'save');
  const errors: Problem[] = checkDocument(doc).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const [first] = errors as [Problem];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw twinError(
      'invalid-input',
      `Not saved: the project has errors that would stop it from opening again: ${first.path}: ${first.message}${more}. Fix them and save again.`,
      {
        where: file,
        problems: errors,
      },
    );
  }
  const bytes = serializeWithinCap(doc, 'save', file);
  return serialized(file, async () => {
    // Checked after the new content is safely in the temp file, to keep the window for a race small.
    const beforeRename = async () => {
      if (overwrite) return;
      const current = await onDisk(file);
      if (current === null) return; // Deleted or never there: writing it loses nothing.
      if (expected === null || current.sha256 !== expected.sha256) throw conflict(file, expected, current);
    };
    try {
      await writeFileAtomic(file, bytes, { beforeRename });
    } catch (e) {
      if (isTwinError(e)) throw e;
      if (errnoCode(e) === 'ENOENT') {
        throw twinError('not-found', `Cannot save ${file}: the folder ${path.dirname(file)} does not exist. Choose another folder.`, { where: file });
      }
      throw fileSystemError(e, 'save', file);
    }
    const after = await stat(file);
    return { path: file, fingerprint: { mtimeMs: after.mtimeMs, size: bytes.byteLength, sha256: sha256(bytes) } };
  });
}
