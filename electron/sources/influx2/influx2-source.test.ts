import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Influx2Profile } from '../../../shared/api/source-schemas';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { csv, startFakeInflux2, type FakeInflux2 } from './fake-influx2-server';
import { runFakeFlux, type FakeSeries } from './fake-flux-engine';
import { Influx2Source } from './influx2-source';

/**
 * The real source against a local HTTP server speaking the InfluxDB 2.x query API: hand-written
 * annotated CSV for the parsing details, and a small Flux engine over in-memory series for behaviour
 * (valueAt's widening lookback, raw limits, the catalog). Windows, valueAt and raw against brute force are
 * in the conformance suite (influx2.conformance.test.ts).
 */

const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let fake: FakeInflux2;
let source: Influx2Source;

function profile(over: Partial<Influx2Profile> = {}): Influx2Profile {
  return { kind: 'influx2', name: 'test', url: fake.url, org: 'plant org', bucket: 'plant', token: 'sekret-token-123', timeoutMs: 5_000, ...over };
}

/** Deterministic irregular points: a few gaps, values with fractions and negatives. */
function series(measurement: string, tags: Record<string, string>, field: string, seed: number, from: number, to: number): FakeSeries {
  let s = seed;
  const rnd = (): number => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
  const t: number[] = [];
  const v: number[] = [];
  for (let x = from; x < to; x += Math.floor(rnd() * 7 * MIN) + 1) {
    if (rnd() < 0.02) x += 6 * HOUR; // a gap
    t.push(x);
    v.push(Math.round((rnd() * 200 - 50) * 1000) / 1000);
  }
  return { measurement, tags, field, t, v };
}

function keyOf(s: FakeSeries): string {
  return formatSeriesKey(s);
}

let bucket: FakeSeries[];

beforeAll(async () => {
  fake = await startFakeInflux2();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  await source?.close();
  fake.requests.length = 0;
  bucket = [];
  fake.onQuery = (q) => ({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: runFakeFlux(q, 'plant', bucket) });
  source = new Influx2Source(profile());
});

describe('windows', () => {
  it('asks only for the requested statistics in one request per series and leaves the others NaN', async () => {
    const kw = series('chiller', { unit: 'CH1' }, 'kw', 4, T0, T0 + DAY);
    bucket = [kw];
    const layout = windowLayout({ from: T0, to: T0 + DAY }, 24);
    const [got] = await source.windows([keyOf(kw)], layout, { stats: ['min', 'count'] });
    const want = aggregateWindows(keyOf(kw), kw.t, kw.v as number[], layout);
    expect(got?.min).toEqual(want.min);
    expect(got?.count).toEqual(want.count);
    expect(got?.mean.every(Number.isNaN)).toBe(true);
    expect(got?.first.every(Number.isNaN)).toBe(true);
    const queries = fake.queries();
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain('fn: min');
    expect(queries[0]).toContain('fn: count');
    expect(queries[0]).not.toMatch(/fn: (max|mean|first|last)\b/);
  });

  it('answers each key as given: unknown series are empty, duplicates and reordered tags share one query', async () => {
    const kw = series('chiller', { plant: 'B7', unit: 'CH1' }, 'kw', 5, T0, T0 + DAY);
    bucket = [kw];
    const layout = windowLayout({ from: T0, to: T0 + DAY }, 10);
    const reordered = 'chiller,unit=CH1,plant=B7#kw';
    const got = await source.windows([reordered, keyOf(kw), 'nothing#here'], layout);
    expect(got.map((w) => w.key)).toEqual([reordered, keyOf(kw), 'nothing#here']);
    expect(got[0]?.t).toEqual(got[1]?.t);
    expect(got[0]?.t.length).toBeGreaterThan(0);
    expect(got[2]?.t).toEqual([]);
    expect(fake.queries()).toHaveLength(2);
  });

  it('sends the query the way the client does: POST with org, token auth, flux type and annotations', async () => {
    bucket = [];
    await source.windows(['m#f'], windowLayout({ from: T0, to: T0 + HOUR }, 4));
    const req = fake.requests.find((r) => r.path === '/api/v2/query');
    expect(req?.method).toBe('POST');
    expect(req?.search.get('org')).toBe('plant org');
    expect(req?.headers.authorization).toBe('Token sekret-token-123');
    const body = JSON.parse(req?.body ?? '{}') as { type?: string; dialect?: { annotations?: string[] } };
    expect(body.type).toBe('flux');
    expect(body.dialect?.annotations).toEqual(['datatype', 'group', 'default']);
  });

  it('reads hand-written annotated CSV: shared table blocks, a block with another schema, defaults, quoted cells, longs', async () => {
    fake.onQuery = () => ({
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: csv(`
#datatype,string,long,dateTime:RFC3339,double,string,string,string
#group,false,false,false,false,true,true,true
#default,min,,,,,,
,result,table,_time,_value,_field,_measurement,unit
,,0,2024-01-01T00:00:00Z,1.5,kw,chiller,"a,""b"""
,,0,2024-01-01T00:20:00Z,-3,kw,chiller,"a,""b"""
,,1,2024-01-01T00:00:00Z,100,kw,chiller,other

#datatype,string,long,dateTime:RFC3339,double,string,string,string,string
#group,false,false,false,false,true,true,true,true
#default,min,,,,,,,
,result,table,_time,_value,_field,_measurement,sensor,unit
,,2,2024-01-01T00:00:00Z,-999,kw,chiller,backup,"a,""b"""

#datatype,string,long,dateTime:RFC3339,long,string,string,string
#group,false,false,false,false,true,true,true
#default,count,,,,,,
,result,table,_time,_value,_field,_measurement,unit
,,3,2024-01-01T00:00:00Z,10,kw,chiller,"a,""b"""
,,3,2024-01-01T00:20:00Z,3,kw,chiller,"a,""b"""
`),
    });
    const key = formatSeriesKey({ measurement: 'chiller', tags: { unit: 'a,"b"' }, field: 'kw' });
    const [got] = await source.windows([key], windowLayout({ from: T0, to: T0 + 30 * MIN }, 3), { stats: ['min', 'count'] });
    expect(got?.t).toEqual([T0, T0 + 20 * MIN]);
    expect(got?.min).toEqual([1.5, -3]);
    expect(got?.count).toEqual([10, 3]);
    expect(got?.max.every(Number.isNaN)).toBe(true);
  });

  it('refuses windows that are not on the requested layout rather than drawing them in the wrong place', async () => {
    fake.onQuery = () => ({
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: csv(`
#datatype,string,long,dateTime:RFC3339,double,string,string
#group,false,false,false,false,true,true
#default,mean,,,,,
,result,table,_time,_value,_field,_measurement
,,0,2024-01-01T00:00:00Z,1.5,f,m
,,0,2024-01-01T00:20:00.5Z,1.5,f,m
`),
    });
    await expect(source.windows(['m#f'], windowLayout({ from: T0, to: T0 + 30 * MIN }, 3), { stats: ['mean'] })).rejects.toMatchObject({
      kind: 'malformed-response',
      message: expect.stringContaining('2024-01-01T00:20:00.500Z'),
    });
  });

  it('reads an empty result (no tables at all) as no windows', async () => {
    for (const body of ['', '\r\n']) {
      fake.onQuery = () => ({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body });
      const [got] = await source.windows(['m#f'], windowLayout({ from: T0, to: T0 + HOUR }, 4));
      expect(got).toEqual({ key: 'm#f', t: [], min: [], max: [], mean: [], first: [], last: [], count: [] });
    }
  });

  it('reports an error table sent after the results started as a source error with the server words', async () => {
    fake.onQuery = () => ({
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: csv(`
#datatype,string,long,dateTime:RFC3339,double,string,string
#group,false,false,false,false,true,true
#default,mean,,,,,
,result,table,_time,_value,_field,_measurement
,,0,2024-01-01T00:00:00Z,1.5,f,m

#datatype,string,string
#group,true,true
#default,,
,error,reference
,"runtime error: memory allocation limit reached: limit 1048576 bytes",
`),
    });
    await expect(source.windows(['m#f'], windowLayout({ from: T0, to: T0 + HOUR }, 4))).rejects.toMatchObject({
      name: 'TwinError',
      kind: 'source-error',
      where: `127.0.0.1:${fake.port}`,
      message: expect.stringContaining('memory allocation limit reached'),
    });
  });

  it('refuses invalid keys and layouts before asking the server', async () => {
    await expect(source.windows(['no field'], windowLayout({ from: T0, to: T0 + HOUR }, 4))).rejects.toMatchObject({
      kind: 'invalid-input',
      where: 'no field',
    });
    await expect(source.windows(['m#f'], { from: T0, to: T0 - 1, width: 10, n: 1 })).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('valueAt', () => {
  const t = T0 + 40 * DAY + 12 * HOUR;
  const point = (measurement: string, times: number[]): FakeSeries => ({
    measurement,
    tags: { unit: 'CH1' },
    field: 'v',
    t: times,
    v: times.map((x) => (x - T0) / 1000),
  });

  it('looks back 1 h, 1 d, 30 d, then from 1970, asking each step only for the series still missing', async () => {
    bucket = [
      point('recent', [t - 2 * HOUR, t - 10 * MIN, t + MIN]),
      point('exact', [t - 5 * MIN, t, t + 1]),
      point('days', [t - 3 * DAY]),
      point('old', [t - 400 * DAY]),
      point('later', [t + 1]),
    ];
    const keys = ['recent', 'exact', 'days', 'old', 'later', 'missing'].map((m) => `${m},unit=CH1#v`);
    const got = await source.valueAt(keys, t);
    expect(got).toEqual([
      { key: keys[0], t: t - 10 * MIN, value: (t - 10 * MIN - T0) / 1000 },
      { key: keys[1], t, value: (t - T0) / 1000 },
      { key: keys[2], t: t - 3 * DAY, value: (t - 3 * DAY - T0) / 1000 },
      { key: keys[3], t: t - 400 * DAY, value: (t - 400 * DAY - T0) / 1000 },
      { key: keys[4], t: null, value: null },
      { key: keys[5], t: null, value: null },
    ]);
    const queries = fake.queries();
    expect(queries).toHaveLength(4);
    const starts = queries.map((q) => /range\(start: time\(v: "([^"]+)"\)/.exec(q)?.[1]);
    expect(starts).toEqual([t - HOUR, t - DAY, t - 30 * DAY, 0].map((x) => new Date(x).toISOString()));
    // Each step asks only for what is still missing.
    expect((queries[0]?.match(/r\._measurement ==/g) ?? []).length).toBe(6);
    expect((queries[2]?.match(/r\._measurement ==/g) ?? []).length).toBe(4);
    expect((queries[3]?.match(/r\._measurement ==/g) ?? []).length).toBe(3);
  });

  it('costs one small query when every series has a point within the hour', async () => {
    bucket = [point('a', [t - MIN]), point('b', [t - 59 * MIN])];
    const got = await source.valueAt(['a,unit=CH1#v', 'b,unit=CH1#v'], t);
    expect(got.map((g) => g.t)).toEqual([t - MIN, t - 59 * MIN]);
    expect(fake.queries()).toHaveLength(1);
  });

  it('is null before the first point and the previous point inside a gap', async () => {
    bucket = [point('gap', [t - 10 * DAY, t + DAY])];
    expect((await source.valueAt(['gap,unit=CH1#v'], t - 11 * DAY))[0]).toMatchObject({ t: null, value: null });
    expect((await source.valueAt(['gap,unit=CH1#v'], t))[0]).toMatchObject({ t: t - 10 * DAY });
  });

  it('ignores a series that only matches because of extra tags', async () => {
    bucket = [{ measurement: 'm', tags: { unit: 'CH1', extra: 'x' }, field: 'v', t: [t - MIN], v: [1] }];
    expect(await source.valueAt(['m,unit=CH1#v'], t)).toEqual([{ key: 'm,unit=CH1#v', t: null, value: null }]);
  });
});

describe('raw', () => {
  it('returns points in [from, to), oldest first, cut at the limit and flagged', async () => {
    const s: FakeSeries = {
      measurement: 'm',
      tags: {},
      field: 'f',
      t: Array.from({ length: 10 }, (_, i) => T0 + i * MIN),
      v: Array.from({ length: 10 }, (_, i) => i * 1.5),
    };
    bucket = [s];
    expect(await source.raw('m#f', { from: T0 + MIN, to: T0 + 9 * MIN }, 100)).toEqual({
      key: 'm#f',
      t: s.t.slice(1, 9),
      v: s.v.slice(1, 9),
      truncated: false,
    });
    expect(await source.raw('m#f', { from: T0, to: T0 + DAY }, 4)).toEqual({ key: 'm#f', t: s.t.slice(0, 4), v: s.v.slice(0, 4), truncated: true });
    expect(await source.raw('m#f', { from: T0, to: T0 + DAY }, 10)).toMatchObject({ truncated: false });
    expect(fake.queries()[1]).toContain('limit(n: 5)');
  });
});
