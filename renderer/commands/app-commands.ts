import { copyAssets, pasteAssets, type ClipboardPayload } from '../../shared/twin/edits/clipboard';
import { deleteItems, flipAssets, moveAssets, rotateAssets } from '../../shared/twin/edits/asset-edits';
import { createSystem } from '../../shared/twin/edits/system-edits';
import { assetBox, freeOffset } from '../../shared/twin/edits/placement';
import { boundsOf } from '../../shared/geometry/box';
import { documentStore } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { useNotice } from '../stores/notice-store';
import { canvasHandle } from '../editor/canvas-handle';
import { newId } from '../editor/id';
import { guardUnsaved, save, saveAs } from '../project/project-actions';
import { startImport } from '../project/import-actions';
import { tenantCommands } from '../features/tenant/tenant-commands';
import { registerCommands, registerEditorCommands, type Command } from './registry';
import { appEditor } from './app-editor';
import { editorCommands } from './editor-command-list';
import { cancelDrag } from '../editor/drag-bail';
import { useCache } from '../features/cache/cache-store';
import { setUiPreferences, usePreferences } from '../stores/preferences-store';

let clipboard: ClipboardPayload | null = null;
let pasteCount = 0;

const selectedIds = () => [...useView.getState().selectedAssets];
const hasSelection = () => useView.getState().selectedAssets.size > 0 || useView.getState().selectedConnections.size > 0;

function copy(): void {
  const ids = selectedIds();
  if (!ids.length) return;
  clipboard = copyAssets(documentStore.getState().twin, ids);
  pasteCount = 0;
  // Also offer it to other windows through the system clipboard; failure (no permission) is harmless.
  void navigator.clipboard?.writeText(JSON.stringify(clipboard)).catch(() => undefined);
  useNotice.getState().say(`Copied ${ids.length} asset${ids.length > 1 ? 's' : ''}.`);
}

function paste(payload: ClipboardPayload | null = clipboard): void {
  if (!payload || !payload.assets.length) return;
  pasteCount++;
  // Beside the copied assets, moved on into free space: a paste never lands on top of what is there.
  const twin = documentStore.getState().twin;
  const offset = freeOffset(twin, payload.assets, { x: 40 * pasteCount, y: 40 * pasteCount });
  const { diff, assetIds } = pasteAssets(twin, payload, offset, newId);
  documentStore.getState().apply(diff, { kind: 'record' });
  useView.getState().select(assetIds);
  // The free spot may lie outside the view: bring what was pasted into sight, as the user expects.
  const placed = documentStore.getState().twin.assets;
  const bounds = boundsOf(assetIds.flatMap((id) => (placed[id] ? [assetBox(placed[id])] : [])));
  if (bounds) canvasHandle()?.reveal(bounds);
  useNotice.getState().say(`Pasted ${assetIds.length} asset${assetIds.length > 1 ? 's' : ''} with new tags.`);
}

async function pasteFromSystem(): Promise<void> {
  if (clipboard) return paste();
  let text: string;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    useNotice.getState().say('Nothing to paste: the system clipboard could not be read.');
    return;
  }
  // The schemas load on first use: the system clipboard is untrusted input, parsed like a file.
  const { ClipboardSchema } = await import('../../shared/twin/edits/clipboard-schema');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: not ours.
  }
  const parsed = ClipboardSchema.safeParse(json);
  if (parsed.success) paste(parsed.data);
  else useNotice.getState().say('Nothing to paste: the clipboard holds no Twin Studio assets.');
}

function remove(): void {
  const { selectedAssets, selectedConnections } = useView.getState();
  if (!selectedAssets.size && !selectedConnections.size) return;
  documentStore.getState().apply(deleteItems(documentStore.getState().twin, [...selectedAssets], [...selectedConnections]), { kind: 'record' });
  useView.getState().clearSelection();
}

function nudge(dx: number, dy: number): void {
  const twin = documentStore.getState().twin;
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of selectedIds()) {
    const a = twin.assets[id];
    if (a) positions[id] = { x: a.position.x + dx, y: a.position.y + dy };
  }
  // Repeated arrow presses squash into one step until something else happens.
  documentStore.getState().apply(moveAssets(twin, positions), { kind: 'squash', key: 'nudge' });
}

const commands: Command[] = [
  { id: 'file.new', label: 'New project', keys: ['Mod+N'], inInputs: true, run: () => guardUnsaved('new') },
  { id: 'file.open', label: 'Open…', keys: ['Mod+O'], inInputs: true, run: () => guardUnsaved('open') },
  { id: 'file.openDemo', label: 'Open demo plant', run: () => guardUnsaved('open-demo') },
  { id: 'file.save', label: 'Save', keys: ['Mod+S'], inInputs: true, run: () => void save() },
  { id: 'file.saveAs', label: 'Save as…', keys: ['Mod+Shift+S'], inInputs: true, run: () => void saveAs() },
  { id: 'file.import', label: 'Import historian data…', run: startImport },
  { id: 'edit.undo', label: 'Undo', keys: ['Mod+Z'], run: () => documentStore.getState().undo(), enabled: () => documentStore.getState().canUndo },
  {
    id: 'edit.redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    run: () => documentStore.getState().redo(),
    enabled: () => documentStore.getState().canRedo,
  },
  { id: 'edit.cut', label: 'Cut', keys: ['Mod+X'], run: () => (copy(), remove()), enabled: () => useView.getState().selectedAssets.size > 0 },
  { id: 'edit.copy', label: 'Copy', keys: ['Mod+C'], run: copy, enabled: () => useView.getState().selectedAssets.size > 0 },
  { id: 'edit.paste', label: 'Paste', keys: ['Mod+V'], run: pasteFromSystem },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    keys: ['Mod+D'],
    run: () => {
      const ids = selectedIds();
      if (!ids.length) return;
      pasteCount = 0;
      paste(copyAssets(documentStore.getState().twin, ids));
    },
    enabled: () => useView.getState().selectedAssets.size > 0,
  },
  { id: 'edit.delete', label: 'Delete', keys: ['Delete', 'Backspace'], run: remove, enabled: hasSelection },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    keys: ['Mod+A'],
    run: () => useView.getState().select(Object.keys(documentStore.getState().twin.assets), Object.keys(documentStore.getState().twin.connections)),
  },
  {
    id: 'edit.escape',
    label: 'Cancel or clear selection',
    keys: ['Escape'],
    // Escape during a drag puts the assets back where the drag began, leaving no undo step.
    run: () => (cancelDrag(documentStore) ? useNotice.getState().say('Move cancelled.') : useView.getState().clearSelection()),
  },
  {
    id: 'arrange.rotateCw',
    label: 'Rotate clockwise',
    keys: ['R'],
    run: () => documentStore.getState().apply(rotateAssets(documentStore.getState().twin, selectedIds(), 'cw'), { kind: 'record' }),
    enabled: () => useView.getState().selectedAssets.size > 0,
  },
  {
    id: 'arrange.rotateCcw',
    label: 'Rotate counter-clockwise',
    keys: ['Shift+R'],
    run: () => documentStore.getState().apply(rotateAssets(documentStore.getState().twin, selectedIds(), 'ccw'), { kind: 'record' }),
    enabled: () => useView.getState().selectedAssets.size > 0,
  },
  {
    id: 'arrange.flip',
    label: 'Flip horizontally',
    keys: ['Shift+H'],
    run: () => documentStore.getState().apply(flipAssets(documentStore.getState().twin, selectedIds()), { kind: 'record' }),
    enabled: () => useView.getState().selectedAssets.size > 0,
  },
  { id: 'arrange.nudgeLeft', label: 'Move left', keys: ['ArrowLeft'], run: () => nudge(-10, 0) },
  { id: 'arrange.nudgeRight', label: 'Move right', keys: ['ArrowRight'], run: () => nudge(10, 0) },
  { id: 'arrange.nudgeUp', label: 'Move up', keys: ['ArrowUp'], run: () => nudge(0, -10) },
  { id: 'arrange.nudgeDown', label: 'Move down', keys: ['ArrowDown'], run: () => nudge(0, 10) },
  { id: 'arrange.nudgeLeftFar', label: 'Move left far', keys: ['Shift+ArrowLeft'], run: () => nudge(-100, 0) },
  { id: 'arrange.nudgeRightFar', label: 'Move right far', keys: ['Shift+ArrowRight'], run: () => nudge(100, 0) },
  { id: 'arrange.nudgeUpFar', label: 'Move up far', keys: ['Shift+ArrowUp'], run: () => nudge(0, -100) },
  { id: 'arrange.nudgeDownFar', label: 'Move down far', keys: ['Shift+ArrowDown'], run: () => nudge(0, 100) },
  {
    id: 'system.fromSelection',
    label: 'New system from selection',
    keys: ['Mod+G'],
    run: () => {
      const { diff } = createSystem(
        documentStore.getState().twin,
        `System ${Object.keys(documentStore.getState().twin.systems).length + 1}`,
        selectedIds(),
        () => newId('s'),
      );
      documentStore.getState().apply(diff, { kind: 'record' });
    },
    enabled: () => useView.getState().selectedAssets.size > 0,
  },
  { id: 'view.fit', label: 'Fit view', keys: ['Shift+1'], run: () => canvasHandle()?.fitView() },
  { id: 'view.zoomIn', label: 'Zoom in', keys: ['Mod+=', 'Mod++'], inInputs: true, run: () => canvasHandle()?.zoomIn() },
  { id: 'view.zoomOut', label: 'Zoom out', keys: ['Mod+-'], inInputs: true, run: () => canvasHandle()?.zoomOut() },
  { id: 'view.find', label: 'Find by tag…', keys: ['Mod+F'], inInputs: true, run: () => useView.getState().setFindOpen(true) },
  { id: 'cache.settings', label: 'History cache…', run: () => useNotice.getState().show({ kind: 'cache-settings' }) },
  {
    id: 'cache.refreshRange',
    label: 'Refresh cached data for this range',
    run: () =>
      void useCache
        .getState()
        .refreshRange()
        .then(() => useNotice.getState().say(useCache.getState().notice ?? 'Refreshing the range shown.')),
  },
  {
    id: 'view.toggleMinimap',
    label: 'Show minimap',
    keys: ['Shift+M'],
    run: () => setUiPreferences({ showMinimap: !usePreferences.getState().ui.showMinimap }),
  },
];

/** Register the app's commands once at start. */
export function registerAppCommands(): void {
  registerCommands(commands);
  registerCommands(tenantCommands);
  registerEditorCommands(appEditor, editorCommands);
}
