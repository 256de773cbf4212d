/**
 * SQL of the rollup tables (store-schema.ts, format 2). Only integers and validated numbers enter the text;
 * series are referred to by integer ids.
 */
import { DOUBLE, DuckDBDataChunk, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
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
    `CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (sid DOUBLE, level DOUBLE, t DOUBLE, n DOUBLE, sum DOUBLE, min DOUBLE, max DOUBLE, first DOUBLE, last DOUBLE, t_first DOUBLE, t_last DOUBLE)`,
  );
}

const CHUNK_ROWS = 2048;
const STAGE_TYPES = Array.from({ length: 11 }, () => DOUBLE);

/** Append the buckets of one series and level to the stage, a column chunk at a time; unknown first/last times become NULL. */
export function appendBuckets(appender: DuckDBAppender, sid: number, level: number, b: SeriesBuckets): void {
  for (let at = 0; at < b.t.length; at += CHUNK_ROWS) {
    const end = Math.min(b.t.length, at + CHUNK_ROWS);
    const rows = end - at;
    const fill = (v: number) => new Array<number>(rows).fill(v);
    const times = (a: number[]) => a.slice(at, end).map((x) => (Number.isFinite(x) ? x : null));
    const chunk = DuckDBDataChunk.create(STAGE_TYPES, rows);
    chunk.setColumns([
      fill(sid),
      fill(level),
      b.t.slice(at, end),
      b.count.slice(at, end),
      b.sum.slice(at, end),
      b.min.slice(at, end),
      b.max.slice(at, end),
      b.first.slice(at, end),
      b.last.slice(at, end),
      times(b.tFirst),
      times(b.tLast),
    ]);
    appender.appendDataChunk(chunk);
  }
}

/** What one filled range replaces: its buckets and its coverage, before the staged rows go in. */
export function replaceRangeSql(sid: number, level: number, from: number, to: number): string[] {
  return [
    `DELETE FROM rollups WHERE sid = ${sid} AND level = ${level} AND t >= ${from} AND t < ${to}`,
    `DELETE FROM rollup_coverage WHERE sid = ${sid} AND level = ${level} AND from_t >= ${from} AND to_t <= ${to}`,
  ];
}

/** Move every staged bucket into the rollups, in (series, level, time) order, and empty the stage. */
export const MOVE_STAGED_SQL = [
  `INSERT INTO rollups SELECT sid::INTEGER, level::INTEGER, t::BIGINT, n::BIGINT, sum, min, max, first, last, t_first::BIGINT, t_last::BIGINT
     FROM ${STAGE_TABLE} ORDER BY sid, level, t`,
  `DELETE FROM ${STAGE_TABLE}`,
];
