import { z } from 'zod';
import { formatSeriesKey } from './series-key';
import { EpochMs } from './types';

const Name = z.string().min(1, 'is empty').max(200);

/**
 * A point with several fields and tags, as line protocol has it: what analysis results are written as
 * (`twin_prediction,asset=CH-1,model=m1,sensor=…,twin=b7 actual=…,predicted=…,residual=…`). The local store
 * keeps each field as its own series (`measurement,tags#field`).
 */
export const WriteRecordSchema = z.object({
  measurement: Name,
  tags: z.record(Name, z.string().min(1, 'is empty').max(2_000)),
  fields: z.record(Name, z.number().finite()).refine((f) => Object.keys(f).length > 0, { message: 'a point needs at least one field' }),
  t: EpochMs,
});
export type WriteRecord = z.infer<typeof WriteRecordSchema>;

/** Points to delete: one measurement, the tags a point must have (others may differ), a half-open time range. */
export const DeleteSelectionSchema = z.object({
  measurement: Name,
  tags: z.record(Name, z.string().min(1).max(2_000)),
  from: EpochMs,
  to: EpochMs,
});
export type DeleteSelection = z.infer<typeof DeleteSelectionSchema>;

/** The series key of each field of a record, in field order. */
export function recordSeriesKeys(record: Pick<WriteRecord, 'measurement' | 'tags' | 'fields'>): string[] {
  return Object.keys(record.fields).map((field) => formatSeriesKey({ measurement: record.measurement, tags: record.tags, field }));
}
