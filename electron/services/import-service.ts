import path from 'node:path';
import type { ImportOptions, ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { importFile } from '../import/import-file';
import { historianFileRefusal } from '../import/historian-files';
import { previewImport } from '../import/import-preview';
import type { LocalStore } from '../sources/local/local-store';

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

  private check(file: string): string {
    if (!path.isAbsolute(file)) throw twinError('invalid-input', `The file to import must be an absolute path: ${file}`, { where: file });
    const resolved = path.resolve(file);
    if (this.mode === 'approved-only' && !this.approved.has(resolved)) {
      throw twinError('forbidden', `Choose ${path.basename(resolved)} in the Import dialog first.`, { where: resolved });
    }
    const refusal = this.mode === 'any-export' ? historianFileRefusal(resolved) : null;
    if (refusal) throw twinError('forbidden', refusal, { where: resolved });
    return resolved;
  }

  async preview(file: string, options: ImportOptions): Promise<ImportPreview> {
    return previewImport(this.check(file), options);
  }

  async importFile(file: string, options: ImportOptions): Promise<ImportResult> {
    return importFile(this.store, this.check(file), options);
  }
}
