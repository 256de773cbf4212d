import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesWindows, WindowLayout } from '../../../shared/series/types';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import type { TimeSeriesSource, WindowStat } from '../source';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { chooseLevel } from '../../../shared/series/rollup-math';
import {
  conformanceData,
  DATA_FROM,
  HOSTILE_NAMES,
  DATA_TO,
  DAY,
  GAPS,
  HOUR,
  lastAtOrBefore,
  MAIN,
  MINUTE,
  OTHER_FIELD,
  SPARSE,
  SUPERSET,
  UNKNOWN,
  type ConformanceData,
  type KeyPart,
} from './conformance-data';

/**
 * One behaviour suite every TimeSeriesSource and every layer passes: windows equal a brute-force aggregation
 * of the same points (over the snapped layout when the rollup cache snapped them), on irregular data with
 * gaps; valueAt at the edges; raw; the catalog; and hostile names, as data. A subject that fills a cache in
 * the background says how to wait for it (`settle`), and every window case is then asked again, warm.
 */

export interface ConformanceSubject {
  source: TimeSeriesSource;
  /** Wait for background work (rollup fills), so a second ask is answered from what it filled. */
  settle?: () => Promise<void>;
  /** The subject is the rollup layer itself: once settled, long ranges must come from the cache (not the source). */
  answersLongRangesFromCache?: boolean;
  close(): Promise<void>;
}

export interface ConformanceOptions {
  /** Key parts hostile names are written in (default all four). */
  hostileParts?: readonly KeyPart[];
  /** Relative tolerance of means (sums in another order); default 1e-9. */
  meanTolerance?: number;
  /** Skip with this reason printed (a server that is not configured). */
  skip?: string;
}

/** Windows equal: times, counts and selectors exactly, means within a relative tolerance. */
export function expectSameWindows(actual: SeriesWindows | undefined, expected: SeriesWindows, tolerance = 1e-9, label = expected.key): void {
  expect(actual, label).toBeDefined();
  const a = actual as SeriesWindows;
  expect(a.key, label).toBe(expected.key);
  expect(a.t, label).toEqual(expected.t);
  expect(a.count, label).toEqual(expected.count);
  expect(a.min, label).toEqual(expected.min);
  expect(a.max, label).toEqual(expected.max);
  expect(a.first, label).toEqual(expected.first);
  expect(a.last, label).toEqual(expected.last);
  expect(a.mean.length, label).toBe(expected.mean.length);
  a.mean.forEach((m, i) => {
    const e = expected.mean[i] as number;
    expect(Math.abs(m - e), `${label}: mean of window ${i}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
  });
}

/** The layout a series' windows follow: the snapped one when the rollup cache moved edges. */
export function layoutOf(w: SeriesWindows | undefined, asked: WindowLayout): WindowLayout {
  return w?.snapped ?? asked;
}

const WINDOW_CASES = [
  // Half of it inside the two-hour gap; 3.6 s windows, most empty and left out (short: the source answers).
  { name: '1 h across a gap', from: GAPS.twoHours.from - 23 * MINUTE + 456, span: HOUR, n: 1000 },
  { name: '1 h in 7 uneven windows', from: GAPS.twoHours.from - 23 * MINUTE + 456, span: HOUR, n: 7 },
  // Holds the three-day gap: 43-minute windows (1-minute buckets when cached).
  { name: '30 d', from: Date.UTC(2023, 2, 1, 0, 0, 0, 123), span: 30 * DAY, n: 1000 },
  { name: 'the whole range and more, 997 windows', from: DATA_FROM - 9 * DAY + 1, span: 140 * DAY, n: 997 },
  { name: '100 d in 7 windows', from: DATA_FROM + 12_345, span: 100 * DAY, n: 7 },
];

/** Define the suite for a subject `open` makes (with the conformance data written), closed after. */
export function describeSourceConformance(name: string, open: (data: ConformanceData) => Promise<ConformanceSubject>, options: ConformanceOptions = {}): void {
  if (options.skip) console.log(`[conformance] ${name}: not run: ${options.skip}`);
  describe.skipIf(options.skip !== undefined)(`${name} conformance`, () => {
    const data = conformanceData(options.hostileParts);
    const tolerance = options.meanTolerance ?? 1e-9;
    const byKey = new Map(data.series.map((s) => [s.key, s]));
    const main = byKey.get(MAIN)!;
    let subject: ConformanceSubject;
    const brute = (key: string, layout: WindowLayout) => {
      const s = byKey.get(key) ?? data.hostile.find((h) => h.key === key);
      return aggregateWindows(key, s?.t ?? [], s?.v ?? [], layout);
    };

    beforeAll(async () => {
      subject = await open(data);
    }, 600_000);

    afterAll(async () => {
      await subject?.close();
    }, 120_000);

    it.each(WINDOW_CASES)(
      'windows over $name equal brute force per window, gaps left out, other series kept out (cold and warm)',
      async ({ from, span, n }) => {
        const layout = windowLayout({ from, to: from + span }, n);
        const keys = [MAIN, SUPERSET, OTHER_FIELD, SPARSE, UNKNOWN];
        for (const pass of ['cold', 'warm']) {
          const got = await subject.source.windows(keys, layout);
          expect(got.map((w) => w.key)).toEqual(keys);
          for (const [i, key] of keys.entries()) {
            const l = layoutOf(got[i], layout);
            expectSameWindows(got[i], brute(key, l), tolerance, `${pass} ${key}`);
            expect(got[i]!.t.length).toBeLessThanOrEqual(layout.n);
          }
          expect(got[0]!.t.length).toBeGreaterThan(0);
          if (pass === 'warm' && subject.answersLongRangesFromCache && chooseLevel(layout.width) !== undefined) {
            expect(got[0]!.cache).toMatchObject({ offline: false });
            expect(got[0]!.snapped?.bucket).toBe(chooseLevel(layout.width));
          }
          await subject.settle?.();
        }
      },
    );

    it('leaves out the windows inside a gap', async () => {
      const layout = windowLayout({ from: Date.UTC(2023, 2, 1, 0, 0, 0, 123), to: Date.UTC(2023, 2, 31, 0, 0, 0, 123) }, 1000);
      const [got] = await subject.source.windows([MAIN], layout);
      const width = layoutOf(got, layout).width;
      expect(got!.t.filter((t) => t >= GAPS.threeDays.from && t + width <= GAPS.threeDays.to)).toEqual([]);
      expect(got!.t.length).toBeLessThan(layout.n - 90);
    });

    it.each<[WindowStat[]]>([[['mean']], [['min', 'max']], [['first', 'last', 'count']]])(
      'answers the statistics asked for (%j) like brute force',
      async (stats) => {
        const layout = windowLayout({ from: DATA_FROM + 5 * DAY, to: DATA_FROM + 65 * DAY }, 500);
        const [got] = await subject.source.windows([MAIN], layout, { stats });
        const want = brute(MAIN, layoutOf(got, layout));
        expect(got!.t).toEqual(want.t);
        for (const s of stats) {
          if (s === 'mean') got!.mean.forEach((m, i) => expect(Math.abs(m - want.mean[i]!)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(m))));
          else expect(got![s]).toEqual(want[s]);
        }
      },
    );

    it('answers a key as it was asked, tags in any order, and refuses an invalid key naming it', async () => {
      const layout = windowLayout({ from: DATA_FROM, to: DATA_FROM + DAY }, 10);
      const [a, b] = await subject.source.windows(['plant,unit=CH1,site=B7#kw', SUPERSET], layout);
      expect(a!.key).toBe('plant,unit=CH1,site=B7#kw');
      expect(a!.t).toEqual(b!.t);
      expect(a!.t.length).toBeGreaterThan(0);
      await expect(subject.source.windows(['plant,site#kw'], windowLayout({ from: 0, to: 10 }, 1))).rejects.toMatchObject({
        kind: 'invalid-input',
        where: 'plant,site#kw',
      });
    });

    it('valueAt is the last point at or before t: on a point, between, 1 ms before, at the first, before it, in gaps, after the last', async () => {
      const on = main.t[20_000] as number;
      const instants = [
        on,
        on + 1,
        on - 1,
        main.t[0] as number,
        (main.t[0] as number) - 1,
        DATA_FROM - DAY,
        GAPS.twoHours.from + 90 * MINUTE,
        GAPS.threeDays.from + 2.5 * DAY,
        GAPS.tenDays.to - 1,
        DATA_TO + 60 * DAY,
      ];
      const keys = [MAIN, SUPERSET, OTHER_FIELD, UNKNOWN];
      for (const t of instants) {
        const got = await subject.source.valueAt(keys, t);
        const want = keys.map((key) => ({ key, ...(byKey.has(key) ? lastAtOrBefore(byKey.get(key)!, t) : { t: null, value: null }) }));
        expect({ at: new Date(t).toISOString(), got }).toEqual({ at: new Date(t).toISOString(), got: want });
      }
      let seed = 5;
      for (let k = 0; k < 30; k++) {
        seed = (seed * 16807) % 2147483647;
        const t = DATA_FROM - DAY + Math.floor((seed / 2147483647) * (DATA_TO - DATA_FROM + 2 * DAY));
        const [a, s] = await subject.source.valueAt([MAIN, SPARSE], t);
        expect(a).toEqual({ key: MAIN, ...lastAtOrBefore(main, t) });
        expect(s).toEqual({ key: SPARSE, ...lastAtOrBefore(byKey.get(SPARSE)!, t) });
      }
    });

    it('raw gives [from, to) oldest first, and stops at the limit saying so', async () => {
      const from = Date.UTC(2023, 1, 5, 6, 7, 8, 9);
      const to = from + 6 * HOUR;
      const i0 = main.t.findIndex((t) => t >= from);
      const i1 = main.t.findIndex((t) => t >= to);
      expect(await subject.source.raw(MAIN, { from, to }, 10_000)).toEqual({ key: MAIN, t: main.t.slice(i0, i1), v: main.v.slice(i0, i1), truncated: false });
      expect(await subject.source.raw(MAIN, { from: DATA_FROM, to: DATA_TO }, 100)).toEqual({
        key: MAIN,
        t: main.t.slice(0, 100),
        v: main.v.slice(0, 100),
        truncated: true,
      });
      expect(await subject.source.raw(UNKNOWN, { from, to }, 10)).toMatchObject({ t: [], v: [], truncated: false });
    });

    it('lists every series in the catalog, and searches case-insensitively', async () => {
      const keys = (await subject.source.catalog()).map((e) => e.key);
      expect(keys).toEqual(expect.arrayContaining([...data.series.map((s) => s.key), ...data.hostile.map((h) => h.key)]));
      expect((await subject.source.catalog({ search: 'lchwt' })).map((e) => e.key)).toEqual([SPARSE]);
    });

    it('treats hostile names as data: listed, windowed, valued and read back, each with its own points only', async () => {
      expect(data.hostile.length).toBeGreaterThan(20);
      const listed = new Set((await subject.source.catalog()).map((e) => e.key));
      const layout = windowLayout({ from: DATA_FROM, to: DATA_FROM + 10 * MINUTE }, 5);
      const keys = data.hostile.map((h) => h.key);
      const windows = await subject.source.windows(keys, layout);
      const values = await subject.source.valueAt(keys, DATA_FROM + 3 * MINUTE + 1);
      for (const [i, h] of data.hostile.entries()) {
        const label = `${h.part} ${JSON.stringify(h.name)}`;
        expect(listed.has(h.key), label).toBe(true);
        expectSameWindows(windows[i], brute(h.key, layoutOf(windows[i], layout)), tolerance, label);
        expect(values[i], label).toEqual({ key: h.key, t: DATA_FROM + 3 * MINUTE, value: h.v[3] });
        const raw = await subject.source.raw(h.key, { from: DATA_FROM, to: DATA_FROM + 3 * MINUTE }, 100);
        expect(raw, label).toEqual({ key: h.key, t: h.t.slice(0, 3), v: h.v.slice(0, 3), truncated: false });
      }
      // Hostile names of series that do not exist are data too: empty answers, no error.
      const absent = HOSTILE_NAMES.map((name) => formatSeriesKey({ measurement: 'canary', tags: { site: name }, field: 'kw' }));
      expect((await subject.source.windows(absent, layout)).every((w) => w.t.length === 0)).toBe(true);
      expect((await subject.source.valueAt(absent, DATA_FROM + MINUTE)).every((v) => v.value === null)).toBe(true);
    });
  });
}
