/** A command: the one thing menus, shortcuts, toolbar buttons and tests run (by id). */
export interface Command {
  id: string;
  label: string;
  /** Shortcuts like `Mod+Z`, `Shift+R`, `Delete`; Mod is Cmd on macOS and Ctrl elsewhere. */
  keys?: readonly string[];
  /** Whether the shortcut also fires while typing in a text field. */
  inInputs?: boolean;
  run(): void | Promise<void>;
  enabled?(): boolean;
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

/** Run a command by id; false when unknown or disabled. */
export function runCommand(id: string): boolean {
  const c = commands.get(id);
  if (!c || (c.enabled && !c.enabled())) return false;
  void c.run();
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
