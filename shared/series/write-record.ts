import { z } from 'zod';
import { formatSeriesKey } from './series-key';
import { EpochMs } from './types';

const Name = z.string().min(1, 'is empty').max(200);

/**
 * A point with several fields and tags, as line protocol has it: what analysis results are written as
 * (`twin_prediction,asset=CH-1,model=m1,sensor=…,twin=b7 actual=…,predicted=…,residual=…`). The local store
 * keeps each numeric field as its own series (`measurement,tags#field`); it holds numbers only, so text
 * fields reach InfluxDB alone (put what the local store must keep in a tag as well).
 */
export const WriteRecordSchema = z.object({
  measurement: Name,
  tags: z.record(Name, z.string().min(1, 'is empty').max(2_000)),
  fields: z
    .record(Name, z.union([z.number().finite(), z.string().max(1_000)]))
    .refine((f) => Object.keys(f).length > 0, { message: 'a point needs at least one field' }),
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

/** The numeric fields of a record with the series key each is stored under, in field order. */
export function numericFieldSeries(record: Pick<WriteRecord, 'measurement' | 'tags' | 'fields'>): { key: string; value: number }[] {
  return Object.entries(record.fields)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([field, value]) => ({ key: formatSeriesKey({ measurement: record.measurement, tags: record.tags, field }), value }));
}
