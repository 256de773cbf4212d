/**
 * Hostile and broken inputs stay bounded: each cap refuses its input with the cap and the line named,
 * before the file can cost gigabytes, and nothing is stored. (The time and peak memory of each case are
 * printed by `npm run bench:import`; these tests prove the refusals. Before the caps, the first of them ran
 * the test process out of memory.)
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTwinError } from '../../shared/api/errors';
import { LocalStore } from '../sources/local/local-store';
import { importFile } from './import-file';
import { IMPORT_LIMITS } from './import-limits';
import { previewImport } from './import-preview';
import { readLineBatches } from './line-batches';

const MB = 1024 * 1024;

/** Write `total` bytes of `fill` after `prefix`, in 1 MiB pieces (never the whole file in memory). */
function writeBig(file: string, prefix: string, fill: string, total: number, suffix = ''): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, prefix);
    const piece = Buffer.from(fill.repeat(Math.ceil(MB / fill.length)).slice(0, MB));
    let left = total;
    while (left > 0) {
      const n = Math.min(left, piece.length);
      writeSync(fd, piece, 0, n);
      left -= n;
    }
    writeSync(fd, suffix);
  } finally {
    closeSync(fd);
  }
}

async function caught(p: Promise<unknown>): Promise<Error & { kind?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('import caps', () => {
  let dir: string;
  let store: LocalStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-caps-'));
    store = await LocalStore.open(path.join(dir, 'store'));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a 150 MB file without a line break in the preview and the import, naming the cap and line 1', async () => {
    const f = path.join(dir, 'no-newline.csv');
    writeBig(f, 'time,', 'abcdefgh,', 150 * MB);
    // One at a time: a second call started early would reject before anyone awaits it.
    for (const attempt of [() => previewImport(f, {}), () => importFile(store, f, { timeZone: 'UTC' })]) {
      const e = await caught(attempt());
      expect(isTwinError(e) && e.kind).toBe('file-invalid');
      expect(e.message).toMatch(/^Line 1 of .*no-newline\.csv is longer than the 1,048,576-character cap for one line/);
    }
    expect(await store.pointCount()).toBe(0);
  });

  it('refuses a 50 MB line after the header, naming line 2', async () => {
    const f = path.join(dir, 'long-line.csv');
    writeBig(f, 'time,a\n2025-07-01T00:00:00Z,', '1', 50 * MB, '\n2025-07-01T00:01:00Z,2\n');
    // One at a time: a second call started early would reject before anyone awaits it.
    for (const attempt of [() => previewImport(f, {}), () => importFile(store, f, {})]) {
      const e = await caught(attempt());
      expect(e.message).toMatch(/^Line 2 of .* is longer than the 1,048,576-character cap/);
    }
    expect(await store.pointCount()).toBe(0);
  });

  it('refuses 100,000 columns, naming the column cap and the header line', async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `T${i}`);
    const row = (t: string) => `${t},${names.map(() => '1').join(',')}`;
    const f = path.join(dir, 'wide.csv');
    await writeFile(f, `time,${names.join(',')}\n${row('2025-07-01T00:00:00Z')}\n${row('2025-07-01T00:01:00Z')}\n`);
    const preview = await previewImport(f, {});
    expect(preview.problems[0]).toEqual({ line: 1, message: expect.stringMatching(/^Line 1 has 100,001 columns, over the 10,000-column cap/) });
    expect(preview.sample).toEqual([]);
    const e = await caught(importFile(store, f, {}));
    expect(e.message).toMatch(/Line 1 has 100,001 columns, over the 10,000-column cap/);
    expect(await store.pointCount()).toBe(0);
  });

  it('refuses a 10 MB line-protocol name as an over-long line, and skips a name over the series-key cap', async () => {
    const huge = path.join(dir, 'huge-name.lp');
    writeBig(huge, '', 'm', 10 * MB, ' v=1 1704067200000000000\n');
    const e = await caught(importFile(store, huge, {}));
    expect(e.message).toMatch(/^Line 1 of .* is longer than the 1,048,576-character cap/);

    const name = 'n'.repeat(5_000);
    const over = path.join(dir, 'long-name.lp');
    await writeFile(over, `ok v=1 1704067200000000000\n${name} v=2 1704067200000000000\n`);
    const r = await importFile(store, over, {});
    expect(r.series).toEqual(['ok#v']);
    expect(r.skipped).toEqual([{ line: 2, message: expect.stringMatching(/over the 2,000-character cap for a series key; the value was skipped/) }]);
    // The message quotes the start of the name and says how long it was, never the whole of it.
    expect(r.skipped[0]!.message).toContain('(5,002 characters)');
    expect(r.skipped[0]!.message.length).toBeLessThan(300);
    expect((await store.catalog()).map((c) => c.key)).toEqual(['ok#v']);
  });

  it('skips rows with a cell or a long-format name over the cap, and refuses a wide column name over the key cap', async () => {
    const long = path.join(dir, 'long-cells.csv');
    const bigCell = 'x'.repeat(IMPORT_LIMITS.maxCellChars + 1);
    const bigName = 'N'.repeat(2_100);
    await writeFile(
      long,
      `time,tag,value\n2025-07-01T00:00:00Z,A,1\n2025-07-01T00:01:00Z,A,"${bigCell}"\n2025-07-01T00:02:00Z,${bigName},3\n2025-07-01T00:03:00Z,A,4\n`,
    );
    const r = await importFile(store, long, {});
    expect(r.points).toBe(2);
    expect(r.skipped).toEqual([
      { line: 3, message: 'column 3 holds 65,537 characters, over the 65,536-character cap for one cell; the row was skipped' },
      { line: 4, message: expect.stringMatching(/over the 2,000-character cap for a series key; the row was skipped/) },
    ]);
    const wide = path.join(dir, 'wide-name.csv');
    await writeFile(wide, `time,ok,${bigName}\n2025-07-01T00:00:00Z,1,2\n`);
    const e = await caught(importFile(store, wide, {}));
    expect(e.message).toMatch(/Column 3 on line 1: the series name "N+"… \(2,106 characters\) is over the 2,000-character cap/);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const f = path.join(dir, 'sparse.csv');
    await writeFile(f, 'time,a\n');
    // A sparse file: its size is over the cap, its disk use is nothing.
    await truncate(f, IMPORT_LIMITS.maxFileBytes + 1);
    // One at a time: a second call started early would reject before anyone awaits it.
    for (const attempt of [() => previewImport(f, {}), () => importFile(store, f, {})]) {
      const e = await caught(attempt());
      expect(isTwinError(e) && e.kind).toBe('file-too-large');
      expect(e.message).toMatch(/over the 68,719,476,736-byte cap for one import/);
    }
  });
});

describe('line endings', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-endings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('splits CR, LF and CRLF alike, also where a CRLF straddles a chunk edge', async () => {
    const f = path.join(dir, 'mixed.csv');
    // The CR of a CRLF falls on the last byte of the first 1 MiB chunk.
    const pad = 'p'.repeat(MB - 1);
    await writeFile(f, `${pad}\r\nb\rc\nd\r\re`);
    const lines: string[] = [];
    for await (const b of readLineBatches(f)) lines.push(...b.lines);
    expect(lines).toEqual([pad, 'b', 'c', 'd', '', 'e']);
  });

  it('imports and previews a CR-only file like any other', async () => {
    const dirStore = path.join(dir, 'store');
    const f = path.join(dir, 'cr.csv');
    await writeFile(f, 'time,CHWS\r2024-01-01T00:00:00Z,6.5\r2024-01-01T00:01:00Z,6.6\r');
    const p = await previewImport(f, {});
    expect(p.sample.map((s) => [s.line, s.time, s.values])).toEqual([
      [2, '2024-01-01T00:00:00.000Z', [6.5]],
      [3, '2024-01-01T00:01:00.000Z', [6.6]],
    ]);
    const store = await LocalStore.open(dirStore);
    try {
      expect(await importFile(store, f, {})).toMatchObject({ points: 2, series: ['CHWS#value'], skippedCount: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('echoed values', () => {
  it('quotes a long bad cell by its start and length, never whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-echo-'));
    try {
      const f = path.join(dir, 'long-cells.csv');
      const longTime = `2025-07-01T00:00:00Z${'x'.repeat(20_000)}`;
      await writeFile(f, `time,a\n${longTime},1\n2025-07-01T00:01:00Z,${'9'.repeat(10)}${'y'.repeat(30_000)}\n2025-07-01T00:02:00Z,3\n`);
      const p = await previewImport(f, {});
      expect(p.problems).toHaveLength(2);
      for (const problem of p.problems) {
        expect(problem.message.length).toBeLessThan(300);
        expect(problem.message).toMatch(/…" \((20,020|30,010) characters\)/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
