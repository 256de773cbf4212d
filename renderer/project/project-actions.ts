import { isTwinError } from '../../shared/api/errors';
import type { OpenedProject } from '../../shared/api/contract';
import { emptyDocument } from '../../shared/twin/empty-document';
import { getApi } from '../api/client';
import { documentStore, selectDirty } from '../stores/document-store';
import { useApp } from '../stores/app-store';
import { useNotice } from '../stores/notice-store';
import { useView } from '../stores/view-store';
import { fileName } from './file-name';

/** Show a failure as one clear dialog: what failed, where, and each problem with its JSON path. */
export function showError(title: string, e: unknown): void {
  if (isTwinError(e)) {
    useNotice.getState().show({
      kind: 'error',
      title,
      message: e.message,
      ...(e.where ? { where: e.where } : {}),
      ...(e.problems?.length ? { problems: e.problems } : {}),
    });
  } else {
    useNotice.getState().show({ kind: 'error', title, message: e instanceof Error ? e.message : String(e) });
  }
  useNotice.getState().say(title, 'error');
}

function loadOpened(opened: OpenedProject, options: { unsaved?: boolean } = {}): void {
  documentStore.getState().load(opened.document, opened.path, opened.fingerprint, {
    unsaved: options.unsaved || opened.migratedFrom !== undefined,
  });
  useView.getState().clearSelection();
  const name = opened.path ? fileName(opened.path) : opened.document.name;
  const migrated = opened.migratedFrom !== undefined ? ` (upgraded from format ${opened.migratedFrom}; save to keep the new format)` : '';
  const warnings = opened.problems.length ? `, ${opened.problems.length} warning${opened.problems.length > 1 ? 's' : ''}` : '';
  useNotice.getState().say(`Opened ${name}${migrated}${warnings}.`);
}

/** Open a project file; on failure the open project stays as it was. */
export async function openPath(path: string): Promise<boolean> {
  try {
    loadOpened(await getApi().openProject({ path }));
    return true;
  } catch (e) {
    showError(`Could not open ${fileName(path)}`, e);
    return false;
  }
}

export async function openDemo(): Promise<void> {
  try {
    loadOpened(await getApi().openDemoProject({}));
  } catch (e) {
    showError('Could not open the demo plant', e);
  }
}

export function newProject(): void {
  const id = `twin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  documentStore.getState().load(emptyDocument(id, 'Untitled plant', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'), null, null);
  useView.getState().clearSelection();
  useNotice.getState().say('New project.');
}

/** Run an action that replaces the project, asking first when there are unsaved changes. */
export function guardUnsaved(action: 'new' | 'open' | 'open-demo' | 'open-path', path?: string): void {
  if (selectDirty(documentStore.getState())) {
    useNotice.getState().show({ kind: 'confirm-discard', action, ...(path ? { path } : {}) });
    return;
  }
  void runReplacing(action, path);
}

/** The replacing action itself, once unsaved work is saved or given up. */
export async function runReplacing(action: 'new' | 'open' | 'open-demo' | 'open-path', path?: string): Promise<void> {
  if (action === 'new') newProject();
  else if (action === 'open-demo') await openDemo();
  else if (action === 'open-path' && path) await openPath(path);
  else if (action === 'open') await chooseAndOpen();
}

async function chooseAndOpen(): Promise<void> {
  if (useApp.getState().info?.nativeDialogs) {
    try {
      const { path } = await getApi().chooseOpenPath({});
      if (path) await openPath(path);
    } catch (e) {
      showError('Could not show the Open dialog', e);
    }
  } else useNotice.getState().show({ kind: 'open' });
}

/** Save to a path. `expected` is the fingerprint we last saw there (null: we never read it). */
export async function saveTo(path: string, overwrite = false): Promise<boolean> {
  const s = documentStore.getState();
  const expected = s.path === path ? s.fingerprint : null;
  try {
    const saved = await getApi().saveProject({ path, document: s.document(), expected, overwrite });
    documentStore.getState().markSaved(saved.path, saved.fingerprint);
    void getApi()
      .discardRecovery({ id: useApp.getState().session })
      .catch(() => undefined);
    useNotice.getState().say(`Saved ${fileName(saved.path)}.`);
    return true;
  } catch (e) {
    if (isTwinError(e) && e.kind === 'conflict') {
      useNotice.getState().show({ kind: 'conflict', path, message: e.message });
      return false;
    }
    showError(`Could not save ${fileName(path)}`, e);
    return false;
  }
}

/** Save: to the project's file, or ask where when it has none. */
export async function save(): Promise<boolean> {
  const { path } = documentStore.getState();
  if (!path) return saveAs();
  return saveTo(path);
}

export async function saveAs(): Promise<boolean> {
  if (useApp.getState().info?.nativeDialogs) {
    try {
      const { path } = await getApi().chooseSavePath({ suggestedName: documentStore.getState().twin.meta.name });
      if (!path) return false;
      // The native dialog already asked before replacing an existing file.
      return saveTo(path, true);
    } catch (e) {
      showError('Could not show the Save dialog', e);
      return false;
    }
  }
  useNotice.getState().show({ kind: 'save-as' });
  return false;
}
