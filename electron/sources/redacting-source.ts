import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../shared/series/types';
import type { DeleteSelection, WriteRecord } from '../../shared/series/write-record';
import type { Redactor } from './redactor';
import type { CallOptions, CatalogQuery, TimeSeriesSource, WindowsQuery } from './source';

/**
 * The error boundary of a remote source: a layer that is itself a source and passes everything the inner
 * source hands out that can carry server text — errors and write reports — through the source's Redactor.
 * Sources quote server text through the same Redactor already; this layer makes sure nothing that was
 * built elsewhere (a header value, a library's message) leaves with a secret in it.
 */
export class RedactingSource implements TimeSeriesSource {
  constructor(
    private readonly inner: TimeSeriesSource,
    private readonly redactor: Redactor,
  ) {}

  get kind(): TimeSeriesSource['kind'] {
    return this.inner.kind;
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw this.redactor.error(e);
    }
  }

  catalog(query?: CatalogQuery): Promise<CatalogEntry[]> {
    return this.guard(() => this.inner.catalog(query));
  }

  windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]> {
    return this.guard(() => this.inner.windows(keys, layout, query));
  }

  valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    return this.guard(() => this.inner.valueAt(keys, t, options));
  }

  raw(key: string, range: TimeRange, limit: number, options?: CallOptions): Promise<RawPoints> {
    return this.guard(() => this.inner.raw(key, range, limit, options));
  }

  async write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult> {
    const result = await this.guard(() => this.inner.write(points, options));
    return { ...result, errors: result.errors.map((e) => this.redactor.text(e)) };
  }

  async writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult> {
    const result = await this.guard(() => this.inner.writeRecords(records, options));
    return { ...result, errors: result.errors.map((e) => this.redactor.text(e)) };
  }

  deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void> {
    return this.guard(() => this.inner.deleteRange(selection, options));
  }

  close(): Promise<void> {
    return this.guard(() => this.inner.close());
  }
}
