/**
 * Many files as one import (issue 14): all or nothing across the set, progress over every byte, cancel that
 * leaves the store as it was; and the same through `twin import` with Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isTwinError } from '../../shared/api/errors';
import { installCli, type InstalledCli } from '../cli/testing/installed-cli';
import { LocalStore } from '../sources/local/local-store';
import { importFiles, type ImportProgress } from './import-files';
import { expandImportPaths } from './import-paths';

const MIN = 60_000;
const T0 = Date.UTC(2025, 6, 1);

/** A Niagara history of `rows` minutes, named by its file. */
function niagara(dir: string, name: string, rows: number): string {
  const f = path.join(dir, `${name}.csv`);
  const lines = ['Timestamp,Trend Flags,Status,Value (kW)'];
  for (let i = 0; i < rows; i++) lines.push(`${new Date(T0 + i * MIN).toISOString()},{},{ok},${i}`);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('importFiles', () => {
  let dir: string;
  let store: LocalStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'twin-many-'));
    store = await LocalStore.open(path.join(dir, 'store'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder of files as one, in name order, skipping hidden files and other extensions', async () => {
    const folder = path.join(dir, 'exports');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    niagara(folder, 'B', 3);
    niagara(folder, 'A', 2);
    niagara(path.join(folder, 'sub'), 'C', 1);
    writeFileSync(path.join(folder, '.hidden.csv'), 'x');
    writeFileSync(path.join(folder, 'notes.pdf'), 'x');
    const files = await expandImportPaths([folder]);
    expect(files.map((f) => path.relative(folder, f))).toEqual(['A.csv', 'B.csv', path.join('sub', 'C.csv')]);
    const seen: ImportProgress[] = [];
    const r = await importFiles(store, files, { format: 'niagara' }, (p) => seen.push(p));
    expect(r).toMatchObject({ points: 6, rows: 6, series: ['A#value', 'B#value', 'C#value'], units: { 'A#value': 'kW', 'B#value': 'kW', 'C#value': 'kW' } });
    expect(r.files.map((f) => [path.basename(f.path), f.rows])).toEqual([
      ['A.csv', 2],
      ['B.csv', 3],
      ['C.csv', 1],
    ]);
    expect(seen.at(-1)).toMatchObject({ fileIndex: 2, files: 3, rows: 6 });
    expect(seen.at(-1)!.bytesRead).toBe(seen.at(-1)!.totalBytes);
  });

  it('refuses the whole set when one file cannot be read as planned, naming it, and writes nothing', async () => {
    const good = niagara(dir, 'good', 10);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, '2025-07-01T00:00:00Z,1\n2025-07-01T00:01:00Z,2\n');
    const e = await caught(importFiles(store, [good, bad], {}));
    expect(isTwinError(e) && e.kind).toBe('invalid-input');
    expect(e.message).toMatch(/^Nothing was imported: .*bad\.csv cannot be imported as it is: Line 1 looks like data/);
    expect(await store.pointCount()).toBe(0);
    expect(store.hasSeries('good#value')).toBe(false);
  });

  it('reports skipped rows by file and line', async () => {
    const a = niagara(dir, 'a', 2);
    const b = path.join(dir, 'b.csv');
    writeFileSync(b, 'Timestamp,Trend Flags,Status,Value\n2025-07-01T00:00:00Z,{},{ok},1\n2025-02-30T00:00:00Z,{},{ok},2\n');
    const r = await importFiles(store, [a, b], {});
    expect(r.skipped).toEqual([{ file: b, line: 3, message: expect.stringMatching(/day 30 does not exist/) }]);
    expect(r.points).toBe(3);
  });

  it('cancels mid-way through the second file and leaves the store as it was', async () => {
    await store.appendColumns([{ key: 'before#value', t: [T0], v: [1] }]);
    const files = [niagara(dir, 'one', 60_000), niagara(dir, 'two', 60_000)];
    const ac = new AbortController();
    const e = await caught(
      importFiles(
        store,
        files,
        {},
        (p) => {
          if (p.fileIndex === 1) ac.abort();
        },
        ac.signal,
      ),
    );
    expect(e.name).toBe('AbortError');
    expect(await store.pointCount()).toBe(1);
    expect(store.hasSeries('one#value')).toBe(false);
  });
});

describe('twin import with several files and Ctrl+C', () => {
  let cli: InstalledCli;
  let dir: string;
  beforeAll(async () => {
    cli = await installCli();
    dir = mkdtempSync(path.join(os.tmpdir(), 'twin-cancel-'));
  }, 120_000);
  afterAll(() => {
    cli?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints progress on stderr and, interrupted, imports nothing and exits 130', async () => {
    // A long file, written in pieces, so the import is still running when the interrupt comes.
    const big = path.join(dir, 'big.csv');
    const fd = openSync(big, 'w');
    writeSync(fd, 'Tag,Timestamp,Value\n');
    for (let block = 0; block < 40; block++) {
      const rows: string[] = [];
      for (let i = 0; i < 25_000; i++) rows.push(`T${i % 50},${new Date(T0 + (block * 25_000 + i) * 1000).toISOString()},${i}`);
      writeSync(fd, `${rows.join('\n')}\n`);
    }
    closeSync(fd);
    const store = path.join(dir, 'store');
    const child = spawn(process.execPath, [cli.bin, 'import', '--local', store, big, niagara(dir, 'small', 5)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!interrupted && /importing: file 1\/2 big\.csv, \d+%/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(interrupted).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('Import cancelled: nothing was imported.');
    const r = cli.run(['catalog', '--local', store, '--json']);
    expect(JSON.parse(r.stdout).series).toEqual([]);
  }, 60_000);
});
