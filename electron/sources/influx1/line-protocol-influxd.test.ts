import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { lineProtocolNameProblem, toLineProtocol } from '../../../shared/series/line-protocol';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { Influx1Source } from './influx1-source';
import { INFLUX1_PRECISION } from './write-batches';
import { quoteIdentifier, quoteString } from './influxql-quote';

/**
 * The line-protocol serializer's escaping rules, proven against a real InfluxDB 1.6: every short name over
 * the troublesome characters is either written and read back intact (listed by the catalog, found by
 * valueAt), or refused by the serializer, and then a naive encoding of it really does not survive.
 */

type Part = 'measurement' | 'tag key' | 'tag value' | 'field key';
const ALPHABET = ['a', '\\', ',', ' ', '=', '"', '#'];

function allNames(maxLength: number): string[] {
  let level = [''];
  const out: string[] = [];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((prefix) => ALPHABET.map((c) => prefix + c));
    out.push(...level);
  }
  return out;
}

const NAMES = allNames(3);

/** A series with the name in one part, and a unique id so each name's point can be told apart. */
function keyFor(part: Part, name: string, id: number): string {
  switch (part) {
    case 'measurement':
      return formatSeriesKey({ measurement: name, tags: { id: String(id) }, field: 'f' });
    case 'tag key':
      // One measurement per name: hundreds of tag keys on one measurement would test query speed, not escaping.
      return formatSeriesKey({ measurement: `tk${id}`, tags: { [name]: `v${id}` }, field: 'f' });
    case 'tag value':
      return formatSeriesKey({ measurement: 'tv', tags: { k: name }, field: 'f' });
    case 'field key':
      return formatSeriesKey({ measurement: 'fk', tags: {}, field: name });
  }
}

/** What the serializer would write if it did not refuse: separators escaped, backslashes as they are. */
function naiveLine(part: Part, name: string, id: number): string {
  const m = (s: string): string => s.replace(/[, ]/g, '\\$&');
  const t = (s: string): string => s.replace(/[,= ]/g, '\\$&');
  switch (part) {
    case 'measurement':
      return `${m(name)},id=${id} f=${id} 1000`;
    case 'tag key':
      return `tk2,${t(name)}=v${id},id=${id} f=${id} 1000`;
    case 'tag value':
      return `tv2,id=${id},k=${t(name)} f=${id} 1000`;
    case 'field key':
      return `fk2,id=${id} ${t(name)}=${id} 1000`;
  }
}

/** The statement that finds the naive write's point under the exact name, if 1.x kept it. */
function naiveProbe(part: Part, name: string, id: number): string {
  const id_ = `"id"::tag = ${quoteString(String(id))}`;
  switch (part) {
    case 'measurement':
      return `SELECT "f"::field FROM ${quoteIdentifier(name)} WHERE ${id_}`;
    case 'tag key':
      return `SELECT "f"::field FROM "tk2" WHERE ${quoteIdentifier(name)}::tag = 'v${id}' AND ${id_}`;
    case 'tag value':
      return `SELECT "f"::field FROM "tv2" WHERE "k"::tag = ${quoteString(name)} AND ${id_}`;
    case 'field key':
      return `SELECT ${quoteIdentifier(name)}::field FROM "fk2" WHERE ${id_}`;
  }
}

let influxd: Influxd;

beforeAll(async () => {
  influxd = await startInfluxd({ databases: ['lp', 'naive'] });
});

afterAll(async () => {
  await influxd?.stop();
});

describe.each<Part>(['measurement', 'tag key', 'tag value', 'field key'])('line protocol against influxd 1.6: names in the %s', (part) => {
  const accepted = NAMES.map((name, id) => ({ name, id })).filter(({ name }) => lineProtocolNameProblem(name, part) === undefined);
  const refused = NAMES.map((name, id) => ({ name, id })).filter(({ name }) => lineProtocolNameProblem(name, part) !== undefined);

  it('writes every accepted name and reads each back intact, as data', async () => {
    expect(accepted.length).toBeGreaterThan(NAMES.length / 2);
    const source = new Influx1Source({ url: influxd.url, database: 'lp', timeoutMs: 30_000 });
    const points = accepted.map(({ name, id }) => ({ key: keyFor(part, name, id), t: 1000, value: id }));
    expect(await source.write(points)).toEqual({ written: points.length, dropped: 0, errors: [] });

    const listed = new Set((await source.catalog()).map((e) => e.key));
    const missing = points.filter((p) => !listed.has(p.key)).map((p) => p.key);
    expect(missing).toEqual([]);

    const values = await source.valueAt(
      points.map((p) => p.key),
      5000,
    );
    const wrong = values.filter((v, i) => v.value !== points[i]?.value || v.t !== 1000).map((v) => v.key);
    expect(wrong).toEqual([]);
    await source.close();
  });

  it('refuses only names that 1.x would not keep: their naive encoding is lost or mangled', async () => {
    expect(refused.length).toBeGreaterThan(0);
    const kept: string[] = [];
    for (const { name, id } of refused) {
      const res = await influxd.writeRaw('naive', naiveLine(part, name, id));
      if (res.status !== 204) continue;
      const [result] = (await influxd.query(naiveProbe(part, name, id), 'naive')) as { series?: unknown[] }[];
      if (result?.series?.length) kept.push(name);
    }
    // In field keys 1.x keeps a backslash before a separator when it is one of an even run (`a\\,b`),
    // and drops it when the run is odd (`a\,b`: 400 or mangled). The serializer refuses both rather than
    // count backslashes; apart from those even runs, everything refused is really lost.
    const unexplained = part === 'field key' ? kept.filter((n) => !/\\\\[, =]/.test(n)) : kept;
    expect(unexplained).toEqual([]);
  });
});

describe('line protocol timestamps and values against influxd 1.6', () => {
  it('lands at the instant given, whatever the precision', async () => {
    const t = 1_700_000_000_000;
    for (const precision of ['s', 'ms', 'us', 'ns'] as const) {
      const [line] = toLineProtocol([{ key: `prec,p=${precision}#f`, t, value: 1 }], precision);
      expect((await influxd.writeRaw('lp', line as string, INFLUX1_PRECISION[precision])).status).toBe(204);
    }
    const [result] = (await influxd.query('SELECT "f" FROM "prec" GROUP BY "p"', 'lp')) as { series: { values: number[][] }[] }[];
    expect(result?.series.map((s) => s.values[0]?.[0])).toEqual([t, t, t, t]);
  });

  it('keeps floats exact, including extremes', async () => {
    const values = [0.1, -2.5e-7, 1e21, 5e-324, Number.MAX_VALUE, -123456789.12345679, 3];
    const source = new Influx1Source({ url: influxd.url, database: 'lp', timeoutMs: 30_000 });
    await source.write(values.map((value, i) => ({ key: 'floats#v', t: i, value })));
    const raw = await source.raw('floats#v', { from: 0, to: 100 }, 100);
    expect(raw.v).toEqual(values);
    await source.close();
  });
});
