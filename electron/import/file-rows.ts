/**
 * Walking every data row of a file as its plan says (CSV records after the header, or line
 * protocol lines that are not comments), streaming, with callbacks rather than per-row promises
 * so multi-GB files go at the speed of parsing.
 */
import { CsvRecordAssembler, type CsvEvent } from './csv-split';
import type { FileHead, ImportPlan } from './import-plan';
import { isLineProtocolComment } from './line-protocol-parse';
import { IMPORT_LIMITS } from './import-limits';
import { readLineBatches } from './line-batches';

export interface RowVisitor {
  row(line: number, text: string, fields: string[] | null): void;
  /** A CSV data row without quotes, offered whole before it is split: true when taken (then `row` is not called for it). */
  plain?(line: number, text: string): boolean;
  /** A line that could not even be split into fields (an unclosed quote). */
  broken(line: number, message: string): void;
  /** After each chunk of the file. */
  progress?(bytesRead: number): void | Promise<void>;
}

/** Visit the data rows of a whole file. */
export async function visitRows(file: string, plan: ImportPlan, visitor: RowVisitor, signal?: AbortSignal): Promise<void> {
  if (plan.format === 'line-protocol') {
    for await (const batch of readLineBatches(file, { signal })) {
      batch.lines.forEach((text, i) => {
        if (!isLineProtocolComment(text)) visitor.row(batch.firstLine + i, text, null);
      });
      await visitor.progress?.(batch.bytesRead);
    }
    return;
  }
  const asm = new CsvRecordAssembler(plan.delimiter ?? ',');
  const delimiter = plan.delimiter ?? ',';
  const dataLine = plan.dataLine;
  const plain = visitor.plain;
  const events: CsvEvent[] = [];
  const drain = () => {
    for (const e of events) {
      if ('error' in e) visitor.broken(e.error.line, e.error.message);
      else if (e.record.line >= dataLine) visitor.row(e.record.line, e.record.raw, e.record.fields);
    }
    events.length = 0;
  };
  for await (const batch of readLineBatches(file, { signal })) {
    const { lines, firstLine } = batch;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] as string;
      const line = firstLine + i;
      // Most lines hold no quote: split them here, without the assembler's bookkeeping.
      if (!asm.busy && line >= dataLine && text.indexOf('"') < 0) {
        if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
        if (plain !== undefined && plain.call(visitor, line, text)) continue;
        visitor.row(line, text, text.split(delimiter));
        continue;
      }
      asm.push(text, line, events);
      if (events.length > 0) drain();
    }
    await visitor.progress?.(batch.bytesRead);
  }
  asm.end(events);
  drain();
}

/** Lines the plan and the preview read: the plan looks at the first 200 data rows, and the preview shows what those lines hold. */
const HEAD_LINES = 300;
/** Enough for a header at the line cap and a few rows; never more, whatever the line endings. */
const HEAD_BYTES = 2 * IMPORT_LIMITS.maxLineChars + 256 * 1024;
const HEAD_CHARS = 256 * 1024;

/** The first lines of a file (300 lines or about 256 K characters, reading at most HEAD_BYTES), for planning and previews. */
export async function readHead(file: string, signal?: AbortSignal): Promise<FileHead> {
  const lines: string[] = [];
  let chars = 0;
  outer: for await (const batch of readLineBatches(file, { signal, maxBytes: HEAD_BYTES, chunkBytes: 64 * 1024 })) {
    for (const l of batch.lines) {
      lines.push(l);
      chars += l.length;
      if (lines.length >= HEAD_LINES || (chars >= HEAD_CHARS && lines.length > 1)) break outer;
    }
  }
  return { lines, firstLine: 1 };
}
