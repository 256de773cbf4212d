// Smoke test of the real Electron shell: the sandboxed window, the bridge, the CSP served by app://, a
// refused window.open, and a quit within a time limit. Runs only where an Electron binary exists (set
// ELECTRON_OVERRIDE_DIST_PATH, or let the electron package install one); elsewhere it skips and says why.
import { _electron as electron, expect, test } from '@playwright/test';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { methodNames } from '../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../electron/shell/csp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainBundle = path.join(root, 'dist-electron', 'main.cjs');
const QUIT_LIMIT_MS = 10_000;

/** The Electron executable, found as the electron package finds it; null when there is none. */
function electronBinary(): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const fallback = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const candidate = override ? path.join(override, relative || fallback) : relative ? path.join(pkg, 'dist', relative) : null;
  if (!candidate) return null;
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const skipReason = !binary
  ? 'no Electron binary here (node_modules/electron has none and ELECTRON_OVERRIDE_DIST_PATH is unset); the same renderer is tested through the web host'
  : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
    ? 'Electron needs a display on Linux and $DISPLAY/$WAYLAND_DISPLAY are unset (run under xvfb-run)'
    : null;
if (skipReason) console.log(`Skipping the Electron smoke test: ${skipReason}.`);

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens a sandboxed window on app://bundle/ with the bridge, the CSP and the palette, and quits in time', async () => {
    test.setTimeout(120_000);
    if (!existsSync(mainBundle)) throw new Error(`${path.relative(root, mainBundle)} is missing: run npm run build before the end-to-end tests.`);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-electron-e2e-'));
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [mainBundle, '--data-dir', dataDir, '--demo-data', 'off'],
      env,
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
      expect(page.url()).toMatch(/^app:\/\/bundle\//);

      // The page sees the contract's named functions and nothing of Node or Electron.
      const surface = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return {
          bridge: Object.keys((w.twin ?? {}) as object).sort(),
          require: typeof w.require,
          process: typeof w.process,
          module: typeof w.module,
          electron: typeof w.electron,
        };
      });
      expect(surface.bridge).toEqual([...methodNames, 'on'].sort());
      expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', electron: 'undefined' });

      // The window is the one created with our options, and it shows our page.
      const shown = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), url: w.webContents.getURL() })));
      expect(shown).toHaveLength(1);
      expect(shown[0]?.url).toMatch(/^app:\/\/bundle\//);

      // The CSP comes with the page from app://, and Chromium enforces it: an inline script does not run.
      const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      const inline = await page.evaluate(
        () =>
          new Promise<{ ran: boolean; violated: string }>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: 'inlineRan' in window, violated: e.effectiveDirective }), {
              once: true,
            });
            const s = document.createElement('script');
            s.textContent = 'window.inlineRan = true';
            document.head.append(s);
          }),
      );
      expect(inline).toEqual({ ran: false, violated: 'script-src-elem' });

      // window.open is denied: no second window appears.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      expect(app.windows()).toHaveLength(1);

      await expect(page.getByRole('region', { name: 'Component palette' })).toBeVisible();
      expect(existsSync(path.join(dataDir, 'projects'))).toBe(true);
    } finally {
      const started = Date.now();
      await app.close();
      const elapsed = Date.now() - started;
      rmSync(dataDir, { recursive: true, force: true });
      expect(elapsed, `quit took ${elapsed} ms`).toBeLessThan(QUIT_LIMIT_MS);
    }
  });
});
