import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './fs-errors';

// `.b7.twin.json.3f9a0c1d2e4b.tmp`: hidden, named after its target, and ending in neither `.twin.json`
// nor `.json`, so no listing, file association or glob for projects can pick one up.
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A fresh temp path in the same folder as `target` (a rename is atomic only within one file system). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a file name is one of our temp files. */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export interface SweepOptions {
  /** Only temp files older than this are removed: a younger one may belong to a save in progress in another window. */
  olderThanMs?: number;
  now?: number;
}

/** Remove temp files a crashed save left in a folder; returns the removed paths. A missing folder has none. */
export async function sweepTempFiles(folder: string, options: SweepOptions = {}): Promise<string[]> {
  const cutoff = (options.now ?? Date.now()) - (options.olderThanMs ?? 60_000);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw e;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    const file = path.join(folder, name);
    try {
      const st = await lstat(file);
      if (!st.isFile() || st.mtimeMs > cutoff) continue;
      await unlink(file);
      removed.push(file);
    } catch (e) {
      // Another window's sweep or save got there first.
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
  }
  return removed;
}
