import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES, windowOptions } from './window-options';

describe('windowOptions', () => {
  const options = windowOptions({ preload: '/app/dist-electron/preload.cjs', devTools: false });
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s', (name, value) => {
    expect(prefs[name]).toBe(value);
  });

  it('loads the given preload and nothing else into the page', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('has DevTools only when asked (development)', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('cannot be overridden back to unsafe by the per-window part', () => {
    const dev = windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences ?? {};
    for (const [name, value] of Object.entries(SECURE_WEB_PREFERENCES)) expect(dev[name as keyof typeof dev]).toBe(value);
  });

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Twin Studio');
  });
});
