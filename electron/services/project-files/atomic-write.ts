import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './fs-errors';
import { tempPathFor } from './temp-files';

export interface AtomicWriteOptions {
  /** Runs after the temp file is complete on disk and before it replaces the target; throw to abandon the write. */
  beforeRename?: () => Promise<void>;
  /** Permissions of the new file (e.g. 0o600 for secrets); by default those of the file it replaces. */
  mode?: number;
}

async function existingMode(target: string): Promise<number> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

// Windows refuses to rename over a file another process (an indexer, a virus scanner) has open for a moment.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const busy = ['EPERM', 'EACCES', 'EBUSY'].includes(errnoCode(e) ?? '');
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

// Makes the rename itself durable. Windows cannot open a folder for fsync, and some network file systems
// refuse it; by then the rename has happened, so those are no reason to report the save as failed.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (e) {
    if (!['EINVAL', 'ENOTSUP', 'EPERM', 'EISDIR'].includes(errnoCode(e) ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

/**
 * Replace `target` with `data` so that a crash at any moment leaves either the old file or the new one,
 * complete: write a temp file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', options.mode ?? (await existingMode(target)));
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await renameWithRetry(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(path.dirname(target));
}
