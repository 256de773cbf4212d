/**
 * CSV fields from lines (RFC 4180 quoting: a field starting with `"` runs to the closing quote,
 * `""` inside is one quote, delimiters and line breaks inside are data). A record whose quote is
 * still open at the end of a line continues on the next one.
 */

/** Fields of one line, or null when a quoted field is still open at its end. */
export function splitCsvLine(text: string, delimiter: string): string[] | null {
  if (!text.includes('"')) return text.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    // Spaces before an opening quote are padding, not data.
    let j = i;
    while (j < n && text[j] === ' ') j++;
    if (text[j] === '"') {
      let value = '';
      let k = j + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) return null;
        value += text.slice(k, q);
        if (text[q + 1] === '"') {
          value += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept rather than lost.
      const end = text.indexOf(delimiter, k);
      const rest = end < 0 ? text.slice(k) : text.slice(k, end);
      fields.push(rest.trim() === '' ? value : value + rest);
      if (end < 0) return fields;
      i = end + delimiter.length;
    } else {
      const end = text.indexOf(delimiter, i);
      if (end < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, end));
      i = end + delimiter.length;
    }
  }
}

export interface CsvRecord {
  /** Line the record starts on (1-based). */
  line: number;
  fields: string[];
  /** The record's text as in the file, for previews and messages. */
  raw: string;
}

export type CsvEvent = { record: CsvRecord } | { error: { line: number; message: string } };

/** A quoted field may hold line breaks, but not this many: past it, the quote is taken to be a mistake. */
const MAX_RECORD_LINES = 200;
const MAX_RECORD_CHARS = 1 << 20;

/** Assemble records from consecutive lines, including quoted fields that span lines; blank lines are skipped. */
export class CsvRecordAssembler {
  private pending: { line: number; lines: string[]; chars: number } | null = null;

  constructor(private readonly delimiter: string) {}

  /** Whether a record spanning lines is open (its quote not yet closed). */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Feed the next line; returns the records and errors it completes. */
  push(text: string, line: number, out: CsvEvent[] = []): CsvEvent[] {
    if (this.pending) {
      const p = this.pending;
      p.lines.push(text);
      p.chars += text.length;
      const joined = p.lines.join('\n');
      const fields = splitCsvLine(joined, this.delimiter);
      if (fields) {
        this.pending = null;
        out.push({ record: { line: p.line, fields, raw: joined } });
      } else if (p.lines.length > MAX_RECORD_LINES || p.chars > MAX_RECORD_CHARS) {
        this.pending = null;
        out.push({ error: { line: p.line, message: 'a quote opened on this line is never closed; the line was skipped' } });
        // Read the lines that followed afresh, as if the stray quote had not been there.
        p.lines.slice(1).forEach((l, i) => this.push(l, p.line + 1 + i, out));
      }
      return out;
    }
    if (text.trim() === '') return out;
    const fields = splitCsvLine(text, this.delimiter);
    if (fields) out.push({ record: { line, fields, raw: text } });
    else this.pending = { line, lines: [text], chars: text.length };
    return out;
  }

  /** At the end of the file: an unclosed quote is an error on the line that opened it. */
  end(out: CsvEvent[] = []): CsvEvent[] {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      out.push({ error: { line: p.line, message: 'a quote opened on this line is never closed before the end of the file; the line was skipped' } });
      p.lines.slice(1).forEach((l, i) => this.push(l, p.line + 1 + i, out));
      if (this.pending) this.end(out);
    }
    return out;
  }
}

/**
 * Guess the delimiter from the first lines: the candidate that splits most of them into the same number
 * (≥ 2) of fields. The most common count rules, not the first line's, so a title line before the header
 * (`History: /B7/CH1_kW`, as Niagara exports start) does not hide the delimiter.
 */
export function detectDelimiter(lines: readonly string[]): ',' | ';' | '\t' | null {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 20);
  let best: ',' | ';' | '\t' | null = null;
  let bestScore = 0;
  for (const d of [',', ';', '\t'] as const) {
    const counts = sample.map((l) => splitCsvLine(l, d)?.length ?? 0).filter((c) => c > 0);
    const mode = modeOf(counts.filter((c) => c >= 2));
    if (mode === null) continue;
    // Consistency first (lines with the common field count), then more fields.
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = consistent * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** The most common value (the larger on a tie), or null for none. */
export function modeOf(values: readonly number[]): number | null {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let mode: number | null = null;
  let count = 0;
  for (const [v, c] of tally) if (c > count || (c === count && mode !== null && v > mode)) [mode, count] = [v, c];
  return mode;
}
