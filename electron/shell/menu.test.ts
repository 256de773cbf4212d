import type { BaseWindow, KeyboardEvent as MenuKeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, MENU_COMMANDS, type MenuActions, type MenuCommandId, type NativeEditAction } from './menu';

interface Recorder extends MenuActions {
  sent: MenuCommandId[];
  edits: NativeEditAction[];
  help: number;
}

function recorder(state: { focused?: boolean; editing?: boolean | 'fails' } = {}): Recorder {
  const r: Recorder = {
    sent: [],
    edits: [],
    help: 0,
    sendCommand: (c) => void r.sent.push(c),
    nativeEdit: (a) => void r.edits.push(a),
    pageHasFocus: () => state.focused ?? true,
    isEditingText: () => (state.editing === 'fails' ? Promise.reject(new Error('page gone')) : Promise.resolve(state.editing ?? false)),
    openHelp: () => void r.help++,
  };
  return r;
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((i) => i.id === id);
  if (!found) throw new Error(`No menu item ${id}`);
  return found;
}

const mouse: MenuKeyboardEvent = { triggeredByAccelerator: false };
const key: MenuKeyboardEvent = { triggeredByAccelerator: true };
const click = (item: MenuItemConstructorOptions, event: MenuKeyboardEvent) => item.click?.({} as MenuItem, undefined as BaseWindow | undefined, event);
const settle = () => new Promise((r) => setTimeout(r, 0));

const platforms = ['linux', 'win32', 'darwin'] as const;

describe('buildMenuTemplate: command ids', () => {
  it.each(platforms)('on %s has every renderer command exactly once and nothing else', (platform) => {
    const ids = flatten(buildMenuTemplate({ platform, isDev: false }, recorder()))
      .map((i) => i.id)
      .filter((id): id is string => id !== undefined && id !== 'help.docs');
    expect([...ids].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('sends each command id when its item is clicked with the mouse', async () => {
    for (const command of MENU_COMMANDS) {
      const r = recorder({ editing: false });
      click(find(buildMenuTemplate({ platform: 'linux', isDev: false }, r), command), mouse);
      await settle();
      expect(r.sent).toEqual([command]);
      expect(r.edits).toEqual([]);
    }
  });
});

describe('buildMenuTemplate: accelerators', () => {
  const expected: Array<[MenuCommandId, string]> = [
    ['file.new', 'CmdOrCtrl+N'],
    ['file.open', 'CmdOrCtrl+O'],
    ['file.save', 'CmdOrCtrl+S'],
    ['file.saveAs', 'Shift+CmdOrCtrl+S'],
    ['edit.undo', 'CmdOrCtrl+Z'],
    ['edit.cut', 'CmdOrCtrl+X'],
    ['edit.copy', 'CmdOrCtrl+C'],
    ['edit.paste', 'CmdOrCtrl+V'],
    ['edit.duplicate', 'CmdOrCtrl+D'],
    ['edit.delete', 'Delete'],
    ['edit.selectAll', 'CmdOrCtrl+A'],
    ['view.find', 'CmdOrCtrl+F'],
    ['view.fit', 'Shift+1'],
    ['view.zoomIn', 'CmdOrCtrl+='],
    ['view.zoomOut', 'CmdOrCtrl+-'],
    ['arrange.rotateCw', 'R'],
    ['arrange.rotateCcw', 'Shift+R'],
    ['arrange.flip', 'Shift+H'],
    ['system.fromSelection', 'CmdOrCtrl+G'],
  ];
  it.each(expected)('%s is %s', (command, accelerator) => {
    for (const platform of platforms) expect(find(buildMenuTemplate({ platform, isDev: false }, recorder()), command).accelerator).toBe(accelerator);
  });

  it('uses each platform’s redo chord', () => {
    expect(find(buildMenuTemplate({ platform: 'win32', isDev: false }, recorder()), 'edit.redo').accelerator).toBe('Ctrl+Y');
    expect(find(buildMenuTemplate({ platform: 'linux', isDev: false }, recorder()), 'edit.redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(find(buildMenuTemplate({ platform: 'darwin', isDev: false }, recorder()), 'edit.redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it.each(platforms)('on %s uses no chord twice and only valid Electron accelerators', (platform) => {
    const accelerators = flatten(buildMenuTemplate({ platform, isDev: true }, recorder()))
      .map((i) => i.accelerator)
      .filter((a): a is string => a !== undefined);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    const modifier = '(?:CmdOrCtrl|Cmd|Ctrl|Alt|Shift)';
    const keyName = '(?:[A-Z0-9]|F\\d{1,2}|Delete|=|-|Plus)';
    for (const a of accelerators) expect(a).toMatch(new RegExp(`^(?:${modifier}\\+)*${keyName}$`));
  });

  it('keeps chords that type a character out of the OS (the page handles them; in a text field they type)', () => {
    const items = flatten(buildMenuTemplate({ platform: 'linux', isDev: false }, recorder()));
    for (const command of ['view.fit', 'arrange.rotateCw', 'arrange.rotateCcw', 'arrange.flip', 'edit.delete']) {
      expect(items.find((i) => i.id === command)?.registerAccelerator, command).toBe(false);
    }
    for (const command of ['file.save', 'edit.copy', 'edit.duplicate', 'view.zoomIn']) {
      expect(items.find((i) => i.id === command)?.registerAccelerator, command).toBeUndefined();
    }
  });
});

describe('buildMenuTemplate: who handles a key', () => {
  it('does nothing for an accelerator the focused page declined (typing in a field, a dialog open)', () => {
    const r = recorder({ focused: true });
    const menu = buildMenuTemplate({ platform: 'darwin', isDev: false }, r);
    for (const command of ['file.save', 'edit.duplicate', 'view.find', 'arrange.rotateCw'] as const) click(find(menu, command), key);
    expect(r.sent).toEqual([]);
    expect(r.edits).toEqual([]);
  });

  it('edits the text for Edit accelerators the focused page declined (Cmd+C in a field on macOS)', () => {
    const r = recorder({ focused: true });
    const menu = buildMenuTemplate({ platform: 'darwin', isDev: false }, r);
    for (const command of ['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.delete', 'edit.selectAll'] as const)
      click(find(menu, command), key);
    expect(r.edits).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(r.sent).toEqual([]);
  });

  it('sends the command for an accelerator the page never saw (it did not have focus)', () => {
    const r = recorder({ focused: false });
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false }, r);
    click(find(menu, 'file.save'), key);
    click(find(menu, 'edit.copy'), key);
    expect(r.sent).toEqual(['file.save', 'edit.copy']);
    expect(r.edits).toEqual([]);
  });

  it('edits the text when an Edit item is clicked while a field has focus', async () => {
    const r = recorder({ editing: true });
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false }, r);
    click(find(menu, 'edit.paste'), mouse);
    click(find(menu, 'edit.undo'), mouse);
    await settle();
    expect(r.edits).toEqual(['paste', 'undo']);
    expect(r.sent).toEqual([]);
  });

  it('acts on the canvas when an Edit item is clicked and no field has focus, or the page cannot say', async () => {
    const canvas = recorder({ editing: false });
    click(find(buildMenuTemplate({ platform: 'win32', isDev: false }, canvas), 'edit.copy'), mouse);
    const unknown = recorder({ editing: 'fails' });
    click(find(buildMenuTemplate({ platform: 'win32', isDev: false }, unknown), 'edit.undo'), mouse);
    await settle();
    expect(canvas.sent).toEqual(['edit.copy']);
    expect(unknown.sent).toEqual(['edit.undo']);
    expect([...canvas.edits, ...unknown.edits]).toEqual([]);
  });

  it('runs non-Edit items on a mouse click even while a field has focus', async () => {
    const r = recorder({ editing: true });
    click(find(buildMenuTemplate({ platform: 'linux', isDev: false }, r), 'edit.duplicate'), mouse);
    await settle();
    expect(r.sent).toEqual(['edit.duplicate']);
  });
});

describe('buildMenuTemplate: platform and development items', () => {
  const roles = (platform: NodeJS.Platform, isDev: boolean) => flatten(buildMenuTemplate({ platform, isDev }, recorder())).map((i) => i.role);

  it('offers DevTools and Reload only in development', () => {
    for (const platform of platforms) {
      expect(roles(platform, false)).not.toContain('toggleDevTools');
      expect(roles(platform, false)).not.toContain('reload');
      expect(roles(platform, true)).toContain('toggleDevTools');
    }
  });

  it('has Quit with the platform chord', () => {
    const quit = (platform: NodeJS.Platform) => flatten(buildMenuTemplate({ platform, isDev: false }, recorder())).find((i) => i.role === 'quit');
    expect(quit('linux')?.accelerator).toBe('Ctrl+Q');
    expect(quit('win32')?.accelerator).toBe('Ctrl+Q');
    expect(quit('darwin')?.accelerator).toBe('Cmd+Q');
  });

  it('puts the app menu first and a Window menu on macOS only', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', isDev: false }, recorder());
    expect(mac[0]?.label).toBe('Twin Studio');
    expect(mac.map((m) => m.role)).toContain('windowMenu');
    const linux = buildMenuTemplate({ platform: 'linux', isDev: false }, recorder());
    expect(linux.map((m) => m.label)).toEqual(['&File', '&Edit', '&Arrange', '&View', '&Help']);
  });

  it('opens the documentation from Help', () => {
    const r = recorder();
    click(find(buildMenuTemplate({ platform: 'linux', isDev: false }, r), 'help.docs'), mouse);
    expect(r.help).toBe(1);
    expect(r.sent).toEqual([]);
  });
});
