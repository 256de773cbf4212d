import { twinError } from '../../../shared/api/errors';
import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../../shared/series/types';
import type { DeleteSelection, WriteRecord } from '../../../shared/series/write-record';
import type { CallOptions, CatalogQuery, TimeSeriesSource, WindowsQuery } from '../source';

/** How long after a failed attempt a call tries to connect again (calls in between fail at once). */
export const RECONNECT_AFTER_MS = 30_000;

/**
 * A server that could not be reached when it was connected: every call first tries to connect (at most once
 * per RECONNECT_AFTER_MS) and fails as unreachable until it can, so the rollup cache above it answers what it
 * holds meanwhile and the source comes back by itself when the network does.
 */
export class ReconnectingSource implements TimeSeriesSource {
  private current: TimeSeriesSource | null = null;
  private lastTry: number;
  private attempt: Promise<TimeSeriesSource> | null = null;
  private closed = false;

  constructor(
    readonly kind: TimeSeriesSource['kind'],
    private readonly connect: () => Promise<TimeSeriesSource>,
    private lastError: Error,
    private readonly onConnected: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.lastTry = now();
  }

  private async source(): Promise<TimeSeriesSource> {
    if (this.closed) throw twinError('cancelled', 'The source was disconnected.');
    if (this.current) return this.current;
    if (this.attempt) return this.attempt;
    if (this.now() - this.lastTry < RECONNECT_AFTER_MS) throw this.lastError;
    this.lastTry = this.now();
    this.attempt = this.connect().then(
      (s) => {
        this.attempt = null;
        if (this.closed) {
          void s.close();
          throw twinError('cancelled', 'The source was disconnected.');
        }
        this.current = s;
        this.onConnected();
        return s;
      },
      (e: unknown) => {
        this.attempt = null;
        this.lastError = e instanceof Error ? e : new Error(String(e));
        throw this.lastError;
      },
    );
    return this.attempt;
  }

  async catalog(query?: CatalogQuery): Promise<CatalogEntry[]> {
    return (await this.source()).catalog(query);
  }

  async windows(keys: readonly string[], layout: WindowLayout, query?: WindowsQuery): Promise<SeriesWindows[]> {
    return (await this.source()).windows(keys, layout, query);
  }

  async valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    return (await this.source()).valueAt(keys, t, options);
  }

  async raw(key: string, range: TimeRange, limit: number, options?: CallOptions): Promise<RawPoints> {
    return (await this.source()).raw(key, range, limit, options);
  }

  async write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult> {
    return (await this.source()).write(points, options);
  }

  async writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult> {
    return (await this.source()).writeRecords(records, options);
  }

  async deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void> {
    return (await this.source()).deleteRange(selection, options);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current?.close();
  }
}
