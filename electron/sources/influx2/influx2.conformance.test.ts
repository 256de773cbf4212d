import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalStore } from '../local/local-store';
import { SourceChanges } from '../layers/source-changes';
import { RollupCache } from '../rollup/rollup-cache';
import { DATA_TO, DAY } from '../testing/conformance-data';
import { describeSourceConformance, type ConformanceSubject } from '../testing/source-conformance';
import { startFakeInflux2 } from './fake-influx2-server';
import { ingestLineProtocol, runFakeFlux, type FakeSeries } from './fake-flux-engine';
import { Influx2Source } from './influx2-source';
import { influx2TestEnv, openTestBucket } from './influx2-test-bucket';

/**
 * The Flux source through the conformance suite: against the local fake of the 2.x HTTP API (real annotated
 * CSV, a small Flux engine), with the rollup layer over it, and against a real InfluxDB 2.x / Cloud / 1.8+
 * when INFLUX2_URL, INFLUX2_TOKEN and INFLUX2_ORG are set (in a temporary bucket).
 */

const NOW = DATA_TO + 30 * DAY;

async function fakeSubject(points: Parameters<Influx2Source['write']>[0]) {
  const fake = await startFakeInflux2();
  const bucket: FakeSeries[] = [];
  fake.onWrite = (body) => (ingestLineProtocol(body, bucket), { status: 204 });
  fake.onQuery = (q) => ({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: runFakeFlux(q, 'plant', bucket) });
  const source = new Influx2Source({ kind: 'influx2', name: 'fake', url: fake.url, org: 'org', bucket: 'plant', token: 'token', timeoutMs: 60_000 });
  const result = await source.write(points);
  if (result.written !== points.length) throw new Error(`the fake took ${result.written} of ${points.length} points`);
  return { source, fake };
}

describeSourceConformance('Influx2Source (fake 2.x server)', async (data) => {
  const { source, fake } = await fakeSubject(data.points);
  return { source, close: async () => (await source.close(), await fake.close()) };
});

describeSourceConformance('RollupSource over the fake 2.x server', async (data): Promise<ConformanceSubject> => {
  const { source, fake } = await fakeSubject(data.points);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-conformance-rollups2-'));
  const store = await LocalStore.open(dir);
  const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: 't', now: () => NOW, recheckEveryMs: 0 });
  const layer = cache.wrap('influx2:fake', source);
  return {
    source: layer,
    settle: () => cache.idle(),
    answersLongRangesFromCache: true,
    close: async () => {
      await cache.close();
      await layer.close();
      await store.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

const env = influx2TestEnv();
const skip =
  'missing' in env
    ? `set ${env.missing.join(', ')} to run it against a real InfluxDB 2.x`
    : env.bucket
      ? 'INFLUX2_BUCKET is set, and the conformance data (fixed series names) would stay in it; unset it to run in a temporary bucket (the token then needs bucket rights)'
      : undefined;

describeSourceConformance(
  'Influx2Source (real InfluxDB 2.x)',
  async (data) => {
    if ('missing' in env) throw new Error('unreachable');
    const bucket = await openTestBucket(env, `c${randomBytes(4).toString('hex')}`);
    const source = new Influx2Source({
      kind: 'influx2',
      name: 'conformance',
      url: env.url,
      org: env.org,
      bucket: bucket.name,
      token: env.token,
      timeoutMs: 120_000,
    });
    const result = await source.write(data.points);
    if (result.written !== data.points.length) throw new Error(`the server took ${result.written} of ${data.points.length} points`);
    // Cloud ingests asynchronously: wait until the count of the main series is all there.
    const main = data.series[0]!;
    for (let waited = 0; ; waited += 1_000) {
      const [w] = await source.windows(
        [main.key],
        { from: main.t[0]!, to: main.t.at(-1)! + 1, width: main.t.at(-1)! + 1 - main.t[0]!, n: 1 },
        { stats: ['count'] },
      );
      if (w?.count[0] === main.t.length) break;
      if (waited > 120_000) throw new Error('the written points did not become readable within 2 minutes');
      await new Promise((r) => setTimeout(r, 1_000));
    }
    return { source, close: async () => (await source.close(), await bucket.drop()) };
  },
  skip === undefined ? {} : { skip },
);
