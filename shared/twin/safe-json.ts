/**
 * A strict JSON parser for files a user hands us. Unlike JSON.parse it reports the line and column of
 * every error, caps nesting depth, refuses duplicate keys (JSON.parse keeps the last one and silently
 * drops the rest), and refuses `__proto__`, `constructor` and `prototype` keys, which a naive merge
 * further down could use to reach Object.prototype.
 */

import { depthReason, MAX_DOCUMENT_DEPTH, RESERVED_KEYS, reservedKeyReason } from './document-policy';

export interface SafeJsonOptions {
  /** Deepest allowed nesting of objects and arrays; a twin file needs about 6. */
  maxDepth?: number;
}

/** The document policy's depth (document-policy.ts), which saving checks too. */
export const DEFAULT_MAX_DEPTH = MAX_DOCUMENT_DEPTH;

/** A JSON syntax or safety error at a line and column (both 1-based). */
export class SafeJsonError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'SafeJsonError';
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(reason: string, at = this.pos): never {
    const { line, column } = lineAndColumn(this.text, at);
    throw new SafeJsonError(reason, line, column, at);
  }

  /** Fail at the current character; at the end of the text only "unexpected end of file" is worth saying. */
  private unexpected(expected: string): never {
    if (this.pos >= this.text.length) this.fail('unexpected end of file');
    const ch = this.text[this.pos] as string;
    const shown = ch < ' ' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
    return this.fail(`unexpected character "${shown}" ${expected}`);
  }

  skipSpace(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.pos);
  }

  parseDocument(): unknown {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.unexpected('after the end of the JSON value');
    return value;
  }

  private parseValue(): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.parseObject();
    if (c === 91) return this.parseArray();
    if (c === 34) return this.parseString();
    if (c === 45 || (c >= 48 && c <= 57)) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    return this.unexpected('where a value was expected');
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) this.fail(depthReason(this.maxDepth));
  }

  private parseObject(): Record<string, unknown> {
    this.enter();
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34) this.unexpected('where a key in double quotes was expected');
      const keyAt = this.pos;
      const key = this.parseString();
      if (RESERVED_KEYS.has(key)) this.fail(reservedKeyReason(key), keyAt);
      if (Object.prototype.hasOwnProperty.call(out, key)) this.fail(`the key "${key}" appears twice in the same object`, keyAt);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) this.unexpected('where ":" was expected');
      this.pos++;
      this.skipSpace();
      out[key] = this.parseValue();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 125) {
        this.pos++;
        this.depth--;
        return out;
      }
      this.unexpected('where "," or "}" was expected');
    }
  }

  private parseArray(): unknown[] {
    this.enter();
    const out: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      out.push(this.parseValue());
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 93) {
        this.pos++;
        this.depth--;
        return out;
      }
      this.unexpected('where "," or "]" was expected');
    }
  }

  private parseString(): string {
    const t = this.text;
    const start = ++this.pos;
    // Fast path: most strings have no escapes, so one slice does.
    let end = start;
    for (;;) {
      const c = t.charCodeAt(end);
      if (c === 34) {
        this.pos = end + 1;
        return t.slice(start, end);
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) {
        this.pos = end;
        if (Number.isNaN(c)) this.fail('unexpected end of file inside a string', start - 1);
        this.fail('a control character (such as a line break) inside a string; escape it as \\n');
      }
      end++;
    }
    let out = t.slice(start, end);
    this.pos = end;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail('unexpected end of file inside a string', start - 1);
      if (c === 34) {
        this.pos++;
        return out;
      }
      if (c < 32) this.fail('a control character (such as a line break) inside a string; escape it as \\n');
      if (c !== 92) {
        out += t[this.pos];
        this.pos++;
        continue;
      }
      const e = t[this.pos + 1];
      if (e === 'u') {
        const hex = t.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('"\\u" must be followed by four hex digits');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
        continue;
      }
      const decoded = e === undefined ? undefined : ESCAPES[e];
      if (decoded === undefined) this.fail(e === undefined ? 'unexpected end of file inside a string' : `"\\${e}" is not a JSON escape`);
      out += decoded;
      this.pos += 2;
    }
  }

  private parseNumber(): number {
    const t = this.text;
    const start = this.pos;
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = start;
    const found = m.exec(t);
    if (!found || found[0] === '-') this.fail('a malformed number');
    this.pos = start + found[0].length;
    const next = t.charCodeAt(this.pos);
    if ((next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69)
      this.fail('a malformed number (JSON allows no leading zeros and needs digits after "." and "e")');
    const value = Number(found[0]);
    if (!Number.isFinite(value)) this.fail(`the number ${found[0].length > 40 ? `${found[0].slice(0, 40)}…` : found[0]} is too large`, start);
    return value;
  }
}

/** Parse JSON text safely; throws SafeJsonError with the line and column of the first problem. */
export function parseJsonSafe(text: string, options: SafeJsonOptions = {}): unknown {
  // Editors on Windows may prefix a byte-order mark; it is not JSON but is no reason to refuse a file.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new SafeJsonError('the file is empty', 1, 1, 0);
  return new Parser(body, options.maxDepth ?? DEFAULT_MAX_DEPTH).parseDocument();
}
