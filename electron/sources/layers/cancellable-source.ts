import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../../shared/series/types';
import type { DeleteSelection, WriteRecord } from '../../../shared/series/write-record';
import type { ChannelAborts } from '../channel-aborts';
import type { CallOptions, CatalogQuery, TimeSeriesSource, WindowsQuery } from '../source';
import { PassThroughSource } from './pass-through-source';

/**
 * Per-channel cancellation as a layer: a call naming a channel aborts the call still running on that
 * channel (down to its HTTP request or query), so a fast scrub never queues stale queries. The channels
 * are shared by every source of a session (a chart is one channel whatever source it reads).
 */
export class CancellableSource extends PassThroughSource {
  constructor(
    inner: TimeSeriesSource,
    private readonly channels: ChannelAborts,
  ) {
    super(inner);
  }

  private async run<T, O extends CallOptions>(options: O | undefined, call: (options: O) => Promise<T>): Promise<T> {
    const { channel, ...rest } = (options ?? {}) as O;
    const { signal, done } = this.channels.begin(channel);
    const given = rest.signal;
    const merged = signal && given ? AbortSignal.any([signal, given]) : (signal ?? given);
    try {
      return await call({ ...rest, signal: merged } as O);
    } finally {
      done();
    }
  }

  override catalog(query?: CatalogQuery): Promise<CatalogEntry[]> {
    return this.run(query, (q) => this.inner.catalog(q));
  }

  override windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]> {
    return this.run(query, (q) => this.inner.windows(keys, layout, q));
  }

  override valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    return this.run(options, (o) => this.inner.valueAt(keys, t, o));
  }

  override raw(key: string, range: TimeRange, limit: number, options?: CallOptions): Promise<RawPoints> {
    return this.run(options, (o) => this.inner.raw(key, range, limit, o));
  }

  override write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult> {
    return this.run(options, (o) => this.inner.write(points, o));
  }

  override writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult> {
    return this.run(options, (o) => this.inner.writeRecords(records, o));
  }

  override deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void> {
    return this.run(options, (o) => this.inner.deleteRange(selection, o));
  }
}
