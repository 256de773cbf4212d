import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePreferences, PreferencesStore } from './preferences';

const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-prefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preferences', () => {
  it('reads a file written before interface preferences existed, with the minimap shown', () => {
    expect(migratePreferences({ version: 1, recentProjects: ['/a.twin.json'], lastProject: '/a.twin.json' })).toEqual({
      version: 1,
      recentProjects: ['/a.twin.json'],
      lastProject: '/a.twin.json',
      ui: { showMinimap: true },
    });
  });

  it('keeps an interface change on disk and leaves the rest as it was', async () => {
    writeFileSync(path.join(dir, 'preferences.json'), JSON.stringify({ version: 1, recentProjects: ['/b.twin.json'], lastProject: null }));
    const store = await PreferencesStore.open(dir);
    expect(await store.updateUi({ showMinimap: false })).toEqual({ showMinimap: false });
    const again = await PreferencesStore.open(dir);
    expect(again.get()).toEqual({ version: 1, recentProjects: ['/b.twin.json'], lastProject: null, ui: { showMinimap: false } });
    expect(JSON.parse(readFileSync(path.join(dir, 'preferences.json'), 'utf8')).ui).toEqual({ showMinimap: false });
  });
});
