import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { LocalStore } from '../local/local-store';
import { SourceChanges } from '../layers/source-changes';
import { RollupCache } from '../rollup/rollup-cache';
import { sessionSources } from '../session-sources';
import { DATA_TO, DAY, type ConformanceData } from '../testing/conformance-data';
import { describeSourceConformance } from '../testing/source-conformance';
import { Influx1Source } from './influx1-source';

/**
 * A real influxd 1.6 through the conformance suite: the source itself, the rollup layer over it (buckets in a
 * local store), and the whole stack the app puts around a connected server.
 */

const NOW = DATA_TO + 30 * DAY;
let influxd: Promise<Influxd> | undefined;

/** One influxd for the file, written once; stopped after the last suite. */
function server(data: ConformanceData): Promise<Influxd> {
  influxd ??= (async () => {
    const d = await startInfluxd({ databases: ['conformance'] });
    const writer = new Influx1Source({ url: d.url, database: 'conformance', timeoutMs: 60_000 }, { writeBatchPoints: 20_000 });
    const result = await writer.write(data.points);
    await writer.close();
    if (result.written !== data.points.length) throw new Error(`influxd took ${result.written} of ${data.points.length} points: ${result.errors.join('; ')}`);
    return d;
  })();
  return influxd;
}

afterAll(async () => {
  await (await influxd)?.stop();
}, 60_000);

const source = (d: Influxd) => new Influx1Source({ url: d.url, database: 'conformance', timeoutMs: 60_000 });

describeSourceConformance('Influx1Source (influxd 1.6)', async (data) => {
  const s = source(await server(data));
  return { source: s, close: () => s.close() };
});

describeSourceConformance('RollupSource over influxd 1.6', async (data) => {
  const d = await server(data);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-conformance-rollups-'));
  const store = await LocalStore.open(dir);
  const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: 't', now: () => NOW, recheckEveryMs: 0 });
  const s = cache.wrap('influx1:conformance', source(d));
  return {
    source: s,
    settle: () => cache.idle(),
    answersLongRangesFromCache: true,
    close: async () => {
      await cache.close();
      await s.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeSourceConformance('every layer over influxd 1.6, as the app stacks them', async (data) => {
  const d = await server(data);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-conformance-stack-'));
  const store = await LocalStore.open(dir);
  const registry = sessionSources({
    factories: { connect: async () => ({ source: source(d), warnings: [] }) },
    local: { info: { id: 'local', kind: 'local', name: 'Local store', location: dir, warnings: [] }, store },
    rollups: { now: () => NOW, recheckEveryMs: 0 },
  });
  const info = await registry.connect({ kind: 'influx1', name: 'conformance', url: d.url, database: 'conformance', timeoutMs: 60_000 });
  return {
    source: registry.get(info.id),
    settle: () => registry.rollups!.idle(),
    close: async () => {
      await registry.closeAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
