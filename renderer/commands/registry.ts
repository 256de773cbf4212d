import type { Editor } from './editor';

/** A command: the one thing menus, shortcuts, toolbar buttons and tests run (by id). */
export interface Command {
  id: string;
  label: string;
  /** Shortcuts like `Mod+Z`, `Shift+R`, `Delete`; Mod is Cmd on macOS and Ctrl elsewhere. */
  keys?: readonly string[];
  /** Whether the shortcut also fires while typing in a text field. */
  inInputs?: boolean;
  /** `args` is what the caller says it is about (a sensor, an asset); menus and shortcuts give none. */
  run(args?: unknown): void | Promise<void>;
  enabled?(args?: unknown): boolean;
}

/**
 * A command that acts on an editor object (document store, view store, API) passed to it, rather than on
 * the app's singletons, so a test runs it on an editor of its own (after Excalidraw's `perform`).
 */
export interface EditorCommand<A = unknown> {
  id: string;
  label: string;
  keys?: readonly string[];
  inInputs?: boolean;
  perform(editor: Editor, args: A): void | Promise<void>;
  enabled?(editor: Editor, args: A): boolean;
}

/** Register editor commands bound to an editor (the app's own, at start). */
export function registerEditorCommands(editor: Editor, list: readonly EditorCommand[]): void {
  registerCommands(
    list.map((c) => {
      const cmd: Command = { id: c.id, label: c.label, run: (args) => c.perform(editor, args) };
      if (c.keys) cmd.keys = c.keys;
      if (c.inInputs) cmd.inInputs = c.inInputs;
      if (c.enabled) cmd.enabled = (args) => (c.enabled as NonNullable<typeof c.enabled>)(editor, args);
      return cmd;
    }),
  );
}

const commands = new Map<string, Command>();

/** Register commands (later registrations replace earlier ones with the same id). */
export function registerCommands(list: readonly Command[]): void {
  for (const c of list) commands.set(c.id, c);
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

export function allCommands(): Command[] {
  return [...commands.values()];
}

/** Run a command by id, with what it is about; false when unknown or disabled. */
export function runCommand(id: string, args?: unknown): boolean {
  const c = commands.get(id);
  if (!c || (c.enabled && !c.enabled(args))) return false;
  void c.run(args);
  return true;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The canonical chord of a key event, e.g. `Mod+Shift+Z`. */
export function chordOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  const parts: string[] = [];
  if (isMac ? e.metaKey : e.ctrlKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  let key = e.key;
  if (key === ' ') key = 'Space';
  else if (key.length === 1) key = key.toUpperCase();
  if (key === '!' && e.shiftKey) key = '1';
  parts.push(key);
  return parts.join('+');
}

/** The command bound to a key event, if any. */
export function commandForKey(e: KeyboardEvent, inInput: boolean): Command | undefined {
  const chord = chordOf(e);
  for (const c of commands.values()) {
    if (!c.keys?.includes(chord)) continue;
    if (inInput && !c.inInputs) continue;
    return c;
  }
  return undefined;
}

/** How a shortcut is shown on this platform (`Ctrl+Z`, `⌘Z`). */
export function displayKeys(keys: readonly string[] | undefined): string {
  const k = keys?.[0];
  if (!k) return '';
  return isMac ? k.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥') : k.replace('Mod+', 'Ctrl+');
}
