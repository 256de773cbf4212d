import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProjectFolder } from './list-projects';
import { tempPathFor } from './temp-files';

const root = mkdtempSync(path.join(os.tmpdir(), 'twin-list-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listProjectFolder', () => {
  it('lists only project files, newest first', async () => {
    const dir = mkdtempSync(path.join(root, 'l-'));
    const at = (name: string, minutesAgo: number) => {
      const f = path.join(dir, name);
      writeFileSync(f, '{}');
      const t = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(f, t, t);
    };
    at('older.twin.json', 10);
    at('newer.TWIN.JSON', 1);
    at('notes.json', 0);
    at('.hidden.twin.json', 0);
    at('.twin.json', 0);
    writeFileSync(tempPathFor(path.join(dir, 'newer.twin.json')), '{');
    mkdirSync(path.join(dir, 'folder.twin.json'));
    symlinkSync(path.join(dir, 'gone.twin.json'), path.join(dir, 'dangling.twin.json'));
    symlinkSync(path.join(dir, 'older.twin.json'), path.join(dir, 'link.twin.json'));

    const { folder, files } = await listProjectFolder(dir);
    expect(folder).toBe(dir);
    // The link has its target's time; equal times go by name.
    expect(files.map((f) => f.name)).toEqual(['newer', 'link', 'older']);
    expect(files[0]).toMatchObject({ path: path.join(dir, 'newer.TWIN.JSON'), size: 2 });
  });

  it('shows a missing folder as empty', async () => {
    expect(await listProjectFolder(path.join(root, 'missing'))).toEqual({ folder: path.join(root, 'missing'), files: [] });
  });
});
