/**
 * Series keys: a line-protocol series key plus the field, `chiller,plant=B7,unit=CH1#kw`.
 * Commas, spaces, equals signs, `#` and backslashes inside names are escaped with a backslash.
 * Tags are kept sorted by key, so one series has exactly one key.
 */

import { quoteInput } from '../api/quote-input';

export interface SeriesRef {
  measurement: string;
  /** Tag key → tag value. */
  tags: Readonly<Record<string, string>>;
  field: string;
}

export class SeriesKeyError extends Error {
  constructor(
    message: string,
    readonly key: string,
    readonly position: number,
  ) {
    super(`Invalid series key ${quoteInput(key)} at character ${position + 1}: ${message}`);
    this.name = 'SeriesKeyError';
  }
}

const SPECIAL = new Set([',', ' ', '=', '#', '\\']);

/** Escape one name (measurement, tag key, tag value or field) for use inside a series key. */
export function escapeKeyPart(name: string): string {
  let out = '';
  for (const ch of name) out += SPECIAL.has(ch) ? `\\${ch}` : ch;
  return out;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Format a series reference as its canonical key (tags sorted by key). */
export function formatSeriesKey(ref: SeriesRef): string {
  if (ref.measurement === '') throw new SeriesKeyError('the measurement is empty', '', 0);
  if (ref.field === '') throw new SeriesKeyError('the field is empty', '', 0);
  let out = escapeKeyPart(ref.measurement);
  for (const k of Object.keys(ref.tags).sort(compareKeys)) {
    const v = ref.tags[k] ?? '';
    if (k === '' || v === '') throw new SeriesKeyError(`tag ${JSON.stringify(k)} has an empty key or value`, '', 0);
    out += `,${escapeKeyPart(k)}=${escapeKeyPart(v)}`;
  }
  return `${out}#${escapeKeyPart(ref.field)}`;
}

/** Parse a series key; throws SeriesKeyError naming the character where it went wrong. */
export function parseSeriesKey(key: string): SeriesRef {
  // Split into tokens at unescaped separators, remembering which separator ended each token.
  type Token = { text: string; start: number; end: string };
  const tokens: Token[] = [];
  let text = '';
  let start = 0;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i] as string;
    if (ch === '\\') {
      const next = key[i + 1];
      if (next === undefined) throw new SeriesKeyError('a backslash at the end escapes nothing', key, i);
      if (!SPECIAL.has(next)) throw new SeriesKeyError(`"\\${next}" is not an escape (escape only , space = # \\)`, key, i);
      text += next;
      i++;
      continue;
    }
    if (ch === ',' || ch === '=' || ch === '#') {
      tokens.push({ text, start, end: ch });
      text = '';
      start = i + 1;
      continue;
    }
    if (ch === ' ') throw new SeriesKeyError('a space must be escaped as "\\ "', key, i);
    text += ch;
  }
  tokens.push({ text, start, end: '' });

  const first = tokens[0] as Token;
  if (first.text === '') throw new SeriesKeyError('the measurement is empty', key, 0);
  const tags: Record<string, string> = {};
  let i = 1;
  let sep = first.end;
  while (sep === ',') {
    const k = tokens[i];
    const v = tokens[i + 1];
    if (!k || k.end !== '=' || !v) throw new SeriesKeyError('expected tag=value after ","', key, k?.start ?? key.length);
    if (k.text === '') throw new SeriesKeyError('a tag key is empty', key, k.start);
    if (v.text === '') throw new SeriesKeyError(`tag "${k.text}" has an empty value`, key, v.start);
    if (v.end !== ',' && v.end !== '#') throw new SeriesKeyError('expected "," or "#" after a tag value', key, v.start);
    if (Object.prototype.hasOwnProperty.call(tags, k.text)) throw new SeriesKeyError(`tag "${k.text}" appears twice`, key, k.start);
    tags[k.text] = v.text;
    sep = v.end;
    i += 2;
  }
  if (sep !== '#') throw new SeriesKeyError('expected "#field" after the measurement and tags', key, key.length);
  const field = tokens[i];
  if (!field || field.text === '') throw new SeriesKeyError('the field after "#" is empty', key, field?.start ?? key.length);
  if (field.end !== '') throw new SeriesKeyError(`unexpected "${field.end}" in the field (escape it)`, key, field.start + field.text.length);
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(tags).sort(compareKeys)) sorted[k] = tags[k] as string;
  return { measurement: first.text, tags: sorted, field: field.text };
}

/** Whether a string is a valid series key. */
export function isSeriesKey(key: string): boolean {
  try {
    parseSeriesKey(key);
    return true;
  } catch {
    return false;
  }
}

/** The canonical form of a key (tags sorted); throws on an invalid key. */
export function canonicalSeriesKey(key: string): string {
  return formatSeriesKey(parseSeriesKey(key));
}
