import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwinError } from '../../shared/api/errors';
import { SIM_SERIES } from '../../shared/sim/sim-series';
import { startInfluxd, type Influxd } from '../testing/influxd';
import { Influx1SeedTarget } from './influx1-seed-target';
import { MemorySeedTarget } from './memory-seed-target';
import { seedDemoData } from './seed';

const ADMIN = { username: 'admin', password: 'adm1n-s33d-pa55' };
let open: Influxd;
let secured: Influxd;

beforeAll(async () => {
  [open, secured] = await Promise.all([startInfluxd({ databases: ['demo'] }), startInfluxd({ auth: ADMIN, databases: ['demo'] })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([open?.stop(), secured?.stop()]);
});

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected seeding to fail');
}

type Series = { name: string; columns: string[]; values: unknown[][] };
function seriesOf(results: unknown[]): Series[] {
  return (results[0] as { series?: Series[] }).series ?? [];
}

describe('seeding an InfluxDB 1.x', () => {
  it('writes every point of every series, names with spaces included, at millisecond precision', async () => {
    const target = new Influx1SeedTarget({ url: open.url, database: 'demo' }, { batchPoints: 20_000, concurrency: 3 });
    const progress: number[] = [];
    const summary = await seedDemoData(target, { days: 2, onProgress: (p) => progress.push(p.daysDone) });
    const reference = new MemorySeedTarget();
    await seedDemoData(reference, { days: 2 });
    expect(progress).toEqual([2]);
    expect(target.written).toBe(summary.points);
    expect(target.dropped).toBe(0);

    const counts = seriesOf(await open.query('SELECT count("value") FROM /.*/', 'demo'));
    expect(counts.map((s) => s.name).sort()).toEqual(SIM_SERIES.map((s) => s.name).sort());
    for (const s of counts) expect(s.values[0]?.[1], s.name).toBe(reference.count(`${SIM_SERIES.find((x) => x.name === s.name)?.key}`));

    for (const name of ['B7 OAT', 'B7.CHLR2.KW', 'LCHWT_2']) {
      const key = SIM_SERIES.find((s) => s.name === name)?.key as string;
      const { t, v } = reference.series(key);
      const last = seriesOf(await open.query(`SELECT "value" FROM "${name}" ORDER BY time DESC LIMIT 1`, 'demo'))[0]?.values[0];
      expect(last, name).toEqual([t[t.length - 1], v[v.length - 1]]);
    }
  }, 120_000);

  it('reports an unknown database with the server’s host:port', async () => {
    const err = await failure(seedDemoData(new Influx1SeedTarget({ url: open.url, database: 'nope' }), { days: 1 }));
    expect(err.kind).toBe('unknown-database');
    expect(err.where).toBe(`127.0.0.1:${open.port}`);
    expect(err.message).toMatch(/"nope"/);
  }, 60_000);

  it('reports refused credentials without repeating the password', async () => {
    const err = await failure(
      seedDemoData(new Influx1SeedTarget({ url: secured.url, database: 'demo', username: 'admin', password: 'wrong-s3cret' }), { days: 1 }),
    );
    expect(err.kind).toBe('unauthorized');
    expect(err.message).not.toContain('wrong-s3cret');
    const ok = new Influx1SeedTarget({ url: secured.url, database: 'demo', ...ADMIN });
    const summary = await seedDemoData(ok, { days: 1 });
    expect(ok.written).toBe(summary.points);
  }, 60_000);
});
