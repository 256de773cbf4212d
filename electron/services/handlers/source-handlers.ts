import { twinError } from '../../../shared/api/errors';
import type { Handlers } from '../../hosts/dispatch';
import type { SourceRegistry } from '../../sources/source-registry';
import type { DemoData } from '../demo-data';
import type { ImportService } from '../import-service';

type SourceHandlerNames =
  | 'listSources'
  | 'connectSource'
  | 'disconnectSource'
  | 'catalog'
  | 'queryWindows'
  | 'valueAt'
  | 'raw'
  | 'writePoints'
  | 'cancel'
  | 'previewImport'
  | 'importFile'
  | 'demoDataStatus';

/** The data-source half of the contract: thin adapters over the registry, which owns connections. */
export function sourceHandlers(sources: SourceRegistry, imports: ImportService, demo: DemoData): Pick<Handlers, SourceHandlerNames> {
  return {
    listSources: async () => sources.list(),
    connectSource: async ({ profile }) => sources.connect(profile),
    disconnectSource: async ({ source }) => {
      await sources.disconnect(source);
      return {};
    },
    catalog: async ({ source, search, limit }) => {
      const query: { search?: string; limit?: number } = {};
      if (search !== undefined) query.search = search;
      if (limit !== undefined) query.limit = limit;
      return sources.get(source).catalog(query);
    },
    queryWindows: async ({ source, keys, from, to, n, stats, channel }) => sources.windows(source, keys, { from, to }, n, channel, stats),
    valueAt: async ({ source, keys, at, channel }) => {
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await sources.get(source).valueAt(keys, at, signal ? { signal } : {});
      } finally {
        done();
      }
    },
    raw: async ({ source, key, from, to, limit, channel }) => {
      if (to <= from) throw twinError('invalid-input', '"to" must be after "from".');
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await sources.get(source).raw(key, { from, to }, limit, signal ? { signal } : {});
      } finally {
        done();
      }
    },
    writePoints: async ({ source, points }) => {
      try {
        return await sources.get(source).write(points);
      } finally {
        sources.written(source);
      }
    },
    cancel: async ({ channel }) => ({ cancelled: sources.channels.cancel(channel) }),
    previewImport: async ({ paths, options }) => imports.preview(paths, options),
    importFile: async ({ paths, options, channel }) => {
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await imports.importFiles(paths, options, { signal, channel });
      } finally {
        done();
        sources.written('local');
      }
    },
    demoDataStatus: async () => demo.status(),
  };
}
