import { getApi } from '../api/client';
import { useApp } from '../stores/app-store';
import { useNotice } from '../stores/notice-store';
import { showError } from './project-actions';

/**
 * Start an import: in Electron the native dialog picks the files first (main then allows those alone);
 * the web host has no native dialog, so the Import dialog asks for paths.
 */
export async function startImport(): Promise<void> {
  if (!useApp.getState().info?.nativeDialogs) {
    useNotice.getState().show({ kind: 'import', paths: [] });
    return;
  }
  try {
    const { paths } = await getApi().chooseImportPath({ folder: false });
    if (paths.length > 0) useNotice.getState().show({ kind: 'import', paths });
  } catch (e) {
    showError('Could not show the Import dialog', e);
  }
}
