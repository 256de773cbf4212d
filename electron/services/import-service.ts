import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportOptions, ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { importFiles, type ImportProgress } from '../import/import-files';
import { historianFileRefusal, historianFolderRefusal } from '../import/historian-files';
import { expandImportPaths } from '../import/import-paths';
import { previewImports } from '../import/import-preview';
import type { LocalStore } from '../sources/local/local-store';
import type { EventHub } from './event-hub';

async function realPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw twinError('not-found', `The file ${file} does not exist.`, { where: file });
    throw twinError('file-unreadable', `Cannot read ${file}: ${(e as Error).message}`, { where: file });
  }
}

/**
 * The web host's rule on a path as named, before anything about it is revealed: an export file outside
 * hidden folders, or an ordinary folder (only a folder that exists and is not hidden may lack the extension).
 */
async function refuseNamed(resolved: string): Promise<void> {
  const asFile = historianFileRefusal(resolved);
  if (asFile === null) return;
  if (historianFolderRefusal(resolved) === null && (await stat(resolved).catch(() => null))?.isDirectory()) return;
  throw twinError('forbidden', asFile, { where: resolved });
}

const within = (file: string, folder: string) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

export interface ImportRun {
  signal?: AbortSignal | undefined;
  /** Progress goes out as importProgress events on this channel. */
  channel?: string | undefined;
}

/**
 * Historian imports into the local store (the only store the app imports into). The renderer is
 * untrusted: in Electron it may only import files (or folders) the user picked in the native dialog, so a
 * compromised page cannot read arbitrary files into the store. The web host has no native dialog: its page
 * may name files and folders (whose own exports are read, not their subfolders'), but only historian exports
 * (by extension) outside hidden folders, judged on the path as named and on the real path its links lead to,
 * which is the one read.
 */
export class ImportService {
  private readonly approved = new Set<string>();

  constructor(
    private readonly store: LocalStore,
    private readonly mode: 'approved-only' | 'any-export',
    private readonly events?: EventHub,
  ) {}

  /** Allow a file or folder the user picked. */
  approve(file: string): void {
    this.approved.add(path.resolve(file));
  }

  private async approvedReal(): Promise<string[]> {
    const out: string[] = [];
    for (const a of this.approved) out.push(await realpath(a).catch(() => a));
    return out;
  }

  /** The real files of an import, each allowed. */
  private async check(paths: readonly string[]): Promise<string[]> {
    const given: string[] = [];
    for (const p of paths) {
      if (!path.isAbsolute(p)) throw twinError('invalid-input', `The file to import must be an absolute path: ${p}`, { where: p });
      const resolved = path.resolve(p);
      const approved = this.mode === 'approved-only' ? [...this.approved].some((a) => within(resolved, a)) : true;
      if (!approved) throw twinError('forbidden', `Choose ${path.basename(resolved)} in the Import dialog first.`, { where: resolved });
      if (this.mode === 'any-export') await refuseNamed(resolved);
      const real = await realPath(resolved);
      if (this.mode === 'any-export') {
        const rule = (await stat(real)).isDirectory() ? historianFolderRefusal : historianFileRefusal;
        const target = rule(real);
        if (target) throw twinError('forbidden', `${path.basename(resolved)} is a link to ${real}: ${target}`, { where: resolved });
      }
      given.push(real);
    }
    // The web host's page takes a folder's own exports only: it may name folders, but not list a whole tree.
    const files = await expandImportPaths(given, { recursive: this.mode === 'approved-only' });
    const roots = this.mode === 'approved-only' ? await this.approvedReal() : [];
    const out: string[] = [];
    for (const f of files) {
      const real = await realPath(f);
      const refusal =
        this.mode === 'any-export' ? historianFileRefusal(real) : roots.some((r) => within(real, r)) ? null : `${real} is outside what was chosen`;
      if (refusal) throw twinError('forbidden', refusal, { where: f });
      out.push(real);
    }
    return out;
  }

  async preview(paths: readonly string[], options: ImportOptions, signal?: AbortSignal): Promise<ImportPreview> {
    return previewImports(await this.check(paths), options, signal);
  }

  async importFiles(paths: readonly string[], options: ImportOptions, run: ImportRun = {}): Promise<ImportResult> {
    const files = await this.check(paths);
    const { channel } = run;
    const onProgress = channel && this.events ? (p: ImportProgress) => this.events?.emit('importProgress', { channel, ...p }) : undefined;
    try {
      return await importFiles(this.store, files, options, onProgress, run.signal);
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw twinError('cancelled', 'The import was cancelled; nothing was imported.');
      throw e;
    }
  }
}
