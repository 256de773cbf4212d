/** Importing one historian export into the local store, all or nothing (see import-files.ts). */
import type { ImportResult } from '../../shared/api/source-schemas';
import type { LocalStore } from '../sources/local/local-store';
import { importFiles, type ImportProgress } from './import-files';
import type { ImportOptionsInput } from './plan-file';

export type { ImportProgress } from './import-files';
export { fileSize, planParser, resolveOptions, type ImportOptionsInput } from './plan-file';

/** Import one file into the store, all or nothing. */
export async function importFile(
  store: Pick<LocalStore, 'beginWrite'>,
  file: string,
  options: ImportOptionsInput,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return importFiles(store, [file], options, onProgress, signal);
}
