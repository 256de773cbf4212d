import type { Handlers } from '../../hosts/dispatch';
import { runResiduals } from '../../analysis/residual-service';
import type { SourceRegistry } from '../../sources/source-registry';
import type { EventHub } from '../event-hub';

/** The residual-analysis half of the contract: runs on a worker thread, reads through the source layer, reports progress as events. */
export function analysisHandlers(sources: SourceRegistry, events: EventHub, workerFile?: string): Pick<Handlers, 'runResiduals'> {
  return {
    runResiduals: async ({ source, document, model, from, to, write, channel }) => {
      const target = sources.get(source);
      const info = sources.list().find((s) => s.id === source);
      const where = info ? `${info.name} (${info.location})` : source;
      // The channel's signal: `cancel({ channel })`, or a newer run on the same channel, stops this one.
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await runResiduals(
          { document, modelId: model, range: { from, to }, write },
          {
            fetch: (keys, layout, abort) => target.windows(keys, layout, { stats: ['mean'], ...(abort ? { signal: abort } : {}) }),
            source: target,
            where,
            ...(workerFile ? { workerFile } : {}),
          },
          {
            ...(signal ? { signal } : {}),
            onProgress: (stage, fraction, message) => events.emit('residualsProgress', { channel, stage, fraction, message }),
          },
        );
      } finally {
        // The layers announce what a write-back touched, so the caches drop it.
        done();
      }
    },
  };
}
