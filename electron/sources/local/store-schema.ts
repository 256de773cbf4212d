/**
 * The local store's tables. One row per point in `points`, ordered on insert by (sid, t) so
 * DuckDB's per-row-group min/max (zone maps) skip every block of other series and other times.
 * One table rather than one per series: a query for many series stays one scan, and the catalog
 * stays one table. Each commit appends its own sorted run, so data written month by month across
 * all series still prunes well (measured: no slower than data written series by series).
 * `series` holds the catalog and each series' time bounds, kept current on every commit; since format 2 it
 * also names the series whose rollups the store keeps for other sources and tenants (rollup-store.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { twinError } from '../../../shared/api/errors';
import { parseSeriesKey } from '../../../shared/series/series-key';
import type { SeriesRow } from './series-registry';

/** Bumped when the tables change shape; `migrate` brings older files up to date. */
export const STORE_FORMAT_VERSION = 2;

export const DATABASE_FILE = 'twin-local.duckdb';

/** The tenant and source of the store's own series (imports, the demo plant, analysis results written here). */
export const OWN_SERIES = { tenant: '', source: 'local' } as const;

/** The version 1 tables: what a new file starts from before the migrations run, exactly as version 1 made them. */
const CREATE_V1 = [
  `CREATE TABLE IF NOT EXISTS meta (name VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
  // No PRIMARY KEY/UNIQUE: DuckDB's index checks slow bulk inserts, and sids are assigned by one process.
  `CREATE TABLE IF NOT EXISTS series (
     sid INTEGER NOT NULL, key VARCHAR NOT NULL, measurement VARCHAR NOT NULL, field VARCHAR NOT NULL,
     tags VARCHAR NOT NULL, unit VARCHAR, description VARCHAR, min_t BIGINT, max_t BIGINT)`,
  `CREATE TABLE IF NOT EXISTS points (sid INTEGER NOT NULL, t BIGINT NOT NULL, v DOUBLE NOT NULL)`,
];

/** Ordered migrations: `to` is the version a file has after `statements` ran (in one transaction). */
const MIGRATIONS: { to: number; statements: string[] }[] = [
  {
    // Series are keyed by tenant and source as well as by key, so the store can hold the rollups of other
    // sources (InfluxDB servers) and tenants beside its own series; its own keep tenant '' and source 'local'.
    to: 2,
    statements: [
      `ALTER TABLE series ADD COLUMN tenant VARCHAR DEFAULT ''`,
      `ALTER TABLE series ADD COLUMN source VARCHAR DEFAULT 'local'`,
      // One row per non-empty bucket; `level` is the bucket width in ms.
      `CREATE TABLE rollups (
         sid INTEGER NOT NULL, level INTEGER NOT NULL, t BIGINT NOT NULL, n BIGINT NOT NULL, sum DOUBLE NOT NULL,
         min DOUBLE NOT NULL, max DOUBLE NOT NULL, first DOUBLE NOT NULL, last DOUBLE NOT NULL, t_first BIGINT, t_last BIGINT)`,
      // What is filled: buckets of [from_t, to_t) are all in `rollups` (an absent one had no points).
      `CREATE TABLE rollup_coverage (
         sid INTEGER NOT NULL, level INTEGER NOT NULL, from_t BIGINT NOT NULL, to_t BIGINT NOT NULL,
         filled_at BIGINT NOT NULL, used_at BIGINT NOT NULL, buckets BIGINT NOT NULL)`,
      // Fills asked for and not finished: resumed after a restart.
      `CREATE TABLE rollup_jobs (sid INTEGER NOT NULL, level INTEGER NOT NULL, from_t BIGINT NOT NULL, to_t BIGINT NOT NULL, queued_at BIGINT NOT NULL)`,
    ],
  },
];

/** Create the tables in a new file, or check and migrate an existing one. */
export async function migrate(conn: DuckDBConnection, where: string): Promise<void> {
  for (const sql of CREATE_V1) await conn.run(sql);
  const rows = (await conn.runAndReadAll(`SELECT value FROM meta WHERE name = 'format_version'`)).getRows();
  const found = rows[0]?.[0];
  if (found === undefined) await conn.run(`INSERT INTO meta VALUES ('format_version', '1')`);
  const version = found === undefined ? 1 : Number(found);
  if (!Number.isInteger(version)) throw twinError('file-invalid', `The local store has an unreadable format version "${String(found)}".`, { where });
  if (version > STORE_FORMAT_VERSION) {
    throw twinError(
      'newer-format',
      `The local store was written by a newer Twin Studio (format ${version}, this one reads ${STORE_FORMAT_VERSION}). Update Twin Studio, or choose another data folder.`,
      { where },
    );
  }
  for (const m of MIGRATIONS) {
    if (m.to <= version) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const sql of m.statements) await conn.run(sql);
      await conn.run(`UPDATE meta SET value = '${m.to}' WHERE name = 'format_version'`);
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw twinError('file-invalid', `The local store could not be upgraded to format ${m.to}: ${(e as Error).message}`, { where });
    }
  }
}

/** The highest series id in use, by the store's own series or the rollups of other sources. */
export async function maxSeriesId(conn: DuckDBConnection): Promise<number> {
  const rows = (await conn.runAndReadAll('SELECT coalesce(max(sid), 0) FROM series')).getRows();
  return Number(rows[0]?.[0] ?? 0);
}

/** The catalog rows, for the in-memory registry. */
export async function loadSeries(conn: DuckDBConnection): Promise<SeriesRow[]> {
  const own = `tenant = '${OWN_SERIES.tenant}' AND source = '${OWN_SERIES.source}'`;
  const rows = (await conn.runAndReadAll(`SELECT sid, key, tags, unit, description, min_t, max_t FROM series WHERE ${own} ORDER BY sid`)).getRows();
  return rows.map((r) => {
    const key = String(r[1]);
    const ref = parseSeriesKey(key);
    const row: SeriesRow = {
      sid: Number(r[0]),
      key,
      measurement: ref.measurement,
      field: ref.field,
      tags: JSON.parse(String(r[2])) as Record<string, string>,
      minT: r[5] === null ? null : Number(r[5]),
      maxT: r[6] === null ? null : Number(r[6]),
    };
    if (r[3] !== null) row.unit = String(r[3]);
    if (r[4] !== null) row.description = String(r[4]);
    return row;
  });
}
