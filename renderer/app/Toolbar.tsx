import { displayKeys, getCommand, runCommand } from '../commands/registry';
import { useDocument } from '../stores/document-store';
import { usePreferences } from '../stores/preferences-store';

function CommandButton({ id, label, disabled }: { id: string; label?: string; disabled?: boolean }) {
  const c = getCommand(id);
  if (!c) return null;
  const keys = displayKeys(c.keys);
  return (
    <button type="button" onClick={() => runCommand(id)} disabled={disabled} title={keys ? `${c.label} (${keys})` : c.label} data-command={id}>
      {label ?? c.label}
    </button>
  );
}

/** A command that turns something on or off, showing which it is (`aria-pressed`). */
function ToggleButton({ id, label, pressed }: { id: string; label: string; pressed: boolean }) {
  const c = getCommand(id);
  if (!c) return null;
  const keys = displayKeys(c.keys);
  return (
    <button type="button" onClick={() => runCommand(id)} aria-pressed={pressed} title={keys ? `${c.label} (${keys})` : c.label} data-command={id}>
      {label}
    </button>
  );
}

/** The toolbar runs the same commands as the menus and shortcuts. */
export function Toolbar() {
  const canUndo = useDocument((s) => s.canUndo);
  const canRedo = useDocument((s) => s.canRedo);
  const showMinimap = usePreferences((s) => s.ui.showMinimap);
  return (
    <div className="toolbar" role="toolbar" aria-label="Main toolbar">
      <CommandButton id="file.new" label="New" />
      <CommandButton id="file.open" label="Open…" />
      <CommandButton id="file.save" label="Save" />
      <CommandButton id="file.saveAs" label="Save as…" />
      <span className="toolbar__sep" />
      <CommandButton id="edit.undo" label="Undo" disabled={!canUndo} />
      <CommandButton id="edit.redo" label="Redo" disabled={!canRedo} />
      <span className="toolbar__sep" />
      <CommandButton id="arrange.rotateCw" label="Rotate" />
      <CommandButton id="arrange.flip" label="Flip" />
      <CommandButton id="edit.duplicate" label="Duplicate" />
      <CommandButton id="edit.delete" label="Delete" />
      <span className="toolbar__sep" />
      <CommandButton id="view.fit" label="Fit" />
      <CommandButton id="view.find" label="Find…" />
      <ToggleButton id="view.toggleMinimap" label="Minimap" pressed={showMinimap} />
      <span className="toolbar__sep" />
      <CommandButton id="file.openDemo" label="Demo plant" />
    </div>
  );
}
