import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from './csp';
import type * as FakeElectron from './testing/fake-electron';
import type { servicesLog as ServicesLog } from './testing/fake-app-services';

// electron/main.ts bundled as scripts/build-main.mjs does, but with 'electron' and the services replaced by
// recording fakes, then run under Node: the wiring of the main process, checked where Electron cannot run.
const here = __dirname;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-main-wiring-'));
const bundle = path.join(tmp, 'dist-electron', 'main.cjs');
const require = createRequire(import.meta.url);

beforeAll(async () => {
  await build({
    entryPoints: [path.join(here, '..', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'silent',
    external: ['@duckdb/node-api', '@duckdb/node-bindings', '@influxdata/influxdb-client'],
    plugins: [
      {
        name: 'fakes',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: path.join(here, 'testing', 'fake-electron.ts') }));
          b.onResolve({ filter: /services\/app-services$/ }, () => ({ path: path.join(here, 'testing', 'fake-app-services.ts') }));
        },
      },
    ],
  });
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Fakes = typeof FakeElectron;

/** Load a fresh copy of main with a command line; returns its fakes. */
function runMain(argv: string[], options: { lock?: boolean } = {}): { electron: Fakes; services: typeof ServicesLog } {
  delete require.cache[bundle];
  const g = globalThis as Record<string, unknown>;
  delete g.__twinFakeElectron;
  const saved = process.argv;
  process.argv = [process.execPath, bundle, ...argv];
  try {
    // The lock answer must be known before main runs, so it is read from the environment of this test.
    process.env.TWIN_FAKE_LOCK = options.lock === false ? '0' : '1';
    require(bundle);
  } finally {
    process.argv = saved;
  }
  return { electron: g.__twinFakeElectron as Fakes, services: g.__twinFakeServices as typeof ServicesLog };
}

const calls = (e: Fakes, what: string) => e.recorded.calls.filter((c) => c.what === what);

describe('electron/main.ts wiring (with a fake Electron)', () => {
  it('before ready: registers app:// as privileged, enables the sandbox, and puts all state in --data-dir', () => {
    const dataDir = path.join(tmp, 'data-a');
    const { electron } = runMain(['--data-dir', dataDir]);
    const schemes = calls(electron, 'protocol.registerSchemesAsPrivileged')[0]?.args[0] as Array<{ scheme: string; privileges: Record<string, boolean> }>;
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(calls(electron, 'app.enableSandbox')).toHaveLength(1);
    expect(electron.app.getPath('userData')).toBe(dataDir);
    expect(electron.app.getPath('sessionData')).toBe(path.join(dataDir, 'chromium'));
    expect(calls(electron, 'app.requestSingleInstanceLock')).toHaveLength(1);
  });

  it('defaults the data folder to "Twin Studio" in the OS app-data folder, and the demo data to a year', async () => {
    const { electron, services } = runMain([]);
    expect(electron.app.getPath('userData')).toBe(path.join('/fake/appData', 'Twin Studio'));
    await electron.fireReady();
    expect(services.options?.demoData).toEqual({ kind: 'year' });
  });

  it('shows a start-up error box naming the problem and the data folder, and exits 1', async () => {
    const dataDir = path.join(tmp, 'data-bad');
    const { electron } = runMain(['--data-dir', dataDir, '--demo-data', 'lots']);
    await electron.fireReady();
    const box = calls(electron, 'dialog.showErrorBox')[0]?.args ?? [];
    expect(box[0]).toBe('Twin Studio could not start');
    expect(String(box[1])).toMatch(/--demo-data must be auto, off or days:N/);
    expect(String(box[1])).toContain(dataDir);
    expect(calls(electron, 'app.exit')[0]?.args).toEqual([1]);
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });

  it('on ready: services, IPC for every method, menu, hardened window loading app://bundle/index.html', async () => {
    const dataDir = path.join(tmp, 'data-b');
    const project = path.join(tmp, 'plant.twin.json');
    const { electron, services } = runMain(['--data-dir', dataDir, '--project', project, '--demo-data', 'days:3']);
    await electron.fireReady();

    expect(services.options).toMatchObject({ host: 'electron', dataDir, startupProject: project, demoData: { kind: 'days', days: 3 } });
    expect(services.options?.dialogs).not.toBeNull();
    // Tenant secrets are encrypted with Electron's safeStorage in the desktop app.
    expect(services.options?.safeStorage).toBe(electron.safeStorage);
    expect(services.options?.resourcesDir).toBe(path.join(tmp, 'assets'));
    expect(services.approved).toContain(project);

    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((m) => `twin:${m}`).sort());
    expect(electron.Menu.current).not.toBeNull();
    expect(calls(electron, 'session.setPermissionRequestHandler')).toHaveLength(1);
    expect(calls(electron, 'session.setPermissionCheckHandler')).toHaveLength(1);

    const win = electron.BrowserWindow.all[0];
    expect(electron.BrowserWindow.all).toHaveLength(1);
    expect(win?.loaded).toBe('app://bundle/index.html');
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(tmp, 'dist-electron', 'preload.cjs'),
    });
    // Hardened as it was created: window.open is denied.
    expect(win?.webContents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
  });

  it('serves the bundle with the CSP through the app:// handler', async () => {
    const { electron } = runMain(['--data-dir', path.join(tmp, 'data-c')]);
    await electron.fireReady();
    const handler = electron.protocol.handlers.get('app');
    const res = await handler?.({ url: 'app://bundle/../package.json', method: 'GET' });
    expect(res?.status).toBe(404);
    expect(res?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers IPC only from the main frame of its window at app://bundle/', async () => {
    const { electron } = runMain(['--data-dir', path.join(tmp, 'data-d')]);
    await electron.fireReady();
    const win = electron.BrowserWindow.all[0];
    const handle = electron.ipcMain.handlers.get('twin:appInfo');
    const ok = (await handle?.({ senderFrame: win?.webContents.mainFrame }, {})) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const foreign = { parent: null, processId: 99, frameToken: 'main-frame-token', detached: false, isDestroyed: () => false, url: 'app://bundle/index.html' };
    const refused = (await handle?.({ senderFrame: foreign }, {})) as { ok: boolean; error?: { kind: string } };
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('forwards service events to the window and menu commands as `command` events', async () => {
    const { electron, services } = runMain(['--data-dir', path.join(tmp, 'data-e')]);
    await electron.fireReady();
    const wc = electron.BrowserWindow.all[0]?.webContents;
    for (const l of services.listeners) l('demoDataProgress', { state: 'seeding', fraction: 0.5, message: '' });
    expect(wc?.sent).toContainEqual({ channel: 'twin-event:demoDataProgress', payload: { state: 'seeding', fraction: 0.5, message: '' } });

    const template = (electron.Menu.current as { template: Array<{ submenu?: Array<{ id?: string; click?: (...a: unknown[]) => void }> }> }).template;
    const save = template.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'file.save');
    save?.click?.({}, undefined, { triggeredByAccelerator: false });
    expect(wc?.sent).toContainEqual({ channel: 'twin-event:command', payload: { command: 'file.save' } });
  });

  it('hands a project from a second launch to the open window, approved', async () => {
    const { electron, services } = runMain(['--data-dir', path.join(tmp, 'data-f')]);
    await electron.fireReady();
    electron.app.emit('second-instance', {}, ['/opt/twin-studio', 'b7.twin.json'], '/home/eng');
    expect(services.approved).toContain(path.resolve('/home/eng/b7.twin.json'));
    expect(electron.BrowserWindow.all[0]?.webContents.sent).toContainEqual({
      channel: 'twin-event:openFile',
      payload: { path: path.resolve('/home/eng/b7.twin.json') },
    });
    expect(calls(electron, 'window.focus').length).toBeGreaterThan(0);
  });

  it('asks before leaving unsaved changes, and closes the services before quitting', async () => {
    const { electron, services } = runMain(['--data-dir', path.join(tmp, 'data-g')]);
    await electron.fireReady();
    const wc = electron.BrowserWindow.all[0]?.webContents;
    const unload = { prevented: false, preventDefault: () => void (unload.prevented = true) };
    electron.dialog.messageBoxAnswer = 0;
    wc?.emit('will-prevent-unload', unload);
    expect(unload.prevented).toBe(true);
    expect(calls(electron, 'dialog.showMessageBoxSync')).toHaveLength(1);

    electron.app.quit();
    await new Promise((r) => setTimeout(r, 20));
    expect(services.closed).toBe(1);
    expect(calls(electron, 'app.quit').length).toBeGreaterThanOrEqual(2);
  });

  it('quits at once, without starting anything, when another instance holds the lock', async () => {
    const { electron, services } = runMain(['--data-dir', path.join(tmp, 'data-h')], { lock: false });
    expect(calls(electron, 'app.quit')).toHaveLength(1);
    services.options = null;
    await electron.fireReady();
    expect(electron.protocol.handlers.size).toBe(0);
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });
});
