import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import type { WindowStat } from '../source';
import { conformanceData, DATA_FROM, DAY, MAIN, OTHER_FIELD, SUPERSET } from '../testing/conformance-data';
import { Influx1Source } from './influx1-source';

/**
 * What is InfluxDB 1.x's own, against a real influxd 1.6: statistics not asked for are not computed (NaN),
 * and the catalog follows 1.x's field keys per measurement. Windows, valueAt, raw and hostile names against
 * brute force are in the conformance suite (influx1.conformance.test.ts).
 */

const data = conformanceData([]);
const main = data.series.find((s) => s.key === MAIN)!;
let influxd: Influxd;
let source: Influx1Source;

beforeAll(async () => {
  influxd = await startInfluxd({ databases: ['plant'] });
  source = new Influx1Source({ url: influxd.url, database: 'plant', timeoutMs: 60_000 }, { writeBatchPoints: 20_000 });
  const points = data.points.filter((p) => [MAIN, SUPERSET, OTHER_FIELD].includes(p.key));
  expect(await source.write(points)).toEqual({ written: points.length, dropped: 0, errors: [] });
}, 180_000);

afterAll(async () => {
  await source?.close();
  await influxd?.stop();
});

describe('Influx1Source.windows', () => {
  it.each<[WindowStat[]]>([[['mean']], [['min', 'max']], [['first', 'last', 'count']]])('asks only for %j; the others are NaN', async (stats) => {
    const layout = windowLayout({ from: DATA_FROM + 20 * DAY, to: DATA_FROM + 50 * DAY }, 500);
    const [got] = await source.windows([MAIN], layout, { stats });
    const full = aggregateWindows(MAIN, main.t, main.v, layout);
    expect(got?.t).toEqual(full.t);
    for (const s of ['min', 'max', 'first', 'last', 'count'] as const) {
      if (stats.includes(s)) expect(got?.[s]).toEqual(full[s]);
      else expect(got?.[s].every(Number.isNaN)).toBe(true);
    }
    if (!stats.includes('mean')) expect(got?.mean.every(Number.isNaN)).toBe(true);
  });
});

describe('Influx1Source.catalog', () => {
  it('lists what was written, and only series × numeric fields of their measurement', async () => {
    await influxd.writeRaw('plant', 'plant,site=B7 note="a string field is not a sensor" 1000');
    const entries = await source.catalog();
    // 1.x keeps field keys per measurement: the superset is listed with kw2 as well, nothing more.
    expect(entries.map((e) => e.key)).toEqual(['plant,site=B7#kw', 'plant,site=B7#kw2', 'plant,site=B7,unit=CH1#kw', 'plant,site=B7,unit=CH1#kw2']);
    expect(entries.find((e) => e.key === SUPERSET)).toEqual({ key: SUPERSET, measurement: 'plant', field: 'kw', tags: { site: 'B7', unit: 'CH1' } });
  });

  it('searches case-insensitively and limits', async () => {
    expect((await source.catalog({ search: 'ch1' })).map((e) => e.key)).toEqual([SUPERSET, 'plant,site=B7,unit=CH1#kw2']);
    expect((await source.catalog({ search: 'KW2' })).map((e) => e.key)).toEqual([OTHER_FIELD, 'plant,site=B7,unit=CH1#kw2']);
    expect((await source.catalog({ limit: 1 })).map((e) => e.key)).toEqual([MAIN]);
    expect(await source.catalog({ search: 'no such sensor' })).toEqual([]);
  });
});
