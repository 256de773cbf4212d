import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { createFileDialogs, PROJECT_FILTERS, safeFileName, withProjectExtension } from './file-dialogs';

type Answer = { canceled: boolean; filePaths?: string[]; filePath?: string };

function fakeDialog(answer: Answer) {
  const calls: Array<{ kind: string; parent: unknown; options: Record<string, unknown> }> = [];
  const record = (kind: string) => (a: unknown, b?: unknown) => {
    const [parent, options] = b === undefined ? [null, a] : [a, b];
    calls.push({ kind, parent, options: options as Record<string, unknown> });
    return Promise.resolve({ filePaths: [], ...answer });
  };
  const dialog = { showOpenDialog: record('open'), showSaveDialog: record('save') } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  return { dialog, calls };
}

const win = { id: 1 } as unknown as BrowserWindow;

describe('createFileDialogs', () => {
  it('opens a project file over the window and approves the chosen path', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/plants/b7.twin.json'] });
    const approved: string[] = [];
    const dialogs = createFileDialogs(
      dialog,
      () => win,
      (p) => approved.push(p),
    );
    expect(await dialogs.chooseOpen()).toBe('/plants/b7.twin.json');
    expect(approved).toEqual(['/plants/b7.twin.json']);
    expect(calls[0]?.parent).toBe(win);
    expect(calls[0]?.options.filters).toEqual(PROJECT_FILTERS);
    expect(calls[0]?.options.properties).toEqual(['openFile']);
  });

  it('approves nothing when the user cancels', async () => {
    const approved: string[] = [];
    const open = createFileDialogs(
      fakeDialog({ canceled: true, filePaths: ['/x.twin.json'] }).dialog,
      () => win,
      (p) => approved.push(p),
    );
    expect(await open.chooseOpen()).toBeNull();
    expect(await open.chooseSave('Plant', '/plants')).toBeNull();
    expect(approved).toEqual([]);
  });

  it('suggests a safe name in the default folder and always saves with the project suffix', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/plants/B7 chillers' });
    const approved: string[] = [];
    const dialogs = createFileDialogs(
      dialog,
      () => null,
      (p) => approved.push(p),
    );
    expect(await dialogs.chooseSave('../../etc/B7: chillers', '/plants')).toBe('/plants/B7 chillers.twin.json');
    expect(approved).toEqual(['/plants/B7 chillers.twin.json']);
    expect(calls[0]?.parent).toBeNull();
    const suggested = String(calls[0]?.options.defaultPath);
    expect(path.dirname(suggested)).toBe('/plants');
    expect(path.basename(suggested)).toBe('-..-etc-B7- chillers.twin.json');
  });
});

describe('withProjectExtension', () => {
  it.each([
    ['plant', 'plant.twin.json'],
    ['plant.twin.json', 'plant.twin.json'],
    ['PLANT.TWIN.JSON', 'PLANT.TWIN.JSON'],
    ['plant.twin', 'plant.twin.json'],
    ['plant.json', 'plant.twin.json'],
    ['plant.txt', 'plant.txt.twin.json'],
  ])('%s → %s', (input, output) => {
    expect(withProjectExtension(input)).toBe(output);
  });
});

describe('safeFileName', () => {
  it.each([
    ['B7 plant', 'B7 plant'],
    ['a/b\\c', 'a-b-c'],
    ['..', 'Untitled'],
    ['', 'Untitled'],
    ['con:*?"<>|', 'con-'],
    ['x\u0000y', 'x-y'],
  ])('%j → %j', (input, output) => {
    expect(safeFileName(input)).toBe(output);
  });

  it('keeps names short', () => {
    expect(safeFileName('x'.repeat(500)).length).toBe(120);
  });
});

describe('choosing historian exports to import', () => {
  it('picks several files, or one folder, approving each for import and nothing when cancelled', async () => {
    const files = fakeDialog({ canceled: false, filePaths: ['/exports/a.csv', '/exports/b.csv'] });
    const imports: string[] = [];
    const dialogs = createFileDialogs(
      files.dialog,
      () => win,
      () => undefined,
      (p) => imports.push(p),
    );
    expect(await dialogs.chooseImport()).toEqual(['/exports/a.csv', '/exports/b.csv']);
    expect(files.calls[0]?.options.properties).toEqual(['openFile', 'multiSelections']);
    const folder = fakeDialog({ canceled: false, filePaths: ['/exports/niagara'] });
    expect(
      await createFileDialogs(
        folder.dialog,
        () => win,
        () => undefined,
        (p) => imports.push(p),
      ).chooseImport(true),
    ).toEqual(['/exports/niagara']);
    expect(folder.calls[0]?.options.properties).toEqual(['openDirectory']);
    expect(imports).toEqual(['/exports/a.csv', '/exports/b.csv', '/exports/niagara']);
    const cancelled = fakeDialog({ canceled: true, filePaths: ['/exports/c.csv'] });
    expect(
      await createFileDialogs(
        cancelled.dialog,
        () => win,
        () => undefined,
        (p) => imports.push(p),
      ).chooseImport(),
    ).toEqual([]);
    expect(imports).toHaveLength(3);
  });
});
