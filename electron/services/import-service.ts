import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ImportOptions, ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { importFile } from '../import/import-file';
import { historianFileRefusal } from '../import/historian-files';
import { previewImport } from '../import/import-preview';
import type { LocalStore } from '../sources/local/local-store';

async function realFile(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw twinError('not-found', `The file ${file} does not exist.`, { where: file });
    throw twinError('file-unreadable', `Cannot read ${file}: ${(e as Error).message}`, { where: file });
  }
}

/**
 * Historian imports into the local store (the only store the app imports into). The renderer is
 * untrusted: in Electron it may only import files the user picked in the native dialog, so a compromised
 * page cannot read arbitrary files into the store. The web host has no native dialog: its page may name
 * a file, but only a historian export (by extension) outside hidden folders.
 */
export class ImportService {
  private readonly approved = new Set<string>();

  constructor(
    private readonly store: LocalStore,
    private readonly mode: 'approved-only' | 'any-export',
  ) {}

  /** Allow a file the user picked. */
  approve(file: string): void {
    this.approved.add(path.resolve(file));
  }

  /** The real path to read: the rule holds for the path as named and for where its links lead, which is what is read. */
  private async check(file: string): Promise<string> {
    if (!path.isAbsolute(file)) throw twinError('invalid-input', `The file to import must be an absolute path: ${file}`, { where: file });
    const resolved = path.resolve(file);
    if (this.mode === 'approved-only' && !this.approved.has(resolved)) {
      throw twinError('forbidden', `Choose ${path.basename(resolved)} in the Import dialog first.`, { where: resolved });
    }
    const named = this.mode === 'any-export' ? historianFileRefusal(resolved) : null;
    if (named) throw twinError('forbidden', named, { where: resolved });
    const real = await realFile(resolved);
    const target = this.mode === 'any-export' ? historianFileRefusal(real) : null;
    if (target) throw twinError('forbidden', `${path.basename(resolved)} is a link to ${real}: ${target}`, { where: resolved });
    return real;
  }

  async preview(file: string, options: ImportOptions): Promise<ImportPreview> {
    return previewImport(await this.check(file), options);
  }

  async importFile(file: string, options: ImportOptions): Promise<ImportResult> {
    return importFile(this.store, await this.check(file), options);
  }
}
