import { twinError } from '../../../shared/api/errors';
import type { Handlers } from '../../hosts/dispatch';
import type { RollupCache } from '../../sources/rollup/rollup-cache';
import type { SourceRegistry } from '../../sources/source-registry';

type CacheHandlerNames = 'cacheStats' | 'clearCache' | 'refreshCache' | 'cancelCacheFill';

/** The rollup cache's part of the contract: stats and "clear" for settings, "refresh this range", cancelling the fill. */
export function cacheHandlers(sources: SourceRegistry): Pick<Handlers, CacheHandlerNames> {
  const rollups = (): RollupCache => {
    if (!sources.rollups) throw twinError('unsupported', 'This session has no rollup cache.');
    return sources.rollups;
  };
  return {
    cacheStats: async () => rollups().stats(),
    clearCache: async ({ source }) => (rollups(), sources.clearCaches(source)),
    refreshCache: async ({ source, from, to, keys }) => {
      sources.get(source);
      if (from !== undefined && to !== undefined && to <= from) throw twinError('invalid-input', '"to" must be after "from".');
      const range = from !== undefined || to !== undefined ? { from: from ?? -8.64e15, to: to ?? 8.64e15 } : undefined;
      return rollups().refresh(source, range, keys);
    },
    cancelCacheFill: async () => (await rollups().cancelFill(), {}),
  };
}
