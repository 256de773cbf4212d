import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChannelAborts } from '../channel-aborts';
import { CancellableSource } from '../layers/cancellable-source';
import { InvalidateOnWriteSource } from '../layers/invalidate-on-write-source';
import { SourceChanges } from '../layers/source-changes';
import { WindowCacheSource } from '../layers/window-cache-source';
import { RollupCache } from '../rollup/rollup-cache';
import { sessionSources } from '../session-sources';
import type { TimeSeriesSource } from '../source';
import { DATA_TO, DAY } from '../testing/conformance-data';
import { describeSourceConformance, type ConformanceSubject } from '../testing/source-conformance';
import { WindowCache } from '../window-cache';
import { LocalStore } from './local-store';

/** The local store, each layer over it, and the whole stack the app uses, through the one conformance suite. */

const NOW = DATA_TO + 30 * DAY;

async function openStore(points: Parameters<LocalStore['write']>[0]): Promise<{ store: LocalStore; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-conformance-'));
  const store = await LocalStore.open(dir);
  const result = await store.write(points);
  if (result.dropped > 0) throw new Error(`conformance data refused: ${result.errors.join('; ')}`);
  return { store, dir };
}

function layer(wrap: (store: LocalStore) => TimeSeriesSource) {
  return async (data: { points: Parameters<LocalStore['write']>[0] }): Promise<ConformanceSubject> => {
    const { store, dir } = await openStore(data.points);
    const source = wrap(store);
    return {
      source,
      close: async () => {
        await source.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}

describeSourceConformance(
  'LocalStore',
  layer((store) => store),
);
describeSourceConformance(
  'CancellableSource over the local store',
  layer((store) => new CancellableSource(store, new ChannelAborts())),
);
describeSourceConformance(
  'WindowCacheSource over the local store',
  layer((store) => new WindowCacheSource(store, new WindowCache(1e9, () => NOW), 't|local', 'local', new SourceChanges())),
);
describeSourceConformance(
  'InvalidateOnWriteSource over the local store',
  layer((store) => new InvalidateOnWriteSource(store, 'local', new SourceChanges())),
);

describeSourceConformance('RollupSource over the local store', async (data) => {
  const { store, dir } = await openStore(data.points);
  const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: 't', now: () => NOW, recheckEveryMs: 0 });
  const source = cache.wrap('local', store);
  return {
    source,
    settle: () => cache.idle(),
    answersLongRangesFromCache: true,
    close: async () => {
      await cache.close();
      await source.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeSourceConformance('every layer over the local store, as the app stacks them', async (data) => {
  const { store, dir } = await openStore(data.points);
  const registry = sessionSources({
    factories: { connect: () => Promise.reject(new Error('no remote sources here')) },
    local: { info: { id: 'local', kind: 'local', name: 'Local store', location: dir, warnings: [] }, store },
    rollups: { now: () => NOW, recheckEveryMs: 0 },
  });
  return {
    source: registry.get('local'),
    settle: () => registry.rollups!.idle(),
    close: async () => {
      await registry.closeAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
