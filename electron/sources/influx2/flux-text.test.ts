import { describe, expect, it } from 'vitest';
import { formatSeriesKey, parseSeriesKey, type SeriesRef } from '../../../shared/series/series-key';
import { windowLayout } from '../../../shared/series/window-math';
import { catalogQuery, fluxMs, fluxTime, fluxTimeJustAfter, lastAtQuery, rawQuery, seriesFilter, windowOffset, windowsQuery } from './flux-text';

/**
 * A small Flux lexer for the one question that matters: which parts of the query text are string
 * literals. It decodes each literal and fails on an unescaped `${` (interpolation would be code).
 */
function lexStrings(text: string): { skeleton: string; strings: string[] } {
  const strings: string[] = [];
  let skeleton = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch !== '"') {
      skeleton += ch;
      i++;
      continue;
    }
    let value = '';
    i++;
    for (;;) {
      if (i >= text.length) throw new Error(`unterminated string literal in:\n${text}`);
      const c = text[i] as string;
      if (c === '"') break;
      if (c === '$' && text[i + 1] === '{') throw new Error(`string interpolation in a literal at ${i}:\n${text}`);
      if (c === '\\') {
        const e = text[i + 1];
        const decoded = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' }[e ?? ''];
        if (decoded === undefined) throw new Error(`unknown escape \\${e} at ${i}`);
        value += decoded;
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    i++;
    strings.push(value);
    skeleton += '"S"';
  }
  return { skeleton, strings };
}

const HOSTILE = [
  '"',
  '\\',
  '${',
  '${r._value}',
  'a\nb',
  'line\r\nbreak',
  '") |> drop(columns: ["_value"]) |> yield(name: "',
  '" OR 1=1',
  '" or true or "',
  'temp ℃ 温度 🌡',
  '\\"',
  'end\\',
  '$',
  '}',
  '// comment',
  'tab\there',
  '#, =',
];

/** The same structure with plain names: its query text, string literals aside, must be identical. */
function benign(ref: SeriesRef): SeriesRef {
  const tags: Record<string, string> = {};
  Object.keys(ref.tags).forEach((_, i) => (tags[`k${i}`] = `v${i}`));
  return { measurement: 'm', field: 'f', tags };
}

function hostileRefs(): SeriesRef[] {
  return HOSTILE.map((name, i) => ({ measurement: name, field: `${name}f`, tags: { [name]: `${name}v`, [`plain${i}`]: name } }));
}

const layout = windowLayout({ from: Date.UTC(2024, 0, 1, 0, 0, 7, 123), to: Date.UTC(2024, 0, 8) }, 1000);

describe('Flux text: user names are string literals, never syntax', () => {
  const builders: [string, (bucket: string, ref: SeriesRef) => string][] = [
    ['windows', (b, r) => windowsQuery(b, [r], layout, ['min', 'max', 'mean', 'first', 'last', 'count']).toString()],
    ['valueAt', (b, r) => lastAtQuery(b, [r, r], layout.from, layout.to).toString()],
    ['raw', (b, r) => rawQuery(b, r, { from: layout.from, to: layout.to }, 100).toString()],
  ];
  for (const [name, build] of builders) {
    it(`${name}: each hostile name is decoded back from a literal and the query's shape is that of plain names`, () => {
      for (const ref of hostileRefs()) {
        const bucket = ref.measurement;
        const hostile = lexStrings(build(bucket, ref));
        const plain = lexStrings(build('bucket', benign(ref)));
        expect(hostile.skeleton).toBe(plain.skeleton);
        for (const n of [ref.measurement, ref.field, ...Object.keys(ref.tags), ...Object.values(ref.tags)]) expect(hostile.strings).toContain(n);
      }
    });
  }

  it('names pass through a series key and back unchanged before they reach the query', () => {
    for (const ref of hostileRefs()) {
      const back = parseSeriesKey(formatSeriesKey(ref));
      const { strings } = lexStrings(seriesFilter([back]).toString());
      expect(strings).toEqual([ref.measurement, ref.field, ...Object.entries(back.tags).flat()]);
    }
  });

  it('the catalog query carries the bucket as a literal', () => {
    for (const name of HOSTILE) {
      const { skeleton, strings } = lexStrings(catalogQuery(name).toString());
      expect(skeleton).toBe(lexStrings(catalogQuery('b').toString()).skeleton);
      expect(strings[0]).toBe(name);
    }
  });
});

describe('Flux text: windows', () => {
  it('aligns aggregateWindow to the layout start with a non-negative offset and stamps windows with their start', () => {
    const q = windowsQuery('plant', [{ measurement: 'chiller', field: 'kw', tags: { unit: 'CH1' } }], layout, ['mean']).toString();
    expect(layout.width).toBe(Math.ceil((layout.to - layout.from) / 1000));
    const offset = layout.from % layout.width;
    expect(q).toContain(`aggregateWindow(every: ${layout.width}ms, offset: ${offset}ms, fn: mean, createEmpty: false, timeSrc: "_start")`);
    expect(q).toContain('from(bucket: "plant")');
    expect(q).toContain(`range(start: time(v: "${new Date(layout.from).toISOString()}"), stop: time(v: "${new Date(layout.to).toISOString()}"))`);
    expect(q).toContain('filter(fn: (r) => (r._measurement == "chiller" and r._field == "kw" and r["unit"] == "CH1"))');
    expect(q).toContain('yield(name: "mean")');
  });

  it('windows fall where windowLayout puts them: the offset makes from + i·width a Flux window boundary', () => {
    for (const from of [0, 1, 59_999, 1_700_000_000_123, -86_400_001, -1]) {
      const l = windowLayout({ from, to: from + 7 * 86_400_000 + 17 }, 997);
      const off = windowOffset(l);
      expect(off).toBeGreaterThanOrEqual(0);
      expect(off).toBeLessThan(l.width);
      // Flux windows start at k·every + offset for integer k.
      for (const i of [0, 1, l.n - 1]) expect((((l.from + i * l.width - off) % l.width) + l.width) % l.width).toBe(0);
    }
  });

  it('asks only for the requested statistics, one named yield each', () => {
    const q = windowsQuery('b', [{ measurement: 'm', field: 'f', tags: {} }], layout, ['min', 'max', 'min']).toString();
    expect(q.match(/aggregateWindow\(/g)).toHaveLength(2);
    expect(q).toContain('fn: min,');
    expect(q).toContain('fn: max,');
    expect(q).not.toMatch(/fn: (mean|first|last|count)/);
    expect(q).toContain('yield(name: "min")');
    expect(q).toContain('yield(name: "max")');
    // No shared `data = ...` variable: each branch is its own from |> range |> filter so storage can push it down.
    expect(q.match(/from\(bucket: "b"\)/g)).toHaveLength(2);
    expect(q).not.toMatch(/^\s*\w+\s*=/m);
  });
});

describe('Flux text: valueAt, raw, catalog', () => {
  it('valueAt is last() over a range that includes t itself', () => {
    const t = Date.UTC(2024, 5, 1, 12);
    const q = lastAtQuery(
      'b',
      [
        { measurement: 'm', field: 'f', tags: {} },
        { measurement: 'n', field: 'g', tags: { a: 'b' } },
      ],
      t - 3_600_000,
      t,
    ).toString();
    expect(q).toContain('range(start: time(v: "2024-06-01T11:00:00.000Z"), stop: time(v: "2024-06-01T12:00:00.000000001Z"))');
    expect(q).toContain('(r._measurement == "m" and r._field == "f") or (r._measurement == "n" and r._field == "g" and r["a"] == "b")');
    expect(q).toMatch(/\|> last\(\)/);
  });

  it('raw asks for one point more than the limit, so a cut is visible', () => {
    const q = rawQuery('b', { measurement: 'm', field: 'f', tags: {} }, { from: 0, to: 1000 }, 500).toString();
    expect(q).toContain('limit(n: 501)');
    expect(() => rawQuery('b', { measurement: 'm', field: 'f', tags: {} }, { from: 0, to: 1 }, 1.5)).toThrow(RangeError);
  });

  it('the catalog reads one last point per series since 1970', () => {
    const q = catalogQuery('b').toString();
    expect(q).toContain('range(start: time(v: "1970-01-01T00:00:00.000Z"))');
    expect(q).toMatch(/\|> last\(\)/);
  });

  it('times and durations are checked numbers, never text', () => {
    expect(fluxTime(0).toString()).toBe('time(v: "1970-01-01T00:00:00.000Z")');
    expect(fluxTime(-1).toString()).toBe('time(v: "1969-12-31T23:59:59.999Z")');
    expect(fluxTimeJustAfter(1_000).toString()).toBe('time(v: "1970-01-01T00:00:01.000000001Z")');
    expect(fluxMs(60_000).toString()).toBe('60000ms');
    for (const bad of [Number.NaN, 1.5, Number.POSITIVE_INFINITY, 9e15]) expect(() => fluxTime(bad)).toThrow(RangeError);
    expect(() => fluxTime(Date.UTC(10_000, 0, 1))).toThrow(/years/);
    for (const bad of [-1, 0.5, Number.NaN]) expect(() => fluxMs(bad)).toThrow(RangeError);
    expect(() => fluxMs('1ms) |> drop(' as unknown as number)).toThrow(RangeError);
  });
});
