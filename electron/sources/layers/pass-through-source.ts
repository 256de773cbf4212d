import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../../shared/series/types';
import type { DeleteSelection, WriteRecord } from '../../../shared/series/write-record';
import type { CallOptions, CatalogQuery, TimeSeriesSource, WindowsQuery } from '../source';

/**
 * A layer that hands every call to the source it wraps: the base of the layers (cancellation, window cache,
 * invalidate-after-write, rollups), each of which overrides only the calls it changes. A layer is a source
 * itself, so layers stack in any order and each is tested on its own.
 */
export class PassThroughSource implements TimeSeriesSource {
  constructor(protected readonly inner: TimeSeriesSource) {}

  get kind(): TimeSeriesSource['kind'] {
    return this.inner.kind;
  }

  catalog(query?: CatalogQuery): Promise<CatalogEntry[]> {
    return this.inner.catalog(query);
  }

  windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]> {
    return this.inner.windows(keys, layout, query);
  }

  valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    return this.inner.valueAt(keys, t, options);
  }

  raw(key: string, range: TimeRange, limit: number, options?: CallOptions): Promise<RawPoints> {
    return this.inner.raw(key, range, limit, options);
  }

  write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult> {
    return this.inner.write(points, options);
  }

  writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult> {
    return this.inner.writeRecords(records, options);
  }

  deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void> {
    return this.inner.deleteRange(selection, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
