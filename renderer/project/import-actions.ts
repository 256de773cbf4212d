import { getApi } from '../api/client';
import { useApp } from '../stores/app-store';
import { useNotice } from '../stores/notice-store';
import { showError } from './project-actions';

/**
 * Start an import: in Electron the native dialog picks the file first (main then allows that file alone);
 * the web host has no native dialog, so the Import dialog asks for a path.
 */
export async function startImport(): Promise<void> {
  if (!useApp.getState().info?.nativeDialogs) {
    useNotice.getState().show({ kind: 'import', path: null });
    return;
  }
  try {
    const { path } = await getApi().chooseImportPath({});
    if (path) useNotice.getState().show({ kind: 'import', path });
  } catch (e) {
    showError('Could not show the Import dialog', e);
  }
}
