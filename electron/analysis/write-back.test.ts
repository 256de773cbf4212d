import { describe, expect, it } from 'vitest';
import { isTwinError, twinError, type TwinError } from '../../shared/api/errors';
import type { Episode } from '../../shared/analysis/detect/episode';
import type { WriteRecord } from '../../shared/series/write-record';
import type { TimeSeriesSource } from '../sources/source';
import { alertRecords, predictionRecords, writeBack } from './write-back';

const tags = { twin: 'b7', asset: 'CH-1', model: 'm1', sensor: 'B7_CH1_KW#value' };
const series = (n: number) => ({
  t: Float64Array.from({ length: n }, (_, i) => i * 900_000),
  actual: new Float64Array(n).fill(10),
  predicted: new Float64Array(n).fill(9),
  residual: new Float64Array(n).fill(1),
});
const episode: Episode = { start: 0, end: 900_000, peak: 3, mean: 2, direction: 'high', detector: 'threshold', detectedAt: 0, threshold: 1.5, ongoing: false };

/** A source that records calls and fails the write after `failAfter` records, part-way through a batch. */
function fakeSource(failAfter: number) {
  const calls: string[] = [];
  let landed = 0;
  const source = {
    deleteRange: async (sel: { measurement: string }) => void calls.push(`delete ${sel.measurement}`),
    writeRecords: async (records: readonly WriteRecord[]) => {
      calls.push(`write ${records.length}`);
      if (landed + records.length > failAfter) {
        const part = failAfter - landed;
        landed = failAfter;
        throw twinError('partial-write', `${part} of ${records.length} points landed before the server closed the connection.`, { details: { written: part } });
      }
      landed += records.length;
      return { written: records.length, dropped: 0, errors: [] };
    },
  } as unknown as TimeSeriesSource;
  return { source, calls };
}

describe('writeBack', () => {
  it('shapes twin_prediction and twin_alert points', () => {
    expect(predictionRecords(tags, series(1))).toEqual([{ measurement: 'twin_prediction', tags, t: 0, fields: { actual: 10, predicted: 9, residual: 1 } }]);
    expect(alertRecords(tags, [episode])).toEqual([
      {
        measurement: 'twin_alert',
        tags: { ...tags, detector: 'threshold', direction: 'high' },
        t: 0,
        fields: { end: 900_000, peak: 3, mean: 2, direction: 'high', threshold: 1.5, detector: 'threshold' },
      },
    ]);
  });

  it('deletes the earlier results of the range first, then writes in batches with progress', async () => {
    const { source, calls } = fakeSource(Infinity);
    const progress: number[] = [];
    const summary = await writeBack(
      source,
      'here',
      tags,
      { from: 0, to: 10 },
      { series: series(12), episodes: [episode] },
      { batch: 5, onProgress: (f) => progress.push(f) },
    );
    expect(calls).toEqual(['delete twin_prediction', 'delete twin_alert', 'write 5', 'write 5', 'write 2', 'write 1']);
    expect(summary).toEqual({ predictions: { written: 12, total: 12 }, alerts: { written: 1, total: 1 }, replaced: { from: 0, to: 10 } });
    expect(progress.at(-1)).toBe(1);
  });

  it('a failed write says how much landed, counting the batch that failed part-way', async () => {
    const { source } = fakeSource(7);
    const e = (await writeBack(
      source,
      'InfluxDB at 127.0.0.1:8086',
      tags,
      { from: 0, to: 10 },
      { series: series(12), episodes: [episode] },
      { batch: 5 },
    ).catch((x: unknown) => x)) as TwinError;
    expect(isTwinError(e)).toBe(true);
    expect(e.kind).toBe('partial-write');
    expect(e.message).toMatch(
      /^Writing the results to InfluxDB at 127.0.0.1:8086 stopped: 7 of 12 predictions and 0 of 1 alerts landed\. 2 of 5 points landed before/,
    );
    expect(e.details).toEqual({ predictions: { written: 7, total: 12 }, alerts: { written: 0, total: 1 } });
  });
});
