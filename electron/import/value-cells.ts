/**
 * A value cell read as data: a number, nothing (an empty cell or SQL's NULL), a state that makes a gap
 * (PI's `Shutdown`, a bad-quality word), or text that is neither (a problem with its reason).
 */
import { parseNumber } from '../../shared/series/parse-number';
import { quoteText } from '../../shared/time/quote-text';
import { badState, looksLikeState } from './quality-codes';

export type CellRead = { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'gap'; state: string } | { kind: 'bad'; reason: string };

const EMPTY: CellRead = { kind: 'empty' };

/**
 * A plain decimal (`-12.5`, `1e3`, `.5`) without padding, read by hand; NaN for anything else, which the
 * strict parser then judges. The common cell, so the import's hot path skips the regular expressions.
 */
export function plainDecimal(text: string): number {
  return plainDecimalIn(text, 0, text.length);
}

/** The character code at `k`, or -1 at and past the cell's end. */
function codeAt(text: string, k: number, end: number): number {
  return k < end ? text.charCodeAt(k) : -1;
}

/** `plainDecimal` of the cell `text[start, end)`, read in place. */
export function plainDecimalIn(text: string, start: number, end: number): number {
  let i = start;
  let c = codeAt(text, i, end);
  const negative = c === 45;
  if (c === 45 || c === 43) c = codeAt(text, ++i, end);
  let digits = 0;
  let mantissa = 0;
  let fraction = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    mantissa = mantissa * 10 + (c - 48);
    c = codeAt(text, ++i, end);
  }
  if (c === 46) {
    c = codeAt(text, ++i, end);
    while (c >= 48 && c <= 57) {
      digits++;
      fraction++;
      mantissa = mantissa * 10 + (c - 48);
      c = codeAt(text, ++i, end);
    }
  }
  if (digits === 0) return NaN;
  let exponent = false;
  if (c === 101 || c === 69) {
    exponent = true;
    c = codeAt(text, ++i, end);
    if (c === 45 || c === 43) c = codeAt(text, ++i, end);
    let exp = 0;
    while (c >= 48 && c <= 57) {
      exp++;
      c = codeAt(text, ++i, end);
    }
    if (exp === 0) return NaN;
  }
  if (i !== end) return NaN;
  // Up to 15 digits the mantissa and the power of ten are exact, so one division is correctly rounded:
  // the very double Number() would give, without its slower string path.
  if (!exponent && digits <= 15) {
    const v = fraction === 0 ? mantissa : mantissa / POWERS[fraction]!;
    return negative ? -v : v;
  }
  const v = Number(start === 0 && end === text.length ? text : text.slice(start, end));
  return Number.isFinite(v) ? v : NaN;
}

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A cell as a number: strict decimals, or true/false as 1/0. */
export function parseCell(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  // Only cells starting with t or f can be booleans; the rest go straight to the number parser.
  const c = (text.charCodeAt(0) === 0x20 ? text.trimStart().charCodeAt(0) : text.charCodeAt(0)) | 0x20;
  if (c === 0x74 || c === 0x66) {
    const t = text.trim().toLowerCase();
    if (t === 'true') return { ok: true, value: 1 };
    if (t === 'false') return { ok: true, value: 0 };
  }
  return parseNumber(text);
}

/**
 * Read a value cell. `states`: any name in the cell is a state (PI writes digital states where numbers go);
 * `known`: only known bad words are, and other text is a problem, as a typo in a number would be.
 */
export function readValueCell(text: string, textValues: 'states' | 'known'): CellRead {
  const plain = plainDecimal(text);
  if (plain === plain) return { kind: 'number', value: plain };
  const n = parseCell(text);
  if (n.ok) return { kind: 'number', value: n.value };
  const t = text.trim();
  if (t === '' || t === 'NULL' || t === 'null') return EMPTY;
  const known = badState(t);
  if (known !== null) return { kind: 'gap', state: known };
  if (textValues === 'states' && looksLikeState(t)) return { kind: 'gap', state: t.length > 60 ? `${t.slice(0, 60)}…` : t };
  // The number parser quotes the whole cell; a long one is quoted by its start and length instead.
  return { kind: 'bad', reason: text.length > 60 ? `${quoteText(text)} is not a decimal number` : n.reason };
}
