/**
 * Turning rows into points, per format: one decoder per plan, used by the preview and the import
 * alike. A row whose time cannot be read is skipped and reported; a cell that is not a number is
 * reported and only that value is skipped (the row's other sensors still land). Empty cells are
 * simply missing values; bad quality and digital states are gaps, counted by state.
 */
import type { TimestampParser } from '../../shared/time/timestamp-parser';
import { longDecoder, wideDecoder } from './csv-decoders';
import type { ImportPlan } from './import-plan';
import { lineProtocolDecoder } from './line-protocol-decoder';

export { parseCell } from './value-cells';

export interface RowSink {
  point(key: string, t: number, v: number): void;
  problem(line: number, message: string): void;
  /** A value that is a gap: bad quality or a digital state, named. */
  gap(key: string, state: string): void;
  /** The unit of a series, found in the row (a units column). */
  unit(key: string, unit: string): void;
}

/**
 * Decode a row written without quotes straight from its text, the import's hot path: true when done, false
 * (having told the sink nothing) when the row needs splitting and the decoder itself.
 */
export type PlainRowDecoder = (line: number, text: string, sink: RowSink) => boolean;

/** Decode one row into the sink; returns its time, or null when the row was skipped. `plain`, where the format has one, reads unquoted rows in place. */
export type RowDecoder = ((line: number, text: string, fields: string[] | null, sink: RowSink) => number | null) & { plain?: PlainRowDecoder };

/** The decoder for a plan; `field` names the field of CSV sensors (`B7_CH1_KW#value`). */
export function rowDecoder(plan: ImportPlan, parseTime: TimestampParser, field: string): RowDecoder {
  if (plan.format === 'csv-wide') return wideDecoder(plan, parseTime);
  if (plan.format === 'csv-long') return longDecoder(plan, parseTime, field);
  return lineProtocolDecoder(plan);
}
