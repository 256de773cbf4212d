/**
 * Reading InfluxDB line protocol, one line at a time:
 *   measurement[,tag=value...] field=value[,field=value...] [timestamp]
 * Measurements escape `,` and space with a backslash; tag keys, tag values and field keys also `=`;
 * string field values are double-quoted with `\"` and `\\`. Numbers: floats, `12i`, `12u`;
 * booleans (t, true, f, false in any of InfluxDB's spellings) become 1 and 0; strings are kept
 * as strings so the importer can report them.
 */
import { parseNumber } from '../../shared/series/parse-number';

export type FieldValue = { kind: 'number'; value: number } | { kind: 'string'; value: string };

export interface LineProtocolPoint {
  /** The measurement and tags as written, which names the same series whenever it repeats. */
  seriesText: string;
  measurement: string;
  tags: Record<string, string>;
  fields: { key: string; value: FieldValue }[];
  /** The timestamp text (an integer in the file's precision), or null when the line has none. */
  timestamp: string | null;
}

export type LineProtocolParse = { ok: true; point: LineProtocolPoint } | { ok: false; error: string };

const TRUE = new Set(['t', 'T', 'true', 'True', 'TRUE']);
const FALSE = new Set(['f', 'F', 'false', 'False', 'FALSE']);

/** Read an escaped name up to one of `stops` (unescaped); returns the name and where it stopped. */
function readName(s: string, i: number, stops: string): { name: string; end: number } {
  let name = '';
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length && (stops.includes(s[i + 1] as string) || s[i + 1] === '\\')) {
      name += s[i + 1];
      i += 2;
      continue;
    }
    if (stops.includes(c)) break;
    name += c;
    i++;
  }
  return { name, end: i };
}

function fail(error: string): LineProtocolParse {
  return { ok: false, error };
}

/** Whether a line is blank or a `#` comment, which line protocol skips. */
export function isLineProtocolComment(line: string): boolean {
  const t = line.trimStart();
  return t === '' || t.startsWith('#');
}

/** Parse one line of line protocol. */
export function parseLineProtocol(line: string): LineProtocolParse {
  const s = line.trimStart();
  const m = readName(s, 0, ', ');
  if (m.name === '') return fail('the measurement name is missing');
  let i = m.end;
  const tags: Record<string, string> = {};
  while (s[i] === ',') {
    const k = readName(s, i + 1, ',= ');
    if (s[k.end] !== '=') return fail(`tag "${k.name}" has no "=value"`);
    const v = readName(s, k.end + 1, ',= ');
    if (k.name === '' || v.name === '') return fail(`a tag key or value is empty near "${s.slice(i, i + 20)}"`);
    if (v.end < s.length && s[v.end] === '=') return fail(`unescaped "=" in the value of tag "${k.name}"`);
    if (Object.prototype.hasOwnProperty.call(tags, k.name)) return fail(`tag "${k.name}" appears twice`);
    tags[k.name] = v.name;
    i = v.end;
  }
  if (s[i] !== ' ') return fail('expected a space and then fields after the measurement and tags');
  const seriesText = s.slice(0, i);
  while (s[i] === ' ') i++;
  const fields: { key: string; value: FieldValue }[] = [];
  for (;;) {
    const k = readName(s, i, ',= ');
    if (s[k.end] !== '=' || k.name === '') return fail(`expected field=value at "${s.slice(i, i + 20)}"`);
    i = k.end + 1;
    let value: FieldValue;
    if (s[i] === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= s.length) return fail(`the string value of field "${k.name}" is never closed`);
        const c = s[j] as string;
        if (c === '\\' && (s[j + 1] === '"' || s[j + 1] === '\\')) {
          text += s[j + 1];
          j += 2;
          continue;
        }
        if (c === '"') break;
        text += c;
        j++;
      }
      value = { kind: 'string', value: text };
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== ' ') j++;
      const text = s.slice(i, j);
      const parsed = parseFieldNumber(text);
      if (parsed === null) return fail(`the value "${text}" of field "${k.name}" is not a number, boolean or quoted string`);
      value = { kind: 'number', value: parsed };
      i = j;
    }
    if (fields.some((f) => f.key === k.name)) return fail(`field "${k.name}" appears twice`);
    fields.push({ key: k.name, value });
    if (s[i] === ',') {
      i++;
      continue;
    }
    break;
  }
  const rest = s.slice(i).trim();
  if (rest === '') return { ok: true, point: { seriesText, measurement: m.name, tags, fields, timestamp: null } };
  if (s[i] !== ' ' || !/^-?\d+$/.test(rest)) return fail(`expected an integer timestamp at the end, found "${rest.slice(0, 30)}"`);
  return { ok: true, point: { seriesText, measurement: m.name, tags, fields, timestamp: rest } };
}

function parseFieldNumber(text: string): number | null {
  if (TRUE.has(text)) return 1;
  if (FALSE.has(text)) return 0;
  if (/^-?\d+i$/.test(text) || /^\d+u$/.test(text)) return Number(text.slice(0, -1));
  const r = parseNumber(text);
  return r.ok && text.trim() === text ? r.value : null;
}
