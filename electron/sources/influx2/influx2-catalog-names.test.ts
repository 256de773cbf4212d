import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Influx2Profile } from '../../../shared/api/source-schemas';
import { lineProtocolNameProblem } from '../../../shared/series/line-protocol';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { windowLayout } from '../../../shared/series/window-math';
import { startFakeInflux2, type FakeInflux2 } from './fake-influx2-server';
import { ingestLineProtocol, runFakeFlux, type FakeSeries } from './fake-flux-engine';
import { Influx2Source } from './influx2-source';

/** The catalog, and names chosen to break queries, through the real source and a local 2.x API fake. */

const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let fake: FakeInflux2;
let source: Influx2Source;
let bucket: FakeSeries[];

function keyOf(s: FakeSeries): string {
  return formatSeriesKey(s);
}

beforeAll(async () => {
  fake = await startFakeInflux2();
});

afterAll(async () => {
  await source?.close();
  await fake.close();
});

beforeEach(async () => {
  await source?.close();
  fake.requests.length = 0;
  bucket = [];
  fake.onQuery = (q) => ({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: runFakeFlux(q, 'plant', bucket) });
  const profile: Influx2Profile = {
    kind: 'influx2',
    name: 'test',
    url: fake.url,
    org: 'plant org',
    bucket: 'plant',
    token: 'sekret-token-123',
    timeoutMs: 5_000,
  };
  source = new Influx2Source(profile);
});

describe('catalog', () => {
  beforeEach(() => {
    const one = (measurement: string, tags: Record<string, string>, field: string, v: number | string): FakeSeries => ({
      measurement,
      tags,
      field,
      t: [T0],
      v: [v],
    });
    bucket = [
      one('chiller', { plant: 'B7', unit: 'CH1' }, 'kw', 1),
      one('chiller', { plant: 'B7', unit: 'CH1', sensor: 'backup' }, 'kw', 2),
      one('chiller', { plant: 'B7', unit: 'CH2' }, 'kw', 3),
      one('B7_CH1_KW', {}, 'value', 4),
      one('chiller', { plant: 'B7', unit: 'CH1' }, 'mode', 'cooling'),
    ];
  });

  it('lists every numeric series with its tags, text fields left out', async () => {
    const got = await source.catalog();
    expect(got.map((e) => e.key)).toEqual([
      'B7_CH1_KW#value',
      'chiller,plant=B7,sensor=backup,unit=CH1#kw',
      'chiller,plant=B7,unit=CH1#kw',
      'chiller,plant=B7,unit=CH2#kw',
    ]);
    expect(got[1]).toEqual({
      key: 'chiller,plant=B7,sensor=backup,unit=CH1#kw',
      measurement: 'chiller',
      field: 'kw',
      tags: { plant: 'B7', sensor: 'backup', unit: 'CH1' },
    });
  });

  it('searches key, measurement, field and tag values without regard to case, and stops at the limit', async () => {
    expect((await source.catalog({ search: 'ch1' })).map((e) => e.key)).toEqual([
      'B7_CH1_KW#value',
      'chiller,plant=B7,sensor=backup,unit=CH1#kw',
      'chiller,plant=B7,unit=CH1#kw',
    ]);
    expect((await source.catalog({ search: 'BACKUP' })).map((e) => e.key)).toEqual(['chiller,plant=B7,sensor=backup,unit=CH1#kw']);
    expect(await source.catalog({ limit: 2 })).toHaveLength(2);
    expect(await source.catalog({ search: 'nothing like it' })).toEqual([]);
  });
});

describe('hostile names are data end to end', () => {
  const names = ['"', '\\x', 'a\nb', '") |> drop(columns: ["_value"]) |> yield(name: "', '" OR 1=1', '${r._value}', 'temp ℃ 温度', 'a,b c=d#e'];

  it('are listed, windowed, valued and read back by their keys', async () => {
    bucket = names.map((n, i) => ({ measurement: n, tags: { [n]: n, plain: String(i) }, field: n, t: [T0 + i * MIN, T0 + HOUR], v: [i, i + 0.5] }));
    const listed = await source.catalog();
    const keys = bucket.map(keyOf);
    expect(listed.map((e) => e.key).sort()).toEqual([...keys].sort());
    for (const [i, key] of keys.entries()) {
      const entry = listed.find((e) => e.key === key);
      expect(entry?.measurement).toBe(names[i]);
      const [w] = await source.windows([key], windowLayout({ from: T0, to: T0 + 2 * HOUR }, 2));
      expect(w).toMatchObject({ key, t: [T0, T0 + HOUR], count: [1, 1], first: [i, i + 0.5] });
      expect(await source.valueAt([key], T0 + HOUR)).toEqual([{ key, t: T0 + HOUR, value: i + 0.5 }]);
      expect((await source.raw(key, { from: T0, to: T0 + DAY }, 10)).v).toEqual([i, i + 0.5]);
    }
  });

  it('written through write() and read back through the queries', async () => {
    fake.onWrite = (body) => {
      ingestLineProtocol(body, bucket);
      return { status: 204 };
    };
    const parts = ['measurement', 'tag key', 'tag value', 'field key'] as const;
    const writable = names.filter((n) => parts.every((part) => lineProtocolNameProblem(n, part) === undefined));
    expect(writable.length).toBeGreaterThanOrEqual(names.length - 2);
    const keys = writable.map((n) => formatSeriesKey({ measurement: n, tags: { [n]: n }, field: n }));
    const points = keys.flatMap((key, i) => [0, 1, 2].map((j) => ({ key, t: T0 + j * MIN, value: i * 10 + j })));
    expect(await source.write(points)).toEqual({ written: points.length, dropped: 0, errors: [] });
    expect((await source.catalog()).map((e) => e.key).sort()).toEqual([...keys].sort());
    const got = await source.valueAt(keys, T0 + 2 * MIN);
    expect(got).toEqual(keys.map((key, i) => ({ key, t: T0 + 2 * MIN, value: i * 10 + 2 })));
  });
});
