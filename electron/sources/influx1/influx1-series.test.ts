import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesWindows } from '../../../shared/series/types';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import type { WindowStat } from '../source';
import { Influx1Source } from './influx1-source';
import { DAY, GAPS, HOUR, hourlySeries, lastAtOrBefore, mainSeries, MINUTE, toPoints, YEAR_END, YEAR_START, type Series } from './test-year-series';

/**
 * The InfluxDB 1.x source against a real influxd 1.6 holding a year of minute data with gaps, checked
 * against brute force over the same points: windows (aggregateWindows), valueAt (binary search), raw, catalog.
 */

const MAIN = 'plant,site=B7#kw';
/** Same measurement and tags plus one more tag: exact selection must keep it out of MAIN's answers. */
const SUPERSET = 'plant,site=B7,unit=CH1#kw';
/** Same series as MAIN, another field, written at other instants. */
const OTHER_FIELD = 'plant,site=B7#kw2';

let influxd: Influxd;
let source: Influx1Source;
let main: Series;
let superset: Series;
let otherField: Series;

beforeAll(async () => {
  influxd = await startInfluxd({ databases: ['plant'] });
  source = new Influx1Source({ url: influxd.url, database: 'plant', timeoutMs: 60_000 }, { writeBatchPoints: 20_000, writeConcurrency: 4 });
  main = mainSeries(MAIN);
  // The superset has a point every hour, through MAIN's gaps too, with values far from MAIN's.
  superset = hourlySeries(SUPERSET, 17_000, 1e6, 11);
  otherField = hourlySeries(OTHER_FIELD, 30_000, -5e5, 13);
  const points = [...toPoints(main), ...toPoints(superset), ...toPoints(otherField)];
  const result = await source.write(points);
  expect(result).toEqual({ written: points.length, dropped: 0, errors: [] });
}, 180_000);

afterAll(async () => {
  await source?.close();
  await influxd?.stop();
});

/** Windows equal: times, counts and selectors exactly, means within float tolerance. */
function expectSameWindows(actual: SeriesWindows, expected: SeriesWindows): void {
  expect(actual.key).toBe(expected.key);
  expect(actual.t).toEqual(expected.t);
  expect(actual.count).toEqual(expected.count);
  expect(actual.min).toEqual(expected.min);
  expect(actual.max).toEqual(expected.max);
  expect(actual.first).toEqual(expected.first);
  expect(actual.last).toEqual(expected.last);
  expect(actual.mean.length).toBe(expected.mean.length);
  actual.mean.forEach((m, i) => {
    const e = expected.mean[i] as number;
    expect(Math.abs(m - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  });
}

describe('Influx1Source.windows against brute force', () => {
  const ranges = [
    // Half of it inside the two-hour gap; 3.6 s windows, so most are empty and must be left out.
    { name: '1 h', from: GAPS.twoHours.from - 23 * MINUTE + 456, span: HOUR, n: 1000 },
    { name: '1 h in 7 uneven windows', from: GAPS.twoHours.from - 23 * MINUTE + 456, span: HOUR, n: 7 },
    // Holds the three-day gap.
    { name: '30 d', from: Date.UTC(2023, 2, 1, 0, 0, 0, 123), span: 30 * DAY, n: 1000 },
    { name: '1 y', from: YEAR_START, span: YEAR_END - YEAR_START, n: 1000 },
    { name: '1 y and more, 997 windows', from: YEAR_START - 9 * DAY + 1, span: 380 * DAY, n: 997 },
  ];

  it.each(ranges)('$name: equal per window (min, max, mean, first, last, count), gaps left out', async ({ from, span, n }) => {
    const layout = windowLayout({ from, to: from + span }, n);
    const [got] = await source.windows([MAIN], layout);
    const expected = aggregateWindows(MAIN, main.t, main.v, layout);
    expect(expected.t.length).toBeGreaterThan(0);
    expect(expected.t.length).toBeLessThanOrEqual(layout.n);
    expectSameWindows(got as SeriesWindows, expected);
  });

  it('leaves out the windows inside a gap', async () => {
    const layout = windowLayout({ from: Date.UTC(2023, 2, 1, 0, 0, 0, 123), to: Date.UTC(2023, 2, 31, 0, 0, 0, 123) }, 1000);
    const [got] = await source.windows([MAIN], layout);
    const inside = (got as SeriesWindows).t.filter((t) => t >= GAPS.threeDays.from && t + layout.width <= GAPS.threeDays.to);
    expect(inside).toEqual([]);
    expect((got as SeriesWindows).t.length).toBeLessThan(layout.n - 90);
  });

  it('keeps the superset series and other fields out, and answers them on their own', async () => {
    const layout = windowLayout({ from: YEAR_START, to: YEAR_END }, 365);
    const [a, b, c] = await source.windows([MAIN, SUPERSET, OTHER_FIELD], layout);
    expectSameWindows(a as SeriesWindows, aggregateWindows(MAIN, main.t, main.v, layout));
    expectSameWindows(b as SeriesWindows, aggregateWindows(SUPERSET, superset.t, superset.v, layout));
    expectSameWindows(c as SeriesWindows, aggregateWindows(OTHER_FIELD, otherField.t, otherField.v, layout));
  });

  it.each<[WindowStat[]]>([[['mean']], [['min', 'max']], [['first', 'last', 'count']]])('asks only for %j; the others are NaN', async (stats) => {
    const layout = windowLayout({ from: Date.UTC(2023, 2, 1), to: Date.UTC(2023, 3, 1) }, 500);
    const [got] = await source.windows([MAIN], layout, { stats });
    const full = aggregateWindows(MAIN, main.t, main.v, layout);
    expect(got?.t).toEqual(full.t);
    for (const s of ['min', 'max', 'first', 'last', 'count'] as const) {
      if (stats.includes(s)) expect(got?.[s]).toEqual(full[s]);
      else expect(got?.[s].every(Number.isNaN)).toBe(true);
    }
    if (!stats.includes('mean')) expect(got?.mean.every(Number.isNaN)).toBe(true);
  });

  it('gives empty windows for a series the server does not have', async () => {
    const [got] = await source.windows(['plant,site=B8#kw'], windowLayout({ from: YEAR_START, to: YEAR_END }, 10));
    expect(got).toEqual({ key: 'plant,site=B8#kw', t: [], min: [], max: [], mean: [], first: [], last: [], count: [] });
  });

  it('refuses an invalid series key, naming it', async () => {
    await expect(source.windows(['plant,site#kw'], windowLayout({ from: 0, to: 10 }, 1))).rejects.toMatchObject({
      kind: 'invalid-input',
      where: 'plant,site#kw',
    });
  });
});

describe('Influx1Source.valueAt against the last raw point at or before t', () => {
  const cases = (): { name: string; t: number }[] => [
    { name: 'exactly on a point', t: main.t[200_000] as number },
    { name: 'between two points', t: (main.t[200_000] as number) + 30_000 },
    { name: 'before the first point', t: YEAR_START - 1 },
    { name: 'at the first point', t: YEAR_START },
    { name: 'inside the two-hour gap (past the 1 h step)', t: GAPS.twoHours.from + 90 * MINUTE },
    { name: 'inside the three-day gap (past the 1 d step)', t: GAPS.threeDays.from + 2.5 * DAY },
    { name: 'inside the ten-day gap', t: GAPS.tenDays.to - 1 },
    { name: 'two months after the last point (past every step)', t: YEAR_END + 60 * DAY },
  ];

  it('answers every case like brute force, for the main series and its superset', async () => {
    for (const { name, t } of cases()) {
      const [a, b] = await source.valueAt([MAIN, SUPERSET], t);
      expect({ name, ...a }).toEqual({ name, key: MAIN, ...lastAtOrBefore(main, t) });
      expect({ name, ...b }).toEqual({ name, key: SUPERSET, ...lastAtOrBefore(superset, t) });
    }
  });

  it('answers 200 random instants like brute force', async () => {
    let seed = 5;
    const instants = Array.from({ length: 200 }, () => {
      seed = (seed * 16807) % 2147483647;
      return YEAR_START - DAY + Math.floor((seed / 2147483647) * (YEAR_END - YEAR_START + 2 * DAY));
    });
    const got = await Promise.all(instants.map((t) => source.valueAt([MAIN, OTHER_FIELD], t)));
    got.forEach(([a, c], i) => {
      const t = instants[i] as number;
      expect(a).toEqual({ key: MAIN, ...lastAtOrBefore(main, t) });
      expect(c).toEqual({ key: OTHER_FIELD, ...lastAtOrBefore(otherField, t) });
    });
  });

  it('answers many series in one call, unknown ones with nulls', async () => {
    const keys = [MAIN, 'plant,site=Z#kw', SUPERSET, OTHER_FIELD, 'nothing#here'];
    const t = GAPS.threeDays.from + DAY;
    const got = await source.valueAt(keys, t);
    expect(got.map((g) => g.key)).toEqual(keys);
    expect(got[0]).toEqual({ key: MAIN, ...lastAtOrBefore(main, t) });
    expect(got[1]).toEqual({ key: 'plant,site=Z#kw', t: null, value: null });
    expect(got[2]).toEqual({ key: SUPERSET, ...lastAtOrBefore(superset, t) });
    expect(got[4]).toEqual({ key: 'nothing#here', t: null, value: null });
  });
});

describe('Influx1Source.raw', () => {
  it('returns the points in [from, to), oldest first, without the other field or the superset', async () => {
    const from = Date.UTC(2023, 4, 5, 6, 7, 8, 9);
    const to = from + 6 * HOUR;
    const got = await source.raw(MAIN, { from, to }, 10_000);
    const i0 = main.t.findIndex((t) => t >= from);
    const i1 = main.t.findIndex((t) => t >= to);
    expect(got).toEqual({ key: MAIN, t: main.t.slice(i0, i1), v: main.v.slice(i0, i1), truncated: false });
  });

  it('stops at the limit and says so', async () => {
    const got = await source.raw(MAIN, { from: YEAR_START, to: YEAR_END }, 100);
    expect(got.t).toEqual(main.t.slice(0, 100));
    expect(got.truncated).toBe(true);
  });
});

describe('Influx1Source.catalog', () => {
  it('lists what was written, and only series × numeric fields of their measurement', async () => {
    await influxd.writeRaw('plant', 'plant,site=B7 note="a string field is not a sensor" 1000');
    const entries = await source.catalog();
    const keys = entries.map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining([MAIN, SUPERSET, OTHER_FIELD]));
    // 1.x keeps field keys per measurement: the superset is listed with kw2 as well, nothing more.
    expect(keys).toEqual(['plant,site=B7#kw', 'plant,site=B7#kw2', 'plant,site=B7,unit=CH1#kw', 'plant,site=B7,unit=CH1#kw2']);
    expect(entries.find((e) => e.key === SUPERSET)).toEqual({ key: SUPERSET, measurement: 'plant', field: 'kw', tags: { site: 'B7', unit: 'CH1' } });
  });

  it('searches case-insensitively and limits', async () => {
    expect((await source.catalog({ search: 'ch1' })).map((e) => e.key)).toEqual([SUPERSET, 'plant,site=B7,unit=CH1#kw2']);
    expect((await source.catalog({ search: 'KW2' })).map((e) => e.key)).toEqual([OTHER_FIELD, 'plant,site=B7,unit=CH1#kw2']);
    expect((await source.catalog({ limit: 1 })).map((e) => e.key)).toEqual([MAIN]);
    expect(await source.catalog({ search: 'no such sensor' })).toEqual([]);
  });
});
