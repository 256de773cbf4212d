/**
 * Reading the series keys InfluxDB 1.x lists in `SHOW SERIES` (`cpu,host=a\ b,region=eu`). 1.x escapes
 * `,` and space in the measurement and `,` `=` space in tags with a backslash, and never escapes the
 * backslash itself. Its own parser treats a separator as escaped when a backslash precedes it, and
 * unescapes left to right only `\,` `\ ` `\=` (`\"` too); this reader does the same, so a name comes back
 * as the server holds it (line-protocol.ts refuses to write the few names this cannot tell apart).
 */

export interface ListedSeries {
  measurement: string;
  tags: Record<string, string>;
}

/** Split at separators not preceded by a backslash. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === sep && text[i - 1] !== '\\') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unescape(text: string, chars: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && chars.includes(next)) {
      out += next;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Parse one SHOW SERIES key; undefined when it is not a well-formed key. */
export function parseListedSeriesKey(key: string): ListedSeries | undefined {
  const parts = splitUnescaped(key, ',');
  const measurement = unescape(parts[0] ?? '', ', ');
  if (measurement === '') return undefined;
  const tags: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const kv = splitUnescaped(part, '=');
    if (kv.length !== 2) return undefined;
    const k = unescape(kv[0] as string, ',= ');
    const v = unescape(kv[1] as string, ',= ');
    if (k === '' || v === '') return undefined;
    tags[k] = v;
  }
  return { measurement, tags };
}
