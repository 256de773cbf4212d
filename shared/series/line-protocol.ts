import { TwinError } from '../api/errors';
import { parseSeriesKey } from './series-key';
import type { WritePoint } from './types';
import type { WriteRecord } from './write-record';

/**
 * The one line-protocol serializer. Its escaping was determined against a real InfluxDB 1.6
 * (electron/sources/influx1/line-protocol-influxd.test.ts writes every rule below and reads it back):
 *
 * - 1.x has no escape for the backslash itself: `\\` is stored as two backslashes. So backslashes are
 *   written as they are, and only the separators are escaped: `,` and space in measurements; `,`, `=` and
 *   space in tag keys, tag values and field keys.
 * - A name ending in a backslash would escape the separator after it: rejected.
 * - In measurements and field keys 1.x unescapes `\,` `\ ` `\=` `\"` even where nobody escaped them, so a
 *   backslash followed by one of those characters would lose the backslash: rejected (field keys happen to
 *   keep an even run of backslashes before a separator; refused all the same). Tag keys and values carry
 *   it intact.
 * - A measurement starting with `#` makes the line a comment (silently not written): rejected.
 * - Line breaks cannot be carried by any line protocol: rejected.
 * - A NUL is stored by 1.x but no InfluxQL query can name it (nor a carriage return): rejected.
 */

/** A point that cannot be written, and why; a TwinError of kind `invalid-input` naming the series key. */
export class LineProtocolError extends TwinError {
  constructor(
    message: string,
    readonly index: number,
    key: string,
  ) {
    // A key with control characters is shown quoted, so the message stays on one line.
    const shown = [...key].some((c) => c < ' ') ? JSON.stringify(key) : key;
    super({ kind: 'invalid-input', message: `Point ${index + 1} (${shown}): ${message}`, where: key, details: { index } });
  }
}

/** Timestamp precision of the lines; the server must be told the same (`precision=` on /write). */
export type LinePrecision = 's' | 'ms' | 'us' | 'ns';

type NamePart = 'measurement' | 'tag key' | 'tag value' | 'field key';

const ESCAPED: Record<NamePart, RegExp> = {
  measurement: /[, ]/g,
  'tag key': /[,= ]/g,
  'tag value': /[,= ]/g,
  'field key': /[,= ]/g,
};

/** Characters after which 1.x drops a backslash in this part of a line. */
const UNESCAPED_BY_SERVER: Record<NamePart, RegExp | null> = {
  measurement: /\\[, ="]/,
  'tag key': null,
  'tag value': null,
  'field key': /\\[, ="]/,
};

/** Why 1.x line protocol cannot carry this name intact, or undefined when it can. */
export function lineProtocolNameProblem(name: string, part: NamePart): string | undefined {
  if (/[\r\n]/.test(name)) return `the ${part} ${JSON.stringify(name)} contains a line break, which line protocol cannot carry; rename it without line breaks`;
  if (name.includes('\u0000')) return `the ${part} ${JSON.stringify(name)} contains a NUL character, which no InfluxQL query can name; rename it`;
  if (name.endsWith('\\'))
    return `the ${part} ${JSON.stringify(name)} ends with a backslash, which would escape the separator after it in line protocol; rename it`;
  const lost = UNESCAPED_BY_SERVER[part]?.exec(name);
  if (lost) return `the ${part} ${JSON.stringify(name)} contains ${JSON.stringify(lost[0])}, whose backslash InfluxDB 1.x would drop; rename it`;
  if (part === 'measurement' && name.startsWith('#'))
    return `the measurement ${JSON.stringify(name)} starts with "#", which makes the line a comment in line protocol; rename it`;
  return undefined;
}

function escapeName(name: string, part: NamePart): string {
  return name.replace(ESCAPED[part], (c) => `\\${c}`);
}

const PER_MS: Record<LinePrecision, number> = { s: 1 / 1000, ms: 1, us: 1_000, ns: 1_000_000 };

function timestamp(t: number, precision: LinePrecision): string | undefined {
  if (!Number.isSafeInteger(t)) return undefined;
  if (precision === 'ms') return String(t);
  if (precision === 's') return t % 1000 === 0 ? String(t / 1000) : undefined;
  // Through BigInt so nanoseconds past 2^53 stay exact.
  return (BigInt(t) * BigInt(PER_MS[precision])).toString();
}

/**
 * Serialize points as line protocol, one line per point, timestamps in `precision` (send the same
 * `precision=` to the server). Values are written as floats. Throws LineProtocolError for names line
 * protocol cannot carry, non-finite values, and timestamps that are not whole units of the precision.
 */
export function toLineProtocol(points: readonly WritePoint[], precision: LinePrecision = 'ms'): string[] {
  const lines: string[] = new Array<string>(points.length);
  // Points come in long runs of one series: parse and check each key once.
  const prefixes = new Map<string, string>();
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as WritePoint;
    let prefix = prefixes.get(p.key);
    if (prefix === undefined) {
      prefix = linePrefix(p.key, (message) => {
        throw new LineProtocolError(message, i, String(p.key));
      });
      prefixes.set(p.key, prefix);
    }
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) throw new LineProtocolError(`the value ${String(p.value)} is not a finite number`, i, p.key);
    const ts = timestamp(p.t, precision);
    if (ts === undefined)
      throw new LineProtocolError(`the timestamp ${String(p.t)} is not a whole number of ${precision === 's' ? 'seconds' : 'milliseconds'}`, i, p.key);
    lines[i] = `${prefix}${formatFloat(p.value)} ${ts}`;
  }
  return lines;
}

/** `measurement,tags field=` for a series key, escaped; `fail` is called with the reason it cannot be. */
function linePrefix(key: string, fail: (message: string) => never): string {
  let ref;
  try {
    ref = parseSeriesKey(key);
  } catch (e) {
    return fail((e as Error).message);
  }
  const check = (name: string, part: NamePart): string => {
    const problem = lineProtocolNameProblem(name, part);
    if (problem) fail(problem);
    return escapeName(name, part);
  };
  let prefix = check(ref.measurement, 'measurement');
  for (const [k, v] of Object.entries(ref.tags)) prefix += `,${check(k, 'tag key')}=${check(v, 'tag value')}`;
  return `${prefix} ${check(ref.field, 'field key')}=`;
}

/** A float as line protocol reads it back exactly (shortest round-trip form, always with a decimal mark or exponent). */
export function formatFloat(v: number): string {
  const s = String(v);
  // String() prints integral values below 1e21 without a decimal mark; add one so no reader takes them for integers.
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? `${s}.0` : s;
}

/**
 * Serialize multi-field points with tags, one line each (`measurement,tag=v field=1.0,text="a" ts`), tags in
 * key order, numbers as floats, text quoted with `"` and `\` escaped; the same refusals as `toLineProtocol`.
 */
export function recordsToLineProtocol(records: readonly WriteRecord[], precision: LinePrecision = 'ms'): string[] {
  const lines: string[] = new Array<string>(records.length);
  const prefixes = new Map<string, string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as WriteRecord;
    const where = `${r.measurement}${Object.entries(r.tags)
      .map(([k, v]) => `,${k}=${v}`)
      .join('')}`;
    const fail = (message: string): never => {
      throw new LineProtocolError(message, i, where);
    };
    const tagKeys = Object.keys(r.tags).sort();
    const cacheKey = JSON.stringify([r.measurement, tagKeys.map((k) => [k, r.tags[k]])]);
    let prefix = prefixes.get(cacheKey);
    if (prefix === undefined) {
      prefix = part(r.measurement, 'measurement', fail);
      for (const k of tagKeys) {
        const v = r.tags[k] as string;
        if (k === '' || v === '') fail(`tag ${JSON.stringify(k)} has an empty key or value`);
        prefix += `,${part(k, 'tag key', fail)}=${part(v, 'tag value', fail)}`;
      }
      prefixes.set(cacheKey, prefix);
    }
    const fields = Object.entries(r.fields);
    if (fields.length === 0) fail('the point has no field');
    const body = fields
      .map(([k, v]) => {
        if (typeof v === 'string') {
          if (/[\r\n]/.test(v)) fail(`the text field ${JSON.stringify(k)} holds a line break, which line protocol cannot carry`);
          return `${part(k, 'field key', fail)}="${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
        }
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(`the field ${JSON.stringify(k)} = ${String(v)} is not a finite number`);
        return `${part(k, 'field key', fail)}=${formatFloat(v)}`;
      })
      .join(',');
    const ts = timestamp(r.t, precision);
    if (ts === undefined) fail(`the timestamp ${String(r.t)} is not a whole number of ${precision === 's' ? 'seconds' : 'milliseconds'}`);
    lines[i] = `${prefix} ${body} ${ts}`;
  }
  return lines;
}

function part(name: string, kind: NamePart, fail: (message: string) => never): string {
  const problem = lineProtocolNameProblem(name, kind);
  if (problem) fail(problem);
  return escapeName(name, kind);
}
