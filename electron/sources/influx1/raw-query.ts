import type { SeriesRef } from '../../../shared/series/series-key';
import type { RawPoints, TimeRange } from '../../../shared/series/types';
import { fieldRef, timeLiteral } from './influxql-quote';
import type { ResultSeries } from './query-response';
import { cellNumber } from './query-response';
import { whereClause, type Selection } from './series-selector';

/** Raw points in [from, to), oldest first; asks for one more than the limit to know whether it was cut. */
export function rawStatement(ref: SeriesRef, selection: Selection, range: TimeRange, limit: number): string {
  const where = whereClause(selection, [`time >= ${timeLiteral(range.from)}`, `time < ${timeLiteral(range.to)}`]);
  return `SELECT ${fieldRef(ref.field)} FROM ${selection.from}${where} GROUP BY * ORDER BY time ASC LIMIT ${limit + 1}`;
}

export function parseRaw(key: string, series: ResultSeries | undefined, limit: number): RawPoints {
  const out: RawPoints = { key, t: [], v: [], truncated: false };
  for (const row of series?.values ?? []) {
    const t = cellNumber(row[0]);
    const v = cellNumber(row[1]);
    // NaN: a string or other non-numeric value where the field had another type in some shard.
    if (t === null || v === null || Number.isNaN(v)) continue;
    if (out.t.length === limit) {
      out.truncated = true;
      break;
    }
    out.t.push(t);
    out.v.push(v);
  }
  return out;
}
