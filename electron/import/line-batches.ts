/**
 * Reading a text file as lines without holding it in memory: lines come in batches (one
 * per chunk read), numbered from 1, with a leading BOM dropped and CRLF or LF endings removed.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface LineBatch {
  lines: string[];
  /** Line number of lines[0] (1-based). */
  firstLine: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

const CHUNK = 1 << 20;

/** Yield the file's lines in batches; stop early by breaking out of the loop (the file is closed). */
export async function* readLineBatches(file: string, signal?: AbortSignal): AsyncGenerator<LineBatch> {
  const stream = createReadStream(file, { highWaterMark: CHUNK, signal });
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 1;
  let first = true;
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text = carry + decoder.write(chunk);
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const lines = text.split('\n');
      carry = lines.pop() ?? '';
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i] as string;
        if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
      }
      if (lines.length > 0) {
        yield { lines, firstLine: lineNo, bytesRead };
        lineNo += lines.length;
      }
    }
    let last = carry + decoder.end();
    if (first && last.charCodeAt(0) === 0xfeff) last = last.slice(1);
    if (last.endsWith('\r')) last = last.slice(0, -1);
    if (last !== '') yield { lines: [last], firstLine: lineNo, bytesRead };
  } finally {
    stream.destroy();
  }
}
