import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTwinError, type TwinError } from '../../../shared/api/errors';
import { FORMAT_VERSION, type TwinDocument } from '../../../shared/twin/schema';
import { sha256 } from './fingerprint';
import { readProjectFile } from './read-project';
import { saveProjectFile, serializeDocument } from './save-project';

const fixtures = path.resolve(__dirname, '../../../shared/twin/fixtures');
const root = mkdtempSync(path.join(os.tmpdir(), 'twin-save-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder per test, so leftover temp files can be counted. */
const folder = (): string => mkdtempSync(path.join(root, 't-'));

function copy(fixture: string, dir: string, name = path.basename(fixture)): string {
  const target = path.join(dir, name);
  copyFileSync(path.join(fixtures, fixture), target);
  return target;
}

async function refusal(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    if (isTwinError(e)) return e;
    throw e;
  }
  throw new Error('expected the save to be refused');
}

const renamed = (doc: TwinDocument, name: string): TwinDocument => ({ ...doc, name });

describe('saveProjectFile', () => {
  it('writes a new file and returns the fingerprint of what it wrote', async () => {
    const dir = folder();
    const { document } = await readProjectFile(path.join(fixtures, 'v3/chiller-loop.twin.json'));
    const file = path.join(dir, 'new.twin.json');
    const saved = await saveProjectFile(file, document, null);
    const bytes = readFileSync(file);
    expect(saved).toEqual({ path: file, fingerprint: { mtimeMs: statSync(file).mtimeMs, size: bytes.length, sha256: sha256(bytes) } });
    expect(bytes.equals(serializeDocument(document))).toBe(true);
    expect((await readProjectFile(file)).document).toEqual(document);
    expect(readdirSync(dir)).toEqual(['new.twin.json']);
  });

  it('keeps unknown fields through open and save, in current and migrated files', async () => {
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    const opened = await readProjectFile(file);
    await saveProjectFile(file, renamed(opened.document, 'Renamed'), opened.fingerprint);
    const text = readFileSync(file, 'utf8');
    for (const kept of ['"owner"', 'plant-eng@example.com', '"maintenanceId"', '"lineSize"', '"colour"', '"historianName"', '"biquadratic"'])
      expect(text).toContain(kept);
    expect(JSON.parse(text).name).toBe('Renamed');

    const old = copy('v1/chiller-loop.twin.json', dir, 'old.twin.json');
    const migrated = await readProjectFile(old);
    await saveProjectFile(old, migrated.document, migrated.fingerprint);
    const written = JSON.parse(readFileSync(old, 'utf8'));
    expect(written.formatVersion).toBe(FORMAT_VERSION);
    expect(written.author).toBe('j.doe');
    expect(written.assets[2].vendorRef).toBe('TRANE-CVHF-0815');
    expect(written.assets[1].data).toEqual({ note: 'locked open' });
  });

  it('never silently overwrites a file changed on disk since it was opened', async () => {
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    const opened = await readProjectFile(file);
    const theirs = readFileSync(file, 'utf8').replace('B7 chiller loop', 'Edited by a colleague');
    writeFileSync(file, theirs);

    const e = await refusal(saveProjectFile(file, renamed(opened.document, 'Mine'), opened.fingerprint));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')} was changed on disk since it was opened \\(modified .*\\)`));
    expect(e.details).toEqual({
      onDisk: { mtimeMs: statSync(file).mtimeMs, size: Buffer.byteLength(theirs), sha256: sha256(Buffer.from(theirs)) },
      expected: opened.fingerprint,
    });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(readdirSync(dir)).toEqual(['chiller-loop.twin.json']);

    // The user chose to overwrite.
    await saveProjectFile(file, renamed(opened.document, 'Mine'), opened.fingerprint, true);
    expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('Mine');
  });

  it('saves over a file that was only touched, or deleted, since it was opened', async () => {
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    const opened = await readProjectFile(file);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const first = await saveProjectFile(file, renamed(opened.document, 'After touch'), opened.fingerprint);
    rmSync(file);
    await saveProjectFile(file, renamed(opened.document, 'After delete'), first.fingerprint);
    expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('After delete');
  });

  it('refuses to replace an existing file it never opened unless told to', async () => {
    const dir = folder();
    const file = copy('bad/newer-format.twin.json', dir, 'future.twin.json');
    const before = readFileSync(file);
    const { document } = await readProjectFile(path.join(fixtures, 'v3/chiller-loop.twin.json'));
    const e = await refusal(saveProjectFile(file, document, null));
    expect(e.kind).toBe('conflict');
    expect(e.message).toContain('already exists');
    expect(e.message).toContain('was not opened in this window');
    expect(readFileSync(file).equals(before)).toBe(true);
    await saveProjectFile(file, document, null, true);
    expect(JSON.parse(readFileSync(file, 'utf8')).formatVersion).toBe(FORMAT_VERSION);
  });

  it('lets only one of two racing saves from the same fingerprint through', async () => {
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    const opened = await readProjectFile(file);
    const results = await Promise.allSettled([
      saveProjectFile(file, renamed(opened.document, 'autosave'), opened.fingerprint),
      saveProjectFile(file, renamed(opened.document, 'ctrl-s'), opened.fingerprint),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('autosave');
    expect((results[1] as PromiseRejectedResult).reason.kind).toBe('conflict');
  });

  it('refuses a document that would not open again, and bad paths', async () => {
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    const opened = await readProjectFile(file);
    const before = readFileSync(file);
    const broken = structuredClone(opened.document);
    (broken.assets[1] as { tag: string }).tag = 'p-101';
    const e = await refusal(saveProjectFile(file, broken, opened.fingerprint));
    expect(e.kind).toBe('invalid-input');
    expect(e.message).toContain(
      'Not saved: the project has errors that would stop it from opening again: $.assets[1].tag: tag "p-101" is already used by $.assets[0]',
    );
    expect(e.problems?.map((p) => p.path)).toEqual(['$.assets[1].tag']);
    expect(readFileSync(file).equals(before)).toBe(true);

    expect((await refusal(saveProjectFile(path.join(dir, 'plant.json'), opened.document, null))).kind).toBe('invalid-input');
    const nowhere = path.join(dir, 'no-such-folder', 'p.twin.json');
    const missing = await refusal(saveProjectFile(nowhere, opened.document, null));
    expect([missing.kind, missing.message]).toEqual([
      'not-found',
      `Cannot save ${nowhere}: the folder ${path.dirname(nowhere)} does not exist. Choose another folder.`,
    ]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    if (process.platform === 'win32') {
      console.log('skipped: Windows has no POSIX file modes');
      return;
    }
    const dir = folder();
    const file = copy('v3/chiller-loop.twin.json', dir);
    chmodSync(file, 0o640);
    const opened = await readProjectFile(file);
    await saveProjectFile(file, opened.document, opened.fingerprint);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
