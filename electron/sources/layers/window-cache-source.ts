import type { SeriesWindows, WindowLayout } from '../../../shared/series/types';
import type { TimeSeriesSource, WindowsQuery } from '../source';
import type { WindowCache } from '../window-cache';
import { PassThroughSource } from './pass-through-source';
import type { SourceChanges } from './source-changes';

/**
 * The window cache as a layer: repeated window requests (same series, range, n and statistics) are answered
 * from memory; the newest hour is always fetched again. Entries of a series go when a change to it is
 * announced, and all of the source's when the layer closes.
 */
export class WindowCacheSource extends PassThroughSource {
  private readonly unsubscribe: () => void;

  constructor(
    inner: TimeSeriesSource,
    private readonly cache: WindowCache,
    /** Tenant and source: one tenant's or source's entries never answer another's. */
    private readonly scope: string,
    sourceId: string,
    changes: SourceChanges,
  ) {
    super(inner);
    this.unsubscribe = changes.subscribe((c) => {
      if (c.source === sourceId) cache.invalidate(scope, c.keys);
    });
  }

  override windows(keys: readonly string[], layout: WindowLayout, query: WindowsQuery = {}): Promise<SeriesWindows[]> {
    // Statistics not asked for are NaN, so the statistics are part of what an entry is.
    const variant = query.stats ? [...query.stats].sort().join(',') : 'all';
    return this.cache.get(this.scope, variant, keys, layout, (ks, l) => this.inner.windows(ks, l, query));
  }

  override async close(): Promise<void> {
    this.unsubscribe();
    this.cache.invalidate(this.scope);
    await this.inner.close();
  }
}
