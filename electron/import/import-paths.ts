/**
 * The files of an import: files as given, folders expanded to the historian exports inside them (by
 * extension, hidden entries skipped, sorted by path so the order is the same every time).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { twinError } from '../../shared/api/errors';
import { HISTORIAN_EXTENSIONS } from './historian-files';

/** Most files one import takes. */
export const MAX_IMPORT_FILES = 10_000;
const DEPTH = 8;

const isExport = (name: string) => (HISTORIAN_EXTENSIONS as readonly string[]).includes(path.extname(name).slice(1).toLowerCase());

async function walk(dir: string, depth: number, out: string[], maxDepth: number): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory() && depth < maxDepth) await walk(full, depth + 1, out, maxDepth);
    // A linked export is taken as a file (the caller judges where it leads); linked folders are not followed.
    else if ((e.isFile() || (e.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile())) && isExport(e.name)) out.push(full);
    if (out.length > MAX_IMPORT_FILES) return;
  }
}

/** Expand the paths of an import to its files (`recursive`: subfolders too); each folder must hold at least one export. */
export async function expandImportPaths(paths: readonly string[], options: { recursive?: boolean } = {}): Promise<string[]> {
  const maxDepth = options.recursive === false ? 0 : DEPTH;
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw twinError('not-found', `The file ${p} does not exist.`, { where: p });
      throw twinError('file-unreadable', `Cannot read ${p}: ${(e as Error).message}`, { where: p });
    }
    if (s.isDirectory()) {
      const found: string[] = [];
      await walk(p, 0, found, maxDepth);
      if (found.length === 0) {
        throw twinError('not-found', `${p} holds no historian exports (${HISTORIAN_EXTENSIONS.map((x) => `.${x}`).join(', ')} files).`, { where: p });
      }
      out.push(...found);
    } else out.push(p);
    if (out.length > MAX_IMPORT_FILES) {
      throw twinError('invalid-input', `The import holds more than ${MAX_IMPORT_FILES.toLocaleString('en')} files: import the folders in parts.`, { where: p });
    }
  }
  // The same file named twice (a file and its folder) is read once.
  return [...new Set(out)];
}
