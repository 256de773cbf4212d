import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePreferences, PreferencesStore, recentFor } from './preferences';

const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-prefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preferences', () => {
  it('reads a file written before interface preferences existed, with the minimap shown', () => {
    expect(migratePreferences({ version: 1, recentProjects: ['/a.twin.json'], lastProject: '/a.twin.json' })).toEqual({
      version: 2,
      recentProjects: [{ path: '/a.twin.json', tenant: null }],
      lastProject: '/a.twin.json',
      ui: { showMinimap: true },
    });
  });

  it('keeps an interface change on disk and leaves the rest as it was', async () => {
    writeFileSync(path.join(dir, 'preferences.json'), JSON.stringify({ version: 1, recentProjects: ['/b.twin.json'], lastProject: null }));
    const store = await PreferencesStore.open(dir);
    expect(await store.updateUi({ showMinimap: false })).toEqual({ showMinimap: false });
    const again = await PreferencesStore.open(dir);
    expect(again.get()).toEqual({ version: 2, recentProjects: [{ path: '/b.twin.json', tenant: null }], lastProject: null, ui: { showMinimap: false } });
    expect(JSON.parse(readFileSync(path.join(dir, 'preferences.json'), 'utf8')).ui).toEqual({ showMinimap: false });
  });

  it('falls back to defaults for a file of an unknown version or shape', () => {
    expect(migratePreferences({ version: 9, recentProjects: 'x' })).toMatchObject({ version: 2, recentProjects: [], lastProject: null });
    expect(migratePreferences(null)).toMatchObject({ version: 2, recentProjects: [] });
  });

  it('keeps another tenant’s projects out of the recent list while working for a tenant', () => {
    const recent = [
      { path: '/a', tenant: 'mongodb://a/t' },
      { path: '/b', tenant: 'mongodb://b/t' },
      { path: '/c', tenant: null },
    ];
    expect(recentFor(recent, 'mongodb://a/t').map((r) => r.path)).toEqual(['/a', '/c']);
    expect(recentFor(recent, null).map((r) => r.path)).toEqual(['/a', '/b', '/c']);
  });
});
