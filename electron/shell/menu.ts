import type { KeyboardEvent as MenuKeyboardEvent, MenuItemConstructorOptions } from 'electron';

/** The renderer's command ids the menus may send through the `command` event. */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.openDemo',
  'file.save',
  'file.saveAs',
  'file.import',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  'arrange.rotateCw',
  'arrange.rotateCcw',
  'arrange.flip',
  'system.fromSelection',
  'view.fit',
  'view.zoomIn',
  'view.zoomOut',
  'view.find',
  'tenant.push',
  'bindings.exportTable',
  'bindings.linkNearest',
  'cache.refreshRange',
  'cache.settings',
  'view.toggleMinimap',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];

/** Chromium's own editing commands, run on the focused text field (webContents.copy() and friends). */
export type NativeEditAction = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll';

/** What the menus do; main wires these to the window, tests to fakes. */
export interface MenuActions {
  sendCommand(command: MenuCommandId): void;
  nativeEdit(action: NativeEditAction): void;
  /** Whether the page has keyboard focus, i.e. saw the key before the menu did. */
  pageHasFocus(): boolean;
  /** Whether a text field in the page has focus (asked only for Edit items clicked with the mouse). */
  isEditingText(): Promise<boolean>;
  openHelp(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development adds Reload and Toggle DevTools. */
  isDev: boolean;
}

interface CommandItem {
  label: string;
  command: MenuCommandId;
  accelerator?: string;
  /** For Edit items: what to do instead when a text field has focus. */
  native?: NativeEditAction;
}

// Chords without Ctrl/Cmd/Alt are characters while typing: registered with the OS they would fire the menu
// (and swallow the character) in a text field. They are shown in the menu and left to the page's shortcuts.
const typesACharacter = (accelerator: string) => !/(^|\+)(CmdOrCtrl|CommandOrControl|Ctrl|Control|Cmd|Command|Alt|Option|AltGr|Super|Meta)\+/.test(accelerator);

/**
 * A menu item's click, under one rule: the page owns the keyboard, the menu owns the mouse.
 *
 * Keys reach the page first; its shortcut handler runs the command and prevents the default, and Electron
 * then never fires the menu accelerator. So an accelerator that does reach the menu while the page has focus
 * is one the page declined on purpose: focus is in a text field (or a dialog is open). For Edit items that
 * means "edit the text" (on macOS Cmd+C/V/Z in a field only work through the menu), for every other item
 * it means "do nothing". A mouse click always means the command, except that Edit items act on the text
 * field when one has focus (asked of the page, since main cannot see focus).
 */
function commandClick(item: CommandItem, actions: MenuActions): NonNullable<MenuItemConstructorOptions['click']> {
  return (_menuItem, _window, event: MenuKeyboardEvent | undefined) => {
    const byKey = event?.triggeredByAccelerator === true;
    if (byKey && actions.pageHasFocus()) {
      if (item.native) actions.nativeEdit(item.native);
      return;
    }
    const native = item.native;
    if (native && !byKey) {
      actions.isEditingText().then(
        (editing) => (editing ? actions.nativeEdit(native) : actions.sendCommand(item.command)),
        () => actions.sendCommand(item.command),
      );
      return;
    }
    actions.sendCommand(item.command);
  };
}

function toItem(item: CommandItem, actions: MenuActions): MenuItemConstructorOptions {
  const options: MenuItemConstructorOptions = { id: item.command, label: item.label, click: commandClick(item, actions) };
  if (item.accelerator) {
    options.accelerator = item.accelerator;
    if (typesACharacter(item.accelerator)) options.registerAccelerator = false;
  }
  return options;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The native menus: File, Edit, Arrange, View, (Window on macOS), Help, each item sending a renderer command id. */
export function buildMenuTemplate({ platform, isDev }: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (spec: CommandItem) => toItem(spec, actions);

  const file: MenuItemConstructorOptions[] = [
    item({ label: 'New Project', command: 'file.new', accelerator: 'CmdOrCtrl+N' }),
    item({ label: 'Open…', command: 'file.open', accelerator: 'CmdOrCtrl+O' }),
    item({ label: 'Open Demo Plant', command: 'file.openDemo' }),
    separator,
    item({ label: 'Save', command: 'file.save', accelerator: 'CmdOrCtrl+S' }),
    item({ label: 'Save As…', command: 'file.saveAs', accelerator: 'Shift+CmdOrCtrl+S' }),
    separator,
    item({ label: 'Import Historian Data…', command: 'file.import' }),
    item({ label: 'Push to Tenant…', command: 'tenant.push', accelerator: 'Shift+CmdOrCtrl+P' }),
    item({ label: 'Export Binding Table…', command: 'bindings.exportTable' }),
  ];
  if (!mac) file.push(separator, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' });

  const edit: MenuItemConstructorOptions[] = [
    item({ label: 'Undo', command: 'edit.undo', accelerator: 'CmdOrCtrl+Z', native: 'undo' }),
    // Redo follows each platform's habit; the page's shortcuts accept both chords everywhere.
    item({ label: 'Redo', command: 'edit.redo', accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z', native: 'redo' }),
    separator,
    item({ label: 'Cut', command: 'edit.cut', accelerator: 'CmdOrCtrl+X', native: 'cut' }),
    item({ label: 'Copy', command: 'edit.copy', accelerator: 'CmdOrCtrl+C', native: 'copy' }),
    item({ label: 'Paste', command: 'edit.paste', accelerator: 'CmdOrCtrl+V', native: 'paste' }),
    item({ label: 'Duplicate', command: 'edit.duplicate', accelerator: 'CmdOrCtrl+D' }),
    item({ label: 'Delete', command: 'edit.delete', accelerator: 'Delete', native: 'delete' }),
    separator,
    item({ label: 'Select All', command: 'edit.selectAll', accelerator: 'CmdOrCtrl+A', native: 'selectAll' }),
    separator,
    item({ label: 'Find by Tag…', command: 'view.find', accelerator: 'CmdOrCtrl+F' }),
  ];

  const arrange: MenuItemConstructorOptions[] = [
    item({ label: 'Rotate Clockwise', command: 'arrange.rotateCw', accelerator: 'R' }),
    item({ label: 'Rotate Counter-clockwise', command: 'arrange.rotateCcw', accelerator: 'Shift+R' }),
    item({ label: 'Flip Horizontally', command: 'arrange.flip', accelerator: 'Shift+H' }),
    separator,
    item({ label: 'New System from Selection', command: 'system.fromSelection', accelerator: 'CmdOrCtrl+G' }),
    item({ label: 'Link Bubble to Nearest Asset', command: 'bindings.linkNearest', accelerator: 'Shift+CmdOrCtrl+L' }),
  ];

  const view: MenuItemConstructorOptions[] = [
    item({ label: 'Fit View', command: 'view.fit', accelerator: 'Shift+1' }),
    item({ label: 'Zoom In', command: 'view.zoomIn', accelerator: 'CmdOrCtrl+=' }),
    item({ label: 'Zoom Out', command: 'view.zoomOut', accelerator: 'CmdOrCtrl+-' }),
    item({ label: 'Show or Hide Minimap', command: 'view.toggleMinimap', accelerator: 'Shift+M' }),
    separator,
    item({ label: 'Refresh Cached Data for This Range', command: 'cache.refreshRange' }),
    item({ label: 'History Cache…', command: 'cache.settings' }),
    separator,
    { role: 'togglefullscreen' },
  ];
  if (isDev) view.push(separator, { role: 'reload' }, { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' });

  const help: MenuItemConstructorOptions[] = [{ id: 'help.docs', label: 'Twin Studio Documentation', click: () => actions.openHelp() }];
  if (!mac) help.push(separator, { role: 'about', label: 'About Twin Studio' });

  const menus: MenuItemConstructorOptions[] = [
    { label: mac ? 'File' : '&File', submenu: file },
    { label: mac ? 'Edit' : '&Edit', submenu: edit },
    { label: mac ? 'Arrange' : '&Arrange', submenu: arrange },
    { label: mac ? 'View' : '&View', submenu: view },
  ];
  if (mac) {
    menus.unshift({
      label: 'Twin Studio',
      submenu: [
        { role: 'about', label: 'About Twin Studio' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit', label: 'Quit Twin Studio', accelerator: 'Cmd+Q' },
      ],
    });
    menus.push({ role: 'windowMenu' });
  }
  // On macOS the help role adds the menu search field.
  menus.push(mac ? { label: 'Help', role: 'help', submenu: help } : { label: '&Help', submenu: help });
  return menus;
}
