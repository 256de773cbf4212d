import type { Handlers } from '../../hosts/dispatch';
import type { SourceRegistry } from '../../sources/source-registry';
import { windowsResponse } from '../../sources/windows-response';
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

/**
 * The data-source half of the contract: one-line pass-throughs to the registry's layered sources, which own
 * connections, cancellation (the `channel`), caching and invalidation after writes and imports.
 */
export function sourceHandlers(sources: SourceRegistry, imports: ImportService, demo: DemoData): Pick<Handlers, SourceHandlerNames> {
  return {
    listSources: async () => sources.list(),
    connectSource: async ({ profile }) => sources.connect(profile),
    disconnectSource: async ({ source }) => (await sources.disconnect(source), {}),
    catalog: async ({ source, search, limit }) => sources.get(source).catalog({ search, limit }),
    queryWindows: async ({ source, ...request }) => windowsResponse(sources.get(source), request),
    valueAt: async ({ source, keys, at, channel }) => sources.get(source).valueAt(keys, at, { channel }),
    raw: async ({ source, key, from, to, limit, channel }) => sources.get(source).raw(key, { from, to }, limit, { channel }),
    writePoints: async ({ source, points }) => sources.get(source).write(points),
    cancel: async ({ channel }) => ({ cancelled: sources.channels.cancel(channel) }),
    previewImport: async ({ paths, options }) => imports.preview(paths, options),
    importFile: async ({ paths, options, channel }) => {
      const { signal, done } = sources.channels.begin(channel);
      try {
        return await imports.importFiles(paths, options, { signal, channel });
      } finally {
        // The store announces what the import committed; the caches drop it.
        done();
      }
    },
    demoDataStatus: async () => demo.status(),
  };
}
