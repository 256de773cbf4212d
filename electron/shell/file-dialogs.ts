import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { NativeDialogs } from '../services/native-dialogs';
import { HISTORIAN_EXTENSIONS } from '../import/historian-files';

/** Projects first; "All files" because some platforms' dialogs match only the last part of `.twin.json`. */
export const PROJECT_FILTERS: FileFilter[] = [
  { name: 'Twin Studio project', extensions: ['twin.json'] },
  { name: 'All files', extensions: ['*'] },
];

const SUFFIX = '.twin.json';

/** The path with the project suffix: `plant` and `plant.json` become `plant.twin.json`. */
export function withProjectExtension(file: string): string {
  const lower = file.toLowerCase();
  if (lower.endsWith(SUFFIX)) return file;
  if (lower.endsWith('.twin')) return `${file}.json`;
  if (lower.endsWith('.json')) return `${file.slice(0, -'.json'.length)}${SUFFIX}`;
  return `${file}${SUFFIX}`;
}

/** A file name the renderer suggests, made safe to be a name (it comes from an untrusted page). */
export function safeFileName(suggested: string): string {
  const cleaned = suggested
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return cleaned || 'Untitled';
}

/** Historian exports the local store imports. */
export const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Historian export (CSV, line protocol)', extensions: [...HISTORIAN_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/**
 * The native Open and Save As dialogs. Every path the user picks is approved for the renderer (it may only
 * touch files the user chose), and a saved path always ends in `.twin.json`.
 */
export function createFileDialogs(
  dialog: DialogApi,
  parent: () => BrowserWindow | null,
  approve: (file: string) => void,
  approveImport: (file: string) => void = () => undefined,
): NativeDialogs {
  return {
    async chooseOpen() {
      const options = { title: 'Open project', properties: ['openFile'] as Array<'openFile'>, filters: PROJECT_FILTERS };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const picked = result.canceled ? undefined : result.filePaths[0];
      if (!picked) return null;
      approve(picked);
      return picked;
    },
    async chooseImport(folder = false) {
      // Files and folders need separate dialogs: only macOS's picks both at once.
      const options = folder
        ? { title: 'Import a folder of historian exports', properties: ['openDirectory'] as Array<'openDirectory'> }
        : { title: 'Import historian data', properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>, filters: IMPORT_FILTERS };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const picked = result.canceled ? [] : result.filePaths;
      for (const p of picked) approveImport(p);
      return picked;
    },
    async chooseSave(suggestedName, defaultFolder) {
      const options = {
        title: 'Save project',
        defaultPath: path.join(defaultFolder, withProjectExtension(safeFileName(suggestedName))),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // A suffix added here skips the dialog's overwrite question; the save itself still refuses to replace
      // a file it has not seen (a "conflict" the user must confirm).
      const file = withProjectExtension(result.filePath);
      approve(file);
      return file;
    },
  };
}
