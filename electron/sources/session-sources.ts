import type { LocalStore } from './local/local-store';
import { SourceChanges } from './layers/source-changes';
import { LOCAL_SOURCE_ID } from './local-source';
import { RollupCache, type RollupCacheOptions } from './rollup/rollup-cache';
import type { FillProgress } from './rollup/rollup-filler';
import { SourceRegistry, type SourceFactories } from './source-registry';
import type { SourceInfo } from '../../shared/api/source-schemas';

/**
 * The sources of a session (app, web host, benchmark): a registry whose sources get the layers, the rollup
 * cache in the local store, and the local store itself, whose commits (writes, imports, the demo seeder) are
 * announced so the caches drop what they touch.
 */
export function sessionSources(o: {
  factories: SourceFactories;
  local: { info: SourceInfo; store: LocalStore };
  /** The tenant the caches are scoped to; a function follows the active tenant. */
  tenant?: string | (() => string);
  /** Told how the background fill of the rollup cache goes (the app sends it to the renderer). */
  onFillProgress?: (p: FillProgress) => void;
  rollups?: Omit<RollupCacheOptions, 'tenant'>;
}): SourceRegistry {
  const tenant = o.tenant ?? 'offline';
  const changes = new SourceChanges();
  const rollups = new RollupCache(o.local.store.rollups, changes, { ...o.rollups, tenant });
  const registry = new SourceRegistry(o.factories, tenant, { changes, rollups });
  registry.add(o.local.info, o.local.store);
  o.local.store.onCommitted((spans) => {
    for (const s of spans) changes.publish({ source: LOCAL_SOURCE_ID, keys: [s.key], from: s.from, to: s.to });
  });
  if (o.onFillProgress) rollups.filler.onProgress(o.onFillProgress);
  return registry;
}
