/**
 * The last value at or before an instant for many series, looking back in widening steps so
 * the usual case (a point within the hour) reads one block per series instead of its history.
 * Each series' known bounds let it skip steps that cannot reach its newest point.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const HOUR = 3_600_000;
/** Look-back steps; the last is unbounded. */
export const LOOKBACK_STEPS = [HOUR, 24 * HOUR, 31 * 24 * HOUR, 400 * 24 * HOUR, Infinity];

export interface SeriesBounds {
  sid: number;
  minT: number;
  maxT: number;
}

/** Values at t (inclusive) by series id; series with nothing at or before t are absent. */
export async function queryValuesAt(conn: DuckDBConnection, series: readonly SeriesBounds[], t: number): Promise<Map<number, { t: number; value: number }>> {
  const found = new Map<number, { t: number; value: number }>();
  // Series whose newest point is at or before t need a look-back of at least t - maxT.
  let pending = series.filter((s) => s.minT <= t).map((s) => ({ s, start: s.maxT <= t ? LOOKBACK_STEPS.findIndex((step) => step > t - s.maxT) : 0 }));
  for (let k = 0; k < LOOKBACK_STEPS.length && pending.length > 0; k++) {
    const batch = pending.filter((p) => p.start <= k);
    if (batch.length === 0) continue;
    const step = LOOKBACK_STEPS[k] as number;
    const lower = step === Infinity ? '' : ` AND t > ${t - step}`;
    const sql = `SELECT sid, max(t) AS t, arg_max(v, t) AS v FROM points
      WHERE sid IN (${batch.map((p) => p.s.sid).join(',')}) AND t <= ${t}${lower} GROUP BY sid`;
    const rows = (await conn.runAndReadAll(sql)).getRows();
    for (const r of rows) found.set(Number(r[0]), { t: Number(r[1]), value: Number(r[2]) });
    pending = pending.filter((p) => !found.has(p.s.sid));
  }
  return found;
}
