/**
 * SQL of the rollup tables (store-schema.ts, format 2). Only integers and validated numbers enter the text;
 * series are referred to by integer ids.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { SeriesBuckets } from '../../../shared/series/rollup-math';
import { emptyWindows, type SeriesWindows, type WindowLayout } from '../../../shared/series/types';

export const STAGE_TABLE = 'rollup_stage';

/** Composed windows of some series at one level: min of mins, max of maxes, sums, earliest first and latest last. */
export function composeSql(sids: readonly number[], level: number, layout: WindowLayout): string {
  const { from, width } = layout;
  const to = Math.min(layout.to, from + layout.n * width);
  return `SELECT sid, (t - ${from}) // ${width} AS w, sum(n), min(min), max(max), sum(sum), arg_min(first, t), arg_max(last, t)
    FROM rollups WHERE level = ${level} AND sid IN (${sids.join(',')}) AND t >= ${from} AND t < ${to}
    GROUP BY sid, w ORDER BY sid, w`;
}

export async function queryComposed(conn: DuckDBConnection, sids: readonly number[], level: number, layout: WindowLayout): Promise<Map<number, SeriesWindows>> {
  const out = new Map<number, SeriesWindows>();
  for (const sid of sids) out.set(sid, emptyWindows(''));
  if (sids.length === 0) return out;
  const cols = (await conn.runAndReadAll(composeSql(sids, level, layout))).getColumns();
  const [sid, w, n, min, max, sum, first, last] = Array.from({ length: 8 }, (_, i) => cols[i] ?? []);
  for (let i = 0; i < (sid as unknown[]).length; i++) {
    const out1 = out.get(Number(sid?.[i]));
    if (!out1) continue;
    const count = Number(n?.[i]);
    out1.t.push(layout.from + Number(w?.[i]) * layout.width);
    out1.count.push(count);
    out1.min.push(Number(min?.[i]));
    out1.max.push(Number(max?.[i]));
    out1.mean.push(Number(sum?.[i]) / count);
    out1.first.push(Number(first?.[i]));
    out1.last.push(Number(last?.[i]));
  }
  return out;
}

/** The temp table a writer connection stages buckets in before one transaction moves them over. */
export async function createStage(conn: DuckDBConnection): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (t DOUBLE, n DOUBLE, sum DOUBLE, min DOUBLE, max DOUBLE, first DOUBLE, last DOUBLE, t_first DOUBLE, t_last DOUBLE)`,
  );
}

/** Append buckets to the stage; unknown first/last times become NULL. */
export function appendBuckets(appender: DuckDBAppender, b: SeriesBuckets): void {
  for (let i = 0; i < b.t.length; i++) {
    for (const v of [b.t[i], b.count[i], b.sum[i], b.min[i], b.max[i], b.first[i], b.last[i]]) appender.appendDouble(v as number);
    for (const v of [b.tFirst[i], b.tLast[i]]) {
      if (Number.isFinite(v)) appender.appendDouble(v as number);
      else appender.appendNull();
    }
    appender.endRow();
  }
}

/** Move the staged buckets of one series, level and range into the rollups, replacing whatever was there. */
export function moveStagedSql(sid: number, level: number, from: number, to: number): string[] {
  return [
    `DELETE FROM rollups WHERE sid = ${sid} AND level = ${level} AND t >= ${from} AND t < ${to}`,
    `INSERT INTO rollups SELECT ${sid}, ${level}, t::BIGINT, n::BIGINT, sum, min, max, first, last, t_first::BIGINT, t_last::BIGINT
       FROM ${STAGE_TABLE} WHERE t >= ${from} AND t < ${to} ORDER BY t`,
    `DELETE FROM ${STAGE_TABLE}`,
  ];
}
