import { describe, expect, it } from 'vitest';
import { parseSeriesKey } from '../../../shared/series/series-key';
import { windowLayout } from '../../../shared/series/window-math';
import { fromTarget, quoteIdentifier, quoteString, timeLiteral } from './influxql-quote';
import { rawStatement } from './raw-query';
import { MAX_EXCLUDED_TAG_KEYS, pickSeries, selectSeries } from './series-selector';
import { chunksByKey, valueAtGroupStatement, valueAtStatement } from './value-at-query';
import { parseWindows, windowOffset, windowsStatement } from './windows-query';

describe('InfluxQL quoting', () => {
  it.each([
    ['plain', '"plain"', "'plain'"],
    ['dou"ble', '"dou\\"ble"', "'dou\"ble'"],
    ["sin'gle", '"sin\'gle"', "'sin\\'gle'"],
    ['back\\slash', '"back\\\\slash"', "'back\\\\slash'"],
    ['\\"', '"\\\\\\""', "'\\\\\"'"],
    ['line\nbreak', '"line\\nbreak"', "'line\\nbreak'"],
    ['" OR 1=1', '"\\" OR 1=1"', "'\" OR 1=1'"],
    ["') |> drop(", '"\') |> drop("', "'\\') |> drop('"],
  ])('%j → %s and %s', (name, ident, literal) => {
    expect(quoteIdentifier(name)).toBe(ident);
    expect(quoteString(name)).toBe(literal);
  });

  it('never leaves a raw line break in query text', () => {
    expect(quoteString('a\nb\nc')).not.toContain('\n');
  });

  it.each(['a\rb', 'a\u0000b'])('refuses %j, which no 1.6 query can hold', (name) => {
    expect(() => quoteIdentifier(name)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    expect(() => quoteString(name)).toThrow(/cannot express/);
  });

  it('qualifies the measurement by database and retention policy only when a policy is set', () => {
    expect(fromTarget('m', 'db', undefined)).toBe('"m"');
    expect(fromTarget('m', 'db', '')).toBe('"m"');
    expect(fromTarget('m', 'd"b', 'one year')).toBe('"d\\"b"."one year"."m"');
  });

  it('writes instants as epoch ms and refuses fractions', () => {
    expect(timeLiteral(-1500)).toBe('-1500ms');
    expect(() => timeLiteral(1.5)).toThrow(RangeError);
  });
});

describe('exact series selection', () => {
  const ref = parseSeriesKey('chiller,plant=B7#kw');

  it('requires the key’s tags and the absence of the measurement’s other tag keys', () => {
    expect(selectSeries(ref, ['plant', 'unit', 'loop'], 'db', undefined)).toEqual({
      from: '"chiller"',
      conditions: [`"plant"::tag = 'B7'`, `"unit"::tag = ''`, `"loop"::tag = ''`],
    });
  });

  it('stops adding exclusions past the cap; pickSeries then filters', () => {
    const many = Array.from({ length: MAX_EXCLUDED_TAG_KEYS + 1 }, (_, i) => `k${i}`);
    expect(selectSeries(ref, ['plant', ...many], 'db', undefined).conditions).toEqual([`"plant"::tag = 'B7'`]);
  });

  it('picks the group whose tags are exactly the key’s and notices tag keys it did not know', () => {
    const groups = [
      { name: 'chiller', tags: { plant: 'B7', unit: 'CH1' }, columns: ['time', 'last'], values: [[1, 10]] },
      { name: 'chiller', tags: { plant: 'B7', unit: '' }, columns: ['time', 'last'], values: [[1, 20]] },
    ];
    expect(pickSeries(groups, ref, ['plant', 'unit'])).toEqual({ match: groups[1], unknownTagKeys: false });
    expect(pickSeries(groups, ref, ['plant'])).toEqual({ match: groups[1], unknownTagKeys: true });
    expect(pickSeries([groups[0] as (typeof groups)[number]], ref, ['plant', 'unit']).match).toBeUndefined();
    expect(pickSeries([{ name: 'chiller', tags: { plant: 'B8' }, columns: [], values: [] }], ref, ['plant']).match).toBeUndefined();
  });
});

describe('statements', () => {
  const ref = parseSeriesKey('chiller,plant=B7#kw');
  const selection = selectSeries(ref, ['plant', 'unit'], 'db', undefined);

  it('windows: only the statistics asked for, aligned to from, no fill', () => {
    const layout = windowLayout({ from: 1_000_123, to: 1_000_123 + 3_600_000 }, 1000);
    expect(windowsStatement(ref, selection, layout, ['mean', 'max'])).toBe(
      `SELECT mean("kw"::field) AS "mean", max("kw"::field) AS "max" FROM "chiller" WHERE "plant"::tag = 'B7' AND "unit"::tag = '' AND time >= 1000123ms AND time < 4600123ms GROUP BY time(3600ms, 2923ms), * fill(none)`,
    );
  });

  it.each([
    [{ from: 0, to: 1000, width: 10, n: 100 }, 0],
    [{ from: 1_700_000_000_123, to: 1_700_000_100_123, width: 100_000, n: 1 }, 123],
    [{ from: -1500, to: 0, width: 1000, n: 2 }, 500],
  ])('window offset puts a boundary at from: %j → %d', (layout, offset) => {
    expect(windowOffset(layout)).toBe(offset);
    expect(Math.abs((layout.from - offset) % layout.width)).toBe(0);
  });

  it('valueAt: inclusive at t, exclusive at the look-back bound, or unbounded', () => {
    expect(valueAtStatement(ref, selection, 10_000, 3_600_000)).toBe(
      `SELECT last("kw"::field) AS "last" FROM "chiller" WHERE "plant"::tag = 'B7' AND "unit"::tag = '' AND time <= 10000ms AND time > -3590000ms GROUP BY *`,
    );
    expect(valueAtStatement(ref, selection, 10_000, null)).toBe(
      `SELECT last("kw"::field) AS "last" FROM "chiller" WHERE "plant"::tag = 'B7' AND "unit"::tag = '' AND time <= 10000ms GROUP BY *`,
    );
  });

  it('valueAt for several series: their selections ORed in one statement, grouped by every tag', () => {
    const other = selectSeries({ measurement: 'chiller', tags: { plant: 'B7', unit: "CH1' OR 1=1" }, field: 'kw' }, ['plant', 'unit'], 'db', undefined);
    expect(valueAtGroupStatement('kw', [selection, other], 10_000, 3_600_000)).toBe(
      `SELECT last("kw"::field) AS "last" FROM "chiller" WHERE (("plant"::tag = 'B7' AND "unit"::tag = '') OR ("plant"::tag = 'B7' AND "unit"::tag = 'CH1\\' OR 1=1')) AND time <= 10000ms AND time > -3590000ms GROUP BY *`,
    );
    // One series: no parentheses; the same selection twice: once.
    expect(valueAtGroupStatement('kw', [selection, selection], 10_000, null)).toBe(valueAtStatement(ref, selection, 10_000, null));
    // A selection of the whole measurement cannot be narrowed by the others.
    const whole = { from: '"chiller"', conditions: [] };
    expect(valueAtGroupStatement('kw', [selection, whole], 10_000, null)).toBe(
      `SELECT last("kw"::field) AS "last" FROM "chiller" WHERE time <= 10000ms GROUP BY *`,
    );
    expect(() => valueAtGroupStatement('kw', [selection, { from: '"pump"', conditions: [] }], 0, null)).toThrow(/different measurements/);
  });

  it('valueAt groups series by measurement and field, in statements of bounded size', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4', 'c1'];
    expect(chunksByKey(items, (s) => s[0] as string, 3)).toEqual([['a1', 'a2', 'a3'], ['a4'], ['b1', 'b2'], ['c1']]);
    expect(chunksByKey([], (s: string) => s, 3)).toEqual([]);
  });

  it('raw: oldest first, one more than the limit', () => {
    expect(rawStatement(ref, selection, { from: 0, to: 10 }, 5)).toBe(
      `SELECT "kw"::field FROM "chiller" WHERE "plant"::tag = 'B7' AND "unit"::tag = '' AND time >= 0ms AND time < 10ms GROUP BY * ORDER BY time ASC LIMIT 6`,
    );
  });

  it('parses windows by column name; missing statistics are NaN; rows outside the layout are dropped', () => {
    const layout = { from: 0, to: 30, width: 10, n: 3 };
    const series = {
      columns: ['time', 'max', 'mean'],
      values: [
        [-10, 1, 1],
        [0, 5, 2.5],
        [10, null, null],
        [20, 7, 6],
        [30, 9, 9],
      ],
    };
    const w = parseWindows('k#f', series, ['max', 'mean'], layout);
    expect(w.t).toEqual([0, 20]);
    expect(w.max).toEqual([5, 7]);
    expect(w.mean).toEqual([2.5, 6]);
    expect(w.min.every(Number.isNaN) && w.count.every(Number.isNaN)).toBe(true);
  });
});
