/**
 * Reading a text file as lines without holding it in memory: lines come in batches (one
 * per chunk read), numbered from 1, with a leading BOM dropped. A line ends at LF, CRLF or a
 * lone CR (old Mac and some historian exports), so every ending splits the file the same way.
 * A line longer than the cap stops the read with an error naming the line, before it can grow:
 * memory stays at a chunk plus the cap whatever the file holds.
 *
 * Chunks are read into buffers kept for the next file: a read stream allocated a fresh 1 MiB buffer
 * per read, and a folder of a hundred small exports spent more time collecting those than reading.
 */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { IMPORT_LIMITS, lineTooLong } from './import-limits';

export interface LineBatch {
  lines: string[];
  /** Line number of lines[0] (1-based). */
  firstLine: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export interface LineReadOptions {
  signal?: AbortSignal | undefined;
  /** Longest line accepted (characters). */
  maxLineChars?: number;
  /** Read at most this many bytes (a head for previews); the cut-off partial line is not yielded. */
  maxBytes?: number;
  /** Bytes per read; small for heads, which stop after a few hundred lines. */
  chunkBytes?: number;
}

const CHUNK = 1 << 20;
const CR = 13;

/** Split text at LF, CRLF and CR; the text after the last break is returned apart as `rest`. */
export function splitLines(text: string): { lines: string[]; rest: string } {
  if (text.indexOf('\r') < 0) {
    const lines = text.split('\n');
    return { rest: lines.pop() ?? '', lines };
  }
  // A CR at the very end may be the first half of a CRLF split across chunks: keep it for the next one.
  const heldCr = text.charCodeAt(text.length - 1) === CR;
  const body = heldCr ? text.slice(0, -1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const rest = lines.pop() ?? '';
  return { lines, rest: heldCr ? `${rest}\r` : rest };
}

/** Read buffers by size, free for the next reader; each reader takes its own, so readers may overlap. */
const freeBuffers = new Map<number, Buffer[]>();
const MAX_FREE_PER_SIZE = 4;

function takeBuffer(size: number): Buffer {
  return freeBuffers.get(size)?.pop() ?? Buffer.allocUnsafeSlow(size);
}

function giveBack(buffer: Buffer): void {
  const free = freeBuffers.get(buffer.length) ?? [];
  if (free.length < MAX_FREE_PER_SIZE) free.push(buffer);
  freeBuffers.set(buffer.length, free);
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted', 'AbortError');
}

/** Yield the file's lines in batches; stop early by breaking out of the loop (the file is closed). */
export async function* readLineBatches(file: string, options: LineReadOptions = {}): AsyncGenerator<LineBatch> {
  const maxLine = options.maxLineChars ?? IMPORT_LIMITS.maxLineChars;
  const { signal, maxBytes } = options;
  if (signal?.aborted) throw abortError();
  const handle = await open(file, 'r');
  const buffer = takeBuffer(Math.max(1, Math.min(options.chunkBytes ?? CHUNK, maxBytes ?? CHUNK)));
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 1;
  let first = true;
  let bytesRead = 0;
  const check = (lines: readonly string[]) => {
    for (let i = 0; i < lines.length; i++) if ((lines[i] as string).length > maxLine) throw lineTooLong(file, lineNo + i, (lines[i] as string).length);
  };
  // The next chunk is read while the caller works through this one's lines: the chunk is decoded into a string
  // first, so the one buffer is free for the read as soon as the lines are yielded.
  const readNext = (): Promise<number> | null => {
    const want = maxBytes === undefined ? buffer.length : Math.min(buffer.length, maxBytes - bytesRead);
    if (want <= 0) return null;
    const read = handle.read(buffer, 0, want, bytesRead).then((r) => r.bytesRead);
    // Marked handled while the caller works (a failed read must not end the process as unhandled); awaited below, it still throws.
    read.catch(() => undefined);
    return read;
  };
  let pending = readNext();
  try {
    while (pending !== null) {
      const got = await pending;
      pending = null;
      if (signal?.aborted) throw abortError();
      if (got === 0) break;
      bytesRead += got;
      let text = carry + decoder.write(buffer.subarray(0, got));
      pending = readNext();
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const { lines, rest } = splitLines(text);
      carry = rest;
      check(lines);
      if (lines.length > 0) {
        yield { lines, firstLine: lineNo, bytesRead };
        lineNo += lines.length;
      }
      if (carry.length > maxLine) throw lineTooLong(file, lineNo, carry.length);
    }
    // A read cut short at maxBytes ends inside a line (unless the file ended there too): that part is dropped.
    if (maxBytes !== undefined && bytesRead >= maxBytes) return;
    let last = carry + decoder.end();
    if (first && last.charCodeAt(0) === 0xfeff) last = last.slice(1);
    if (last.endsWith('\r')) last = last.slice(0, -1);
    check([last]);
    if (last !== '') yield { lines: [last], firstLine: lineNo, bytesRead };
  } finally {
    // A read still under way writes into the buffer: it must land before the buffer is given back.
    await pending?.catch(() => undefined);
    giveBack(buffer);
    await handle.close();
  }
}
