import type { WritePoint, WriteResult } from '../../../shared/series/types';
import type { CallOptions, TimeSeriesSource } from '../source';
import { PassThroughSource } from './pass-through-source';
import { spansOf, type SourceChanges } from './source-changes';

/**
 * Invalidate-after-write as a layer: every write (analysis write-back) announces the series and time spans it
 * touched, whether it succeeded, failed or landed in part, so no cache keeps answering what was there before.
 */
export class InvalidateOnWriteSource extends PassThroughSource {
  constructor(
    inner: TimeSeriesSource,
    private readonly sourceId: string,
    private readonly changes: SourceChanges,
  ) {
    super(inner);
  }

  override async write(points: readonly WritePoint[], options?: CallOptions): Promise<WriteResult> {
    try {
      return await this.inner.write(points, options);
    } finally {
      for (const [key, span] of spansOf(points)) this.changes.publish({ source: this.sourceId, keys: [key], ...span });
    }
  }
}
