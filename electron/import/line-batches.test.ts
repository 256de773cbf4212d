import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLineBatches } from './line-batches';

async function allLines(file: string): Promise<{ lines: string[]; firsts: number[] }> {
  const lines: string[] = [];
  const firsts: number[] = [];
  for await (const b of readLineBatches(file)) {
    expect(b.firstLine).toBe(lines.length + 1);
    firsts.push(b.firstLine);
    lines.push(...b.lines);
  }
  return { lines, firsts };
}

describe('reading lines in batches', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-lines-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('drops a BOM, handles CRLF and a missing final newline', async () => {
    const f = path.join(dir, 'bom.csv');
    await writeFile(f, '\uFEFFa,b\r\n1,2\r\n\r\n3,4');
    expect((await allLines(f)).lines).toEqual(['a,b', '1,2', '', '3,4']);
  });

  it('keeps multi-byte characters whole across chunk boundaries in a multi-MB file', async () => {
    const f = path.join(dir, 'big.csv');
    // Lines of 3-byte characters so chunk edges (1 MiB) fall inside characters.
    const line = 'Kühlwasser→Rücklauf°C,€'.repeat(7);
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i},${line}`);
    await writeFile(f, lines.join('\n') + '\n');
    const got = await allLines(f);
    expect(got.firsts.length).toBeGreaterThan(3);
    expect(got.lines).toEqual(lines);
  });

  it('gives every reader its own buffer: files read at once, and one after another, keep their own lines', async () => {
    const files = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const f = path.join(dir, `reuse-${n}.csv`);
        const lines = Array.from({ length: 3000 }, (_, i) => `${n},${i},${'é'.repeat(n + 1)}`);
        await writeFile(f, lines.join('\n'));
        return { f, lines };
      }),
    );
    const read = async (f: string) => {
      const out: string[] = [];
      // Small chunks, so each file takes many reads and the readers interleave.
      for await (const b of readLineBatches(f, { chunkBytes: 4096 })) out.push(...b.lines);
      return out;
    };
    for (let round = 0; round < 2; round++) {
      const got = await Promise.all(files.map((x) => read(x.f)));
      got.forEach((lines, n) => expect(lines).toEqual(files[n]?.lines));
    }
  });

  it('stops at maxBytes without the cut line, and refuses to read once cancelled', async () => {
    const f = path.join(dir, 'head.csv');
    await writeFile(f, 'a,b\n1,2\n3,4\n');
    const head: string[] = [];
    for await (const b of readLineBatches(f, { maxBytes: 10 })) head.push(...b.lines);
    expect(head).toEqual(['a,b', '1,2']);
    const ac = new AbortController();
    ac.abort();
    const reading = (async () => {
      for await (const b of readLineBatches(f, { signal: ac.signal })) void b;
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
