import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer's sandbox. The page gets no Node, no Electron, no webview and no mixed content; the preload
 * runs sandboxed in its own world and exposes only the contract's named functions.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  // A file dropped on the window must never replace the app with a file:// page.
  navigateOnDragDrop: false,
  // Tags and names (P-101, LCHWT_2) are not prose, and Chromium fetches spelling dictionaries from the
  // network on Windows and Linux: an offline plant laptop should not try.
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preload: string;
  /** DevTools only while developing; a packaged app has none to open. */
  devTools: boolean;
}

/** The one app window: hidden until the first paint so it never flashes white, then shown. */
export function windowOptions({ preload, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Twin Studio',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload, devTools },
  };
}
