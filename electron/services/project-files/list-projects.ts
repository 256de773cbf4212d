import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './fs-errors';
import { isProjectFileName, projectNameOf } from './project-path';

export interface ProjectFileEntry {
  path: string;
  name: string;
  mtimeMs: number;
  size: number;
}

/**
 * The project files in a folder for the in-app Open dialog, newest first. Only `*.twin.json` regular
 * files (or links to them) are listed: never temp files, hidden files or folders. A missing folder is empty.
 */
export async function listProjectFolder(dir: string): Promise<{ folder: string; files: ProjectFileEntry[] }> {
  const folder = path.resolve(dir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { folder, files: [] };
    throw e;
  }
  const files: ProjectFileEntry[] = [];
  for (const name of names) {
    if (!isProjectFileName(name)) continue;
    const file = path.join(folder, name);
    try {
      const st = await stat(file);
      if (st.isFile()) files.push({ path: file, name: projectNameOf(file), mtimeMs: st.mtimeMs, size: st.size });
    } catch {
      // Deleted while listing, or a dangling link: not something the user can open.
    }
  }
  files.sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name));
  return { folder, files };
}
