/**
 * Rollup buckets of the store's own series in SQL: per bucket of a layout one bucket wide, the count, sum,
 * min, max, first and last values and the times of first and last. Only validated numbers and integer
 * series ids enter the SQL text.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { emptyBuckets, type SeriesBuckets } from '../../../shared/series/rollup-math';
import type { WindowLayout } from '../../../shared/series/types';

export async function queryBuckets(
  conn: DuckDBConnection,
  sids: readonly number[],
  layout: WindowLayout,
  keyOf: (sid: number) => string,
): Promise<Map<number, SeriesBuckets>> {
  const out = new Map<number, SeriesBuckets>();
  for (const sid of sids) out.set(sid, emptyBuckets(keyOf(sid)));
  if (sids.length === 0) return out;
  const { from, width } = layout;
  const to = Math.min(layout.to, from + layout.n * width);
  // No two points of a series share a time (writes replace duplicates), so first and last are exact.
  const sql = `SELECT sid, (t - ${from}) // ${width} AS w, count(*), sum(v), min(v), max(v), arg_min(v, t), arg_max(v, t), min(t), max(t)
    FROM points WHERE sid IN (${sids.join(',')}) AND t >= ${from} AND t < ${to} GROUP BY sid, w ORDER BY sid, w`;
  const cols = (await conn.runAndReadAll(sql)).getColumns();
  const col = (i: number) => cols[i] ?? [];
  const [sid, w, n, sum, min, max, first, last, tFirst, tLast] = Array.from({ length: 10 }, (_, i) => col(i));
  for (let i = 0; i < (sid as unknown[]).length; i++) {
    const b = out.get(Number(sid?.[i]));
    if (!b) continue;
    b.t.push(from + Number(w?.[i]) * width);
    b.count.push(Number(n?.[i]));
    b.sum.push(Number(sum?.[i]));
    b.min.push(Number(min?.[i]));
    b.max.push(Number(max?.[i]));
    b.first.push(Number(first?.[i]));
    b.last.push(Number(last?.[i]));
    b.tFirst.push(Number(tFirst?.[i]));
    b.tLast.push(Number(tLast?.[i]));
  }
  return out;
}
