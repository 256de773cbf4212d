import type { WritePoint, WriteResult } from '../../../shared/series/types';
import { numericFieldSeries, type DeleteSelection, type WriteRecord } from '../../../shared/series/write-record';
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

  override async writeRecords(records: readonly WriteRecord[], options?: CallOptions): Promise<WriteResult> {
    try {
      return await this.inner.writeRecords(records, options);
    } finally {
      const points = records.flatMap((r) => numericFieldSeries(r).map(({ key }) => ({ key, t: r.t })));
      for (const [key, span] of spansOf(points)) this.changes.publish({ source: this.sourceId, keys: [key], ...span });
    }
  }

  override async deleteRange(selection: DeleteSelection, options?: CallOptions): Promise<void> {
    try {
      await this.inner.deleteRange(selection, options);
    } finally {
      // The series a tag selection matches are not known here: every series of the source over the range.
      this.changes.publish({ source: this.sourceId, from: selection.from, to: selection.to });
    }
  }
}
