// A stand-in for the `electron` module, just wide enough for electron/main.ts, so the main process's wiring
// can be run under plain Node where no Electron binary exists. It records what main asks of Electron and
// lets a test fire Electron's events. Bundled in place of 'electron' by main-wiring.test.ts.
import { EventEmitter } from 'node:events';

export interface Recorded {
  calls: Array<{ what: string; args: unknown[] }>;
  ready: boolean;
}

export const recorded: Recorded = { calls: [], ready: false };
const record = (what: string, ...args: unknown[]) => void recorded.calls.push({ what, args });

class FakeFrame {
  parent = null;
  processId = 7;
  frameToken = 'main-frame-token';
  detached = false;
  constructor(public url: string) {}
  isDestroyed() {
    return false;
  }
}

class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((d: { url: string }) => unknown) | null = null;
  mainFrame = new FakeFrame('');
  focused = true;
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(h: (d: { url: string }) => unknown) {
    this.windowOpenHandler = h;
  }
  isFocused() {
    return this.focused;
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.mainFrame.url;
  }
  executeJavaScriptInIsolatedWorld() {
    return Promise.resolve(false);
  }
}
for (const action of ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const) {
  (FakeWebContents.prototype as unknown as Record<string, () => void>)[action] = function () {
    record(`webContents.${action}`);
  };
}

let readyResolve: () => void = () => undefined;
const readyPromise = new Promise<void>((r) => (readyResolve = r));

class FakeApp extends EventEmitter {
  isPackaged = false;
  lock = process.env.TWIN_FAKE_LOCK !== '0';
  paths: Record<string, string> = { appData: '/fake/appData' };
  setName(n: string) {
    record('app.setName', n);
  }
  getPath(n: string) {
    return this.paths[n] ?? `/fake/${n}`;
  }
  setPath(n: string, v: string) {
    if (recorded.ready && n !== 'userData') throw new Error(`setPath(${n}) after ready`);
    this.paths[n] = v;
    record('app.setPath', n, v);
  }
  setAppUserModelId(id: string) {
    record('app.setAppUserModelId', id);
  }
  getVersion() {
    return '40.0.0';
  }
  enableSandbox() {
    if (recorded.ready) throw new Error('enableSandbox after ready');
    record('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return this.lock;
  }
  whenReady() {
    return readyPromise;
  }
  quit() {
    record('app.quit');
    const e = { defaultPrevented: false, preventDefault: () => void (e.defaultPrevented = true) };
    this.emit('will-quit', e);
  }
  exit(code: number) {
    record('app.exit', code);
  }
}

export const app = new FakeApp();

/** Fire `ready` as Electron would; resolves once main's start() has had time to run. */
export async function fireReady(): Promise<void> {
  recorded.ready = true;
  readyResolve();
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
}

export const protocol = {
  handlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown) {
    if (recorded.ready) throw new Error('registerSchemesAsPrivileged after ready');
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme: string, handler: (req: { url: string; method: string }) => Promise<Response>) {
    if (!recorded.ready) throw new Error('protocol.handle before ready');
    protocol.handlers.set(scheme, handler);
  },
};

function fakeSession() {
  return {
    setPermissionRequestHandler: (h: unknown) => record('session.setPermissionRequestHandler', h),
    setPermissionCheckHandler: (h: unknown) => record('session.setPermissionCheckHandler', h),
    setDevicePermissionHandler: (h: unknown) => record('session.setDevicePermissionHandler', h),
  };
}
export const session = { defaultSession: fakeSession() };

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    record('window.show');
  }
  focus() {
    record('window.focus');
  }
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  handle(channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) {
    ipcMain.handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    ipcMain.handlers.delete(channel);
  },
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => void (Menu.current = menu),
};

export const dialog = {
  messageBoxAnswer: 1,
  showMessageBoxSync: (...args: unknown[]) => (record('dialog.showMessageBoxSync', ...args), dialog.messageBoxAnswer),
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
  showErrorBox: (...args: unknown[]) => record('dialog.showErrorBox', ...args),
};

export const shell = {
  openExternal: (url: string) => (record('shell.openExternal', url), Promise.resolve()),
};

/** Electron's safeStorage: a reversible stand-in (not encryption), with the keyring it claims to use. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from(`fake-keychain:${Buffer.from(plain).toString('base64')}`),
  decryptString: (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('fake-keychain:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('fake-keychain:'.length), 'base64').toString();
  },
};

// The test reaches the fakes of the bundled copy through here.
(globalThis as Record<string, unknown>).__twinFakeElectron = {
  recorded,
  app,
  protocol,
  session,
  BrowserWindow,
  ipcMain,
  Menu,
  dialog,
  shell,
  safeStorage,
  fireReady,
};
