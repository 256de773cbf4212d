/**
 * Just enough of a Flux engine, for tests, to answer the queries flux-text.ts builds from an in-memory
 * bucket with InfluxDB's semantics and annotated-CSV output: `range` (start inclusive, stop exclusive,
 * nanosecond stops), the series filter (a series with extra tags matches too, as in Flux),
 * `aggregateWindow` (windows at k·every + offset, independent of windowLayout), `last()`, `limit(n)`.
 * Anything else is an error, so a change in the query text is noticed.
 */

export interface FakeSeries {
  measurement: string;
  tags: Record<string, string>;
  field: string;
  /** Sorted by time. */
  t: number[];
  v: (number | string)[];
}

const LIT = String.raw`"(?:[^"\\]|\\.)*"`;

/** Decode a Flux string literal (the escapes the client writes). */
export function decodeLiteral(lit: string): string {
  const body = lit.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

/** Epoch ms of `time(v: "...")` plus whether nanoseconds beyond the millisecond were given. */
function timeArg(text: string, name: 'start' | 'stop'): { ms: number; extraNs: boolean } | undefined {
  const m = new RegExp(`${name}: time\\(v: (${LIT})\\)`).exec(text);
  if (!m) return undefined;
  const iso = decodeLiteral(m[1] as string);
  const frac = /\.(\d+)Z$/.exec(iso)?.[1] ?? '';
  return { ms: Date.parse(iso.replace(/\.(\d{3})\d*Z$/, '.$1Z')), extraNs: /[1-9]/.test(frac.slice(3)) };
}

interface Predicate {
  measurement: string;
  field: string;
  tags: Record<string, string>;
}

function predicates(text: string): Predicate[] | undefined {
  if (!text.includes('filter(')) return undefined;
  const group = new RegExp(String.raw`\(r\._measurement == (${LIT}) and r\._field == (${LIT})((?: and r\[${LIT}\] == ${LIT})*)\)`, 'g');
  const tag = new RegExp(String.raw`r\[(${LIT})\] == (${LIT})`, 'g');
  const out: Predicate[] = [];
  for (const m of text.matchAll(group)) {
    const tags: Record<string, string> = {};
    for (const t of (m[3] ?? '').matchAll(tag)) tags[decodeLiteral(t[1] as string)] = decodeLiteral(t[2] as string);
    out.push({ measurement: decodeLiteral(m[1] as string), field: decodeLiteral(m[2] as string), tags });
  }
  if (out.length === 0) throw new Error(`fake Flux: unreadable filter in\n${text}`);
  return out;
}

function matches(s: FakeSeries, preds: Predicate[] | undefined): boolean {
  if (!preds) return true;
  return preds.some((p) => p.measurement === s.measurement && p.field === s.field && Object.entries(p.tags).every(([k, v]) => s.tags[k] === v));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

interface OutRow {
  t?: number;
  v: number | string;
}

/** One table of annotated CSV for one series, columns as InfluxDB orders them. */
function table(result: string, index: number, s: FakeSeries, rows: OutRow[], valueType: string, withTime: boolean): string {
  const tagKeys = Object.keys(s.tags).sort();
  const cols = [...(withTime ? ['_time'] : []), '_value', '_field', '_measurement', ...tagKeys];
  const types = [...(withTime ? ['dateTime:RFC3339'] : []), valueType, 'string', 'string', ...tagKeys.map(() => 'string')];
  const groups = [...(withTime ? ['false'] : []), 'false', 'true', 'true', ...tagKeys.map(() => 'true')];
  const lines = [
    `#datatype,string,long,${types.join(',')}`,
    `#group,false,false,${groups.join(',')}`,
    `#default,${result},,${cols.map(() => '').join(',')}`,
    `,result,table,${cols.map(csvCell).join(',')}`,
  ];
  for (const r of rows) {
    const cells = [...(withTime ? [iso(r.t as number)] : []), String(r.v), s.field, s.measurement, ...tagKeys.map((k) => s.tags[k] as string)];
    lines.push(`,,${index},${cells.map(csvCell).join(',')}`);
  }
  return lines.join('\r\n');
}

function aggregate(fn: string, values: number[]): number {
  switch (fn) {
    case 'min':
      return values.reduce((a, b) => (b < a ? b : a));
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a));
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'first':
      return values[0] as number;
    case 'last':
      return values[values.length - 1] as number;
    case 'count':
      return values.length;
    default:
      throw new Error(`fake Flux: no aggregate ${fn}`);
  }
}

/** Answer one query (possibly several yields) from the bucket, as annotated CSV. */
export function runFakeFlux(query: string, bucket: string, data: readonly FakeSeries[]): string {
  const blocks: string[] = [];
  let tableIndex = 0;
  for (const branch of query.split(/\n\s*\n/)) {
    const from = new RegExp(`from\\(bucket: (${LIT})\\)`).exec(branch);
    if (!from || decodeLiteral(from[1] as string) !== bucket) throw new Error(`fake Flux: unknown bucket in\n${branch}`);
    const start = timeArg(branch, 'start');
    const stop = timeArg(branch, 'stop');
    if (!start) throw new Error(`fake Flux: no range start in\n${branch}`);
    const inRange = (t: number): boolean => t >= start.ms && (!stop || t < stop.ms || (stop.extraNs && t === stop.ms));
    const preds = predicates(branch);
    const agg = /aggregateWindow\(every: (\d+)ms, offset: (\d+)ms, fn: (\w+), createEmpty: false, timeSrc: "_start"\)/.exec(branch);
    const result = decodeLiteral(new RegExp(`yield\\(name: (${LIT})\\)`).exec(branch)?.[1] ?? '"_result"');
    const limit = /limit\(n: (\d+)\)/.exec(branch);
    const last = /\|> last\(\)/.test(branch);
    for (const s of data) {
      if (!matches(s, preds)) continue;
      const idx: number[] = [];
      for (let i = 0; i < s.t.length; i++) if (inRange(s.t[i] as number)) idx.push(i);
      if (idx.length === 0) continue;
      const isText = typeof s.v[0] === 'string';
      let rows: OutRow[];
      let type = isText ? 'string' : 'double';
      if (agg) {
        const [every, offset, fn] = [Number(agg[1]), Number(agg[2]), agg[3] as string];
        const byWindow = new Map<number, number[]>();
        for (const i of idx) {
          const t = s.t[i] as number;
          const w = Math.floor((t - offset) / every) * every + offset;
          const list = byWindow.get(w);
          if (list) list.push(s.v[i] as number);
          else byWindow.set(w, [s.v[i] as number]);
        }
        // timeSrc "_start": a window's start, clipped to the range start.
        rows = [...byWindow].map(([w, vs]) => ({ t: Math.max(w, start.ms), v: aggregate(fn, vs) }));
        if (fn === 'count') type = 'long';
      } else if (last) {
        const i = idx[idx.length - 1] as number;
        rows = [{ t: s.t[i] as number, v: s.v[i] as number | string }];
      } else if (limit) {
        rows = idx.slice(0, Number(limit[1])).map((i) => ({ t: s.t[i] as number, v: s.v[i] as number | string }));
      } else {
        throw new Error(`fake Flux: no known operation in\n${branch}`);
      }
      const withTime = !/drop\(columns: \[[^\]]*"_time"/.test(branch);
      blocks.push(table(result, tableIndex++, s, rows, type, withTime));
    }
  }
  return blocks.length === 0 ? '\r\n' : `${blocks.join('\r\n\r\n')}\r\n\r\n`;
}

/** Split at unescaped separators; `\` before one of `escapable` makes it literal, any other backslash stays. */
function splitEscaped(text: string, separators: string, escapable: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && escapable.includes(next)) {
      cur += next;
      i++;
    } else if (separators.includes(c)) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

const seriesIds = new WeakMap<FakeSeries, string>();

/** Store line protocol (float fields, ms timestamps, as the app's serializer writes it) in the fake bucket. */
export function ingestLineProtocol(body: string, data: FakeSeries[]): number {
  let n = 0;
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const [head = '', fieldsText = '', ts = ''] = splitKeepingEscapes(line, ' ');
    const [measurementText = '', ...tagPairs] = splitKeepingEscapes(head, ',');
    const measurement = splitEscaped(measurementText, '', ', ')[0] ?? '';
    const tags: Record<string, string> = {};
    for (const pair of tagPairs) {
      const [k = '', v = ''] = splitEscaped(pair, '=', ', =');
      tags[k] = v;
    }
    for (const f of splitKeepingEscapes(fieldsText, ',')) {
      const [field = '', value = ''] = splitEscaped(f, '=', ', =');
      const id = JSON.stringify([measurement, field, Object.entries(tags).sort()]);
      let s = data.find((d) => seriesIds.get(d) === id);
      if (!s) {
        s = { measurement, tags, field, t: [], v: [] };
        seriesIds.set(s, id);
        data.push(s);
      }
      const t = Number(ts);
      let i = s.t.length;
      while (i > 0 && (s.t[i - 1] as number) > t) i--;
      if (s.t[i - 1] === t) s.v[i - 1] = Number(value);
      else {
        s.t.splice(i, 0, t);
        s.v.splice(i, 0, Number(value));
      }
      n++;
    }
  }
  return n;
}

/** Split at an unescaped separator, leaving escapes in place so each part can be split again. */
function splitKeepingEscapes(line: string, separator: string): string[] {
  const sections: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\' && line[i + 1] !== undefined && ', ='.includes(line[i + 1] as string)) {
      cur += c + (line[i + 1] as string);
      i++;
    } else if (c === separator) {
      sections.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  sections.push(cur);
  return sections;
}
