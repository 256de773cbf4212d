import type { ImportOptions, ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { importFile } from '../import/import-file';
import { previewImport } from '../import/import-preview';
import type { LocalStore } from '../sources/local/local-store';

/** Historian imports into the local store (the only store the app writes imports to). */
export class ImportService {
  constructor(private readonly store: LocalStore) {}

  preview(file: string, options: ImportOptions): Promise<ImportPreview> {
    return previewImport(file, options);
  }

  importFile(file: string, options: ImportOptions): Promise<ImportResult> {
    return importFile(this.store, file, options);
  }
}
