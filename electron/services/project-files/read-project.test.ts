import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isTwinError, type TwinError } from '../../../shared/api/errors';
import { FORMAT_VERSION } from '../../../shared/twin/schema';
import { sha256 } from './fingerprint';
import { DEFAULT_MAX_PROJECT_BYTES, readProjectFile } from './read-project';

// Spy on the file system, to prove that a file over the limit is refused without being opened.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return { ...actual, open: vi.fn(actual.open), readFile: vi.fn(actual.readFile) };
});

const fixtures = path.resolve(__dirname, '../../../shared/twin/fixtures');
const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(fixture: string, name = path.basename(fixture)): string {
  const target = path.join(dir, name);
  copyFileSync(path.join(fixtures, fixture), target);
  return target;
}

async function refusal(p: string, options?: Parameters<typeof readProjectFile>[1]): Promise<TwinError> {
  try {
    await readProjectFile(p, options);
  } catch (e) {
    if (isTwinError(e)) return e;
    throw e;
  }
  throw new Error(`expected ${p} to be refused`);
}

describe('readProjectFile', () => {
  beforeEach(() => {
    vi.mocked(open).mockClear();
  });

  it('opens a project with its fingerprint', async () => {
    const file = copy('v3/chiller-loop.twin.json');
    const opened = await readProjectFile(file);
    const bytes = readFileSync(file);
    expect(opened.path).toBe(file);
    expect(opened.fingerprint).toEqual({ mtimeMs: statSync(file).mtimeMs, size: bytes.length, sha256: sha256(bytes) });
    expect(opened.document.name).toBe('B7 chiller loop');
    expect(opened.problems).toEqual([]);
    expect(opened.migratedFrom).toBeUndefined();
  });

  it('opens and migrates a format 1 file', async () => {
    const opened = await readProjectFile(copy('v1/chiller-loop.twin.json', 'old.twin.json'));
    expect(opened.migratedFrom).toBe(1);
    expect(opened.document.formatVersion).toBe(FORMAT_VERSION);
  });

  it('refuses a 60 MB file before opening it', async () => {
    const big = path.join(dir, 'huge.twin.json');
    writeFileSync(big, '');
    truncateSync(big, 60 * 1024 * 1024);
    const e = await refusal(big);
    expect(e.kind).toBe('file-too-large');
    expect(e.message).toBe(
      `Cannot open ${big}: it is 60.0 MB, more than the 50.0 MB a project file may have. Check that it is a Twin Studio project; sensor data belongs in a data source, not in the project.`,
    );
    expect(e.details).toEqual({ size: 60 * 1024 * 1024, maxBytes: DEFAULT_MAX_PROJECT_BYTES });
    expect(vi.mocked(open).mock.calls.filter(([p]) => p === big)).toEqual([]);
    // The spy does see opens: a file under the limit is opened once, for reading.
    const small = copy('v3/chiller-loop.twin.json', 'small.twin.json');
    await readProjectFile(small);
    expect(
      vi
        .mocked(open)
        .mock.calls.filter(([p]) => p === small)
        .map(([, flags]) => flags),
    ).toEqual(['r']);
  });

  it('refuses a newer format and leaves the file as it was', async () => {
    const file = copy('bad/newer-format.twin.json');
    const before = { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
    const e = await refusal(file);
    expect(e.kind).toBe('newer-format');
    expect(e.message).toContain(`made by a newer version of Twin Studio (format 4, this build reads up to ${FORMAT_VERSION})`);
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    // Opening is read-only: the file was opened for reading, never for writing.
    expect(
      vi
        .mocked(open)
        .mock.calls.filter(([p]) => p === file)
        .map(([, flags]) => flags),
    ).toEqual(['r']);
  });

  it('refuses broken files with the kind and message the app and CLI show', async () => {
    const cases: [string, TwinError['kind'], RegExp][] = [
      ['bad/truncated.twin.json', 'file-invalid', /is not valid JSON: unexpected end of file at line \d+, column \d+/],
      ['bad/not-json.twin.json', 'file-invalid', /is not valid JSON: unexpected character "t"/],
      ['bad/schema-violations.twin.json', 'file-invalid', /is not a valid Twin Studio project: \$\.assets\[1\]\.tag: expected string/],
      ['bad/graph-errors.twin.json', 'file-invalid', /is not a valid Twin Studio project: \$\.assets\[4\]\.id: id "p1" is already used/],
      ['bad/no-format-version.twin.json', 'file-invalid', /\$\.formatVersion: is missing/],
    ];
    for (const [fixture, kind, message] of cases) {
      const file = copy(fixture);
      const e = await refusal(file);
      expect([fixture, e.kind]).toEqual([fixture, kind]);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(file)).toBe(true);
      expect(e.where).toBe(file);
    }
  });

  it('refuses missing files, folders, non-UTF-8 and other names', async () => {
    const missing = await refusal(path.join(dir, 'nope.twin.json'));
    expect([missing.kind, missing.message]).toEqual([
      'not-found',
      `Cannot open ${path.join(dir, 'nope.twin.json')}: it does not exist (moved, renamed or deleted?).`,
    ]);
    const folder = path.join(dir, 'folder.twin.json');
    mkdirSync(folder);
    expect((await refusal(folder)).kind).toBe('file-unreadable');
    const utf16 = path.join(dir, 'utf16.twin.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"formatVersion":2}', 'utf16le')]));
    expect((await refusal(utf16)).message).toContain('is UTF-16 text; project files are UTF-8');
    const binary = path.join(dir, 'binary.twin.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect((await refusal(binary)).message).toContain('is not UTF-8 text');
    const wrongName = copy('v3/chiller-loop.twin.json', 'plant.json');
    const e = await refusal(wrongName);
    expect([e.kind, e.message]).toEqual([
      'invalid-input',
      'Twin Studio projects are saved as NAME.twin.json; "plant.json" does not end in .twin.json. Choose a name ending in .twin.json.',
    ]);
    expect((await readProjectFile(wrongName, { anyName: true })).document.id).toBe('b7-loop');
  });

  it('keeps prototypes clean when a file tries to pollute them', async () => {
    const e = await refusal(copy('bad/proto-pollution.twin.json'));
    expect(e.message).toContain('"__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
