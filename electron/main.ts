// The Electron main process: a thin relay between one window and the services. Everything that can be decided
// without Electron (security settings, menus, paths, arguments) lives in electron/shell/ and is tested there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { EventName, EventPayload } from '../shared/api/contract';
import { eventChannel } from '../shared/api/bridge';
import { registerIpcHost } from './hosts/ipc-host';
import { resourcesDir } from './services/app-paths';
import { createAppServices, type AppServices } from './services/app-services';
import { parseDemoDataMode } from './services/demo-data';
import { APP_ENTRY_URL, APP_SCHEME } from './shell/app-origin';
import { APP_SCHEME_PRIVILEGES, bundleRequestHandler } from './shell/app-protocol';
import { isEditingText } from './shell/editing-focus';
import { allowedExternalHref } from './shell/external-links';
import { createFileDialogs } from './shell/file-dialogs';
import { denyAllPermissions, frameTrust, hardenWebContents } from './shell/harden';
import { parseLaunchArgs } from './shell/launch-args';
import { buildMenuTemplate, type MenuActions } from './shell/menu';
import { orderlyQuit } from './shell/orderly-quit';
import { confirmLeaveWhenUnsaved } from './shell/unsaved-prompt';
import { windowOptions } from './shell/window-options';

const PRODUCT_NAME = 'Twin Studio';
const APP_ID = 'dev.twinstudio.app';
const DOCS_URL = 'https://docs.twinstudio.dev/';
const SERVICES_CLOSE_MS = 5_000;

// dist-electron/main.cjs sits beside dist/ (the renderer), assets/ and package.json, in the repo and in app.asar.
const bundleDir = path.resolve(__dirname, '..', 'dist');
const preloadPath = path.join(__dirname, 'preload.cjs');
const isDev = !app.isPackaged;

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') return pkg.version;
  } catch {
    // Started in an unusual layout: Electron's own idea of the version will do.
  }
  return app.getVersion();
}

const launch = parseLaunchArgs(process.argv.slice(1), process.cwd());
// Set before anything reads them: started as `electron dist-electron/main.cjs` Electron would call itself "Electron".
app.setName(PRODUCT_NAME);
const dataDir = launch.dataDir ?? path.join(app.getPath('appData'), PRODUCT_NAME);
app.setPath('userData', dataDir);
// Chromium's caches and storage go to a sub-folder, apart from projects and recovery files.
app.setPath('sessionData', path.join(dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

let win: BrowserWindow | null = null;
let services: AppServices | null = null;
/** A project the OS named before the services existed (macOS open-file arrives before ready). */
let pendingProject: string | null = launch.project;

function send<K extends EventName>(name: K, payload: EventPayload<K>): void {
  if (win && !win.isDestroyed()) win.webContents.send(eventChannel(name), payload);
}

function openExternal(url: string): Promise<void> {
  const href = allowedExternalHref(url);
  if (!href) return Promise.resolve();
  return shell.openExternal(href).catch((e: unknown) => console.error(`Could not open ${href} in the browser: ${String(e)}`));
}

function showWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** A project named by the OS or a second launch: approve it for the renderer and ask the renderer to open it. */
function openFromOutside(file: string): void {
  if (!services || !win) {
    pendingProject = file;
    return;
  }
  services.access.approve(file);
  send('openFile', { path: file });
  showWindow();
}

const menuActions: MenuActions = {
  sendCommand: (command) => send('command', { command }),
  nativeEdit: (action) => {
    if (win && !win.isDestroyed()) win.webContents[action]();
  },
  pageHasFocus: () => (win && !win.isDestroyed() ? win.webContents.isFocused() : false),
  isEditingText: () => (win && !win.isDestroyed() ? isEditingText(win.webContents) : Promise.resolve(false)),
  openHelp: () => void openExternal(DOCS_URL),
};

function createWindow(): void {
  const w = new BrowserWindow(windowOptions({ preload: preloadPath, devTools: isDev }));
  win = w;
  confirmLeaveWhenUnsaved(w.webContents, (options) => dialog.showMessageBoxSync(w, options));
  w.once('ready-to-show', () => w.show());
  w.on('closed', () => {
    if (win === w) win = null;
  });
  w.webContents.on('render-process-gone', (_event, details) =>
    console.error(`The window's renderer stopped (${details.reason}, exit code ${details.exitCode}).`),
  );
  w.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error(`Could not load ${APP_ENTRY_URL}: ${String(e)}`));
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, bundleRequestHandler(bundleDir));

  const startupProject = pendingProject;
  pendingProject = null;
  const dialogs = createFileDialogs(
    dialog,
    () => win,
    (file) => services?.access.approve(file),
    (file) => services?.approveImport(file),
  );
  const s = await createAppServices({
    dataDir,
    host: 'electron',
    version: appVersion(),
    resourcesDir: resourcesDir(__dirname),
    startupProject,
    dialogs,
    openExternal,
    // `--demo-data off` keeps end-to-end runs fast; a wrong value ends up in the start-up error box.
    demoData: parseDemoDataMode(launch.demoData ?? 'auto'),
    // Tenant secrets are encrypted with the OS keychain.
    safeStorage,
  });
  services = s;
  if (startupProject) s.access.approve(startupProject);

  registerIpcHost(
    ipcMain,
    s.handlers,
    frameTrust(() => win?.webContents.mainFrame),
  );
  s.events.subscribe((name, payload) => send(name, payload as never));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isDev }, menuActions)));
  app.on('will-quit', orderlyQuit({ close: () => s.close(), quit: () => app.quit(), timeoutMs: SERVICES_CLOSE_MS, log: (m) => console.error(m) }));
  createWindow();
}

// Registered before ready: a custom scheme's privileges cannot be changed once the app runs.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Twin Studio already runs on this data folder; it receives our arguments as 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const { project } = parseLaunchArgs(argv.slice(1), workingDirectory);
    showWindow();
    if (project) openFromOutside(project);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOutside(file);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (href) => void openExternal(href)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win && services) createWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`Twin Studio could not start: ${message}`);
      dialog.showErrorBox('Twin Studio could not start', `${message}\n\nData folder: ${dataDir}\nStart with --data-dir DIR to use another folder.`);
      app.exit(1);
    });
}
