import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TwinError } from '../../shared/api/errors';
import { formatFloat } from '../../shared/series/line-protocol';
import { SIM_SERIES } from '../../shared/sim/sim-series';
import type { FakeInflux2 } from '../sources/influx2/fake-influx2-server';
import { startFakeInflux2 } from '../sources/influx2/fake-influx2-server';
import { Influx2SeedTarget } from './influx2-seed-target';
import { MemorySeedTarget } from './memory-seed-target';
import { seedDemoData } from './seed';

// No InfluxDB 2.x can run on these machines: a loopback stand-in records what the seeder sends.
const TOKEN = 'seed-t0ken-s3cret';
let server: FakeInflux2;
let target: Influx2SeedTarget | undefined;

beforeEach(async () => {
  server = await startFakeInflux2();
});
afterEach(async () => {
  target?.close();
  target = undefined;
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected seeding to fail');
}

describe('seeding an InfluxDB 2.x bucket', () => {
  it('posts every point as line protocol to /api/v2/write with the org, bucket, ms precision and token', async () => {
    target = new Influx2SeedTarget({ url: server.url, org: 'plant-co', bucket: 'b7 demo', token: TOKEN });
    const summary = await seedDemoData(target, { days: 1 });
    const writes = server.requests.filter((r) => r.path === '/api/v2/write');
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes) {
      expect(w.search.get('org')).toBe('plant-co');
      expect(w.search.get('bucket')).toBe('b7 demo');
      expect(w.search.get('precision')).toBe('ms');
      expect(w.headers.authorization).toBe(`Token ${TOKEN}`);
    }
    const lines = writes.flatMap((w) => w.body.split('\n'));
    expect(lines).toHaveLength(summary.points);
    expect(target.written).toBe(summary.points);
    const reference = new MemorySeedTarget();
    await seedDemoData(reference, { days: 1 });
    const oat = reference.series(SIM_SERIES.find((s) => s.name === 'B7 OAT')?.key as string);
    expect(lines).toContain(`B7\\ OAT value=${formatFloat(oat.v[0] as number)} ${oat.t[0]}`);
  }, 60_000);

  it('stops on a refused token without repeating it', async () => {
    server.onWrite = () => ({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'unauthorized', message: `unauthorized access for ${TOKEN}` }),
    });
    target = new Influx2SeedTarget({ url: server.url, org: 'plant-co', bucket: 'demo', token: TOKEN });
    const err = await failure(seedDemoData(target, { days: 1 }));
    expect(err.kind).toBe('unauthorized');
    expect(err.message).not.toContain(TOKEN);
  }, 60_000);

  it('counts rejected points and reports them when the seeding ends', async () => {
    let n = 0;
    server.onWrite = () =>
      ++n === 2
        ? {
            status: 422,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: 'unprocessable entity', message: 'partial write: points beyond retention policy dropped=7' }),
          }
        : { status: 204 };
    target = new Influx2SeedTarget({ url: server.url, org: 'plant-co', bucket: 'demo', token: TOKEN });
    const err = await failure(seedDemoData(target, { days: 1 }));
    expect(err.kind).toBe('partial-write');
    expect(err.message).toMatch(/rejected 7/);
    expect(target.dropped).toBe(7);
  }, 60_000);
});
