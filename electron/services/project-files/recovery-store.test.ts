import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTwinError } from '../../../shared/api/errors';
import { emptyDocument, type TwinDocument } from '../../../shared/twin/schema';
import { RecoveryStore } from './recovery-store';
import { isTempFileName } from './temp-files';

const root = mkdtempSync(path.join(os.tmpdir(), 'twin-recovery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = (): RecoveryStore => new RecoveryStore(path.join(mkdtempSync(path.join(root, 'r-')), 'recovery'));

function plant(name: string): TwinDocument {
  const doc = emptyDocument(`id-${name}`, name, 'Europe/Berlin');
  doc.assets.push({
    id: 'p1',
    kind: 'centrifugal-pump',
    tag: 'P-101',
    name: '',
    properties: {},
    position: { x: 1, y: 2 },
    rotation: 0,
    flip: false,
    note: 'kept',
  } as TwinDocument['assets'][number]);
  return doc;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RecoveryStore', () => {
  it('lists other sessions newest first, with project path and name', async () => {
    const s = store();
    await s.write('crashed-a', '/plants/b7.twin.json', plant('B7'));
    await sleep(5);
    await s.write('crashed-b', null, plant('Unsaved sketch'));
    await sleep(5);
    await s.write('me', '/plants/c1.twin.json', plant('C1'));
    const entries = await s.list('me');
    expect(entries.map(({ id, path: p, name }) => ({ id, path: p, name }))).toEqual([
      { id: 'crashed-b', path: null, name: 'Unsaved sketch' },
      { id: 'crashed-a', path: '/plants/b7.twin.json', name: 'B7' },
    ]);
    expect(entries[0]!.savedAt).toBeGreaterThan(entries[1]!.savedAt);
    expect((await s.list()).map((e) => e.id)).toEqual(['me', 'crashed-b', 'crashed-a']);
  });

  it('reads a recovered document back whole, without a fingerprint so saving over the file asks first', async () => {
    const s = store();
    const doc = plant('B7');
    await s.write('crashed', '/plants/b7.twin.json', doc);
    const opened = await s.read('crashed');
    expect(opened).toEqual({ document: doc, path: '/plants/b7.twin.json', fingerprint: null, problems: [] });
  });

  it("overwrites a session's autosave in place and discards it", async () => {
    const s = store();
    await s.write('x', null, plant('first'));
    await s.write('x', null, plant('second'));
    expect((await s.list()).map((e) => e.name)).toEqual(['second']);
    expect(readdirSync(s.dir)).toEqual(['x.recovery.json']);
    await s.discard('x');
    await s.discard('x');
    expect(await s.list()).toEqual([]);
  });

  it('skips damaged files in the list and explains them on read', async () => {
    const s = store();
    await s.write('good', null, plant('Good'));
    writeFileSync(path.join(s.dir, 'torn.recovery.json'), readFileSync(path.join(s.dir, 'good.recovery.json'), 'utf8').slice(0, 100));
    writeFileSync(path.join(s.dir, '.good.recovery.json.0123456789ab.tmp'), 'partial');
    expect((await s.list()).map((e) => e.id)).toEqual(['good']);
    await expect(s.read('torn')).rejects.toMatchObject({ kind: 'file-invalid', message: expect.stringContaining('unexpected end of file') });
  });

  it('refuses ids that could leave the folder', async () => {
    const s = store();
    mkdirSync(s.dir, { recursive: true });
    for (const id of ['../escape', 'a/b', '..', '', 'x'.repeat(65)]) {
      try {
        await s.read(id);
        throw new Error(`accepted ${id}`);
      } catch (e) {
        expect(isTwinError(e) && e.kind).toBe('invalid-input');
      }
    }
    await expect(s.write('../../etc/passwd', null, plant('x'))).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('reads an autosave an older build wrote in format 1', async () => {
    const s = store();
    mkdirSync(s.dir, { recursive: true });
    const v1 = { formatVersion: 1, id: 'old', name: 'Old', nodes: [{ id: 'n1', type: 'tank', position: [5, 6], data: { tag: 'TK-1' } }], edges: [] };
    writeFileSync(
      path.join(s.dir, 'old.recovery.json'),
      JSON.stringify({ recoveryFormat: 1, session: 'old', path: null, name: 'Old', savedAt: 1, document: v1 }),
    );
    const opened = await s.read('old');
    expect(opened.migratedFrom).toBe(1);
    expect(opened.document.assets[0]).toMatchObject({ kind: 'tank', tag: 'TK-1', position: { x: 5, y: 6 } });
  });

  it('sweeps temp files of interrupted autosaves', async () => {
    const s = store();
    await s.write('a', null, plant('A'));
    const temp = path.join(s.dir, '.a.recovery.json.0123456789ab.tmp');
    writeFileSync(temp, 'partial');
    const old = new Date(Date.now() - 120_000);
    utimesSync(temp, old, old);
    expect(await s.sweep()).toEqual([temp]);
    expect(readdirSync(s.dir).filter(isTempFileName)).toEqual([]);
  });
});
