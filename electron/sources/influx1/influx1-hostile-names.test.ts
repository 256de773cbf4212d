import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { lineProtocolNameProblem } from '../../../shared/series/line-protocol';
import type { WritePoint } from '../../../shared/series/types';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { Influx1Source } from './influx1-source';

/**
 * Names chosen to break queries (quotes, backslashes, separators, InfluxQL and Flux fragments, unicode)
 * are written and listed as data, in every part of a series key, against a real influxd 1.6, and leave the
 * database alone. Windows, valueAt and raw of hostile names are in the conformance suite.
 */

const HOSTILE = [
  'dou"ble',
  "sin'gle",
  'back\\slash',
  'sp ace',
  'com,ma',
  'equ=als',
  'ha#sh',
  'ünïcødé 温度 🌡',
  '" OR 1=1',
  "' OR 1=1 --",
  "') |> drop(",
  '") |> drop(columns: ["_value"])',
  "'; DROP DATABASE hostile; --",
  '"; DROP MEASUREMENT canary; SELECT "',
  '\\" OR 1=1 --',
  "\\' OR '1'='1",
  '/.*/',
  'SELECT * FROM canary',
];

type Part = 'measurement' | 'tag key' | 'tag value' | 'field key';
const PARTS: Part[] = ['measurement', 'tag key', 'tag value', 'field key'];
const CANARY = 'canary,site=B7#kw';

function keyFor(part: Part, name: string): string {
  switch (part) {
    case 'measurement':
      return formatSeriesKey({ measurement: name, tags: { site: 'B7' }, field: 'kw' });
    case 'tag key':
      return formatSeriesKey({ measurement: 'hostile_tag_keys', tags: { [name]: 'v', site: 'B7' }, field: 'kw' });
    case 'tag value':
      return formatSeriesKey({ measurement: 'hostile_tag_values', tags: { site: name }, field: 'kw' });
    case 'field key':
      return formatSeriesKey({ measurement: 'hostile_fields', tags: { site: 'B7' }, field: name });
  }
}

const cases = PARTS.flatMap((part) => HOSTILE.map((name, i) => ({ part, name, key: keyFor(part, name), base: 1000 * (PARTS.indexOf(part) * 100 + i) })));
const writable = cases.filter((c) => lineProtocolNameProblem(c.name, c.part) === undefined);
const T0 = Date.UTC(2024, 0, 1);

function pointsOf(c: { key: string; base: number }): WritePoint[] {
  return Array.from({ length: 10 }, (_, j) => ({ key: c.key, t: T0 + j * 60_000, value: c.base + j * 1.5 }));
}

let influxd: Influxd;
let source: Influx1Source;

beforeAll(async () => {
  influxd = await startInfluxd({ databases: ['hostile'] });
  source = new Influx1Source({ url: influxd.url, database: 'hostile', timeoutMs: 30_000 });
  await source.write([{ key: CANARY, t: T0, value: 42 }]);
  const points = writable.flatMap(pointsOf);
  expect(await source.write(points)).toEqual({ written: points.length, dropped: 0, errors: [] });
});

afterAll(async () => {
  await source?.close();
  await influxd?.stop();
});

describe('hostile names against influxd 1.6', () => {
  it('writes almost all of them; refuses the few 1.x cannot carry, saying why', () => {
    expect(writable.length).toBeGreaterThan(cases.length - 8);
    for (const c of cases.filter((x) => !writable.includes(x))) {
      expect(lineProtocolNameProblem(c.name, c.part)).toMatch(/backslash/);
    }
  });

  it('lists every one in the catalog under its exact key', async () => {
    const listed = new Map((await source.catalog()).map((e) => [e.key, e]));
    for (const c of writable) {
      expect(listed.has(c.key), `${c.part} ${JSON.stringify(c.name)}`).toBe(true);
    }
    const m = listed.get(keyFor('measurement', '" OR 1=1'));
    expect(m).toEqual({ key: keyFor('measurement', '" OR 1=1'), measurement: '" OR 1=1', field: 'kw', tags: { site: 'B7' } });
  });

  it('finds them by search as plain text', async () => {
    const found = await source.catalog({ search: "') |> DROP(" });
    expect(found.map((e) => e.key).sort()).toEqual(
      writable
        .filter((c) => c.name === "') |> drop(")
        .map((c) => c.key)
        .sort(),
    );
  });

  it('left the database and the canary untouched', async () => {
    const dbs = (await influxd.query('SHOW DATABASES')) as { series: { values: string[][] }[] }[];
    expect(dbs[0]?.series[0]?.values.flat()).toContain('hostile');
    expect(await source.valueAt([CANARY], T0 + 1)).toEqual([{ key: CANARY, t: T0, value: 42 }]);
  });

  it('refuses names with line breaks before sending anything, with a clear message', async () => {
    const before = (await source.catalog()).length;
    for (const part of PARTS) {
      const bad = keyFor(part, 'line\nbreak');
      const call = source.write([
        { key: 'fine#kw', t: T0, value: 1 },
        { key: bad, t: T0, value: 2 },
      ]);
      await expect(call).rejects.toMatchObject({ kind: 'invalid-input', where: bad });
      await expect(source.write([{ key: bad, t: T0, value: 2 }])).rejects.toThrow(new RegExp(`Point 1 .*the ${part} "line\\\\nbreak" contains a line break`));
    }
    expect((await source.catalog()).length).toBe(before);
  });
});
