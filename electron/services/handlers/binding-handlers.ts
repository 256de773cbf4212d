import type { Handlers } from '../../hosts/dispatch';
import type { SourceRegistry } from '../../sources/source-registry';
import { seriesStats } from '../series-stats';

/** What binding suggestions need from a source: per-series stats, computed here next to the data. */
export function bindingHandlers(sources: SourceRegistry): Pick<Handlers, 'seriesStats'> {
  return {
    seriesStats: async ({ source, keys, windowMs, channel }) => {
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await seriesStats(sources.get(source), keys, windowMs, signal ? { signal } : {});
      } finally {
        done();
      }
    },
  };
}
