/**
 * The local store's tables. One row per point in `points`, ordered on insert by (sid, t) so
 * DuckDB's per-row-group min/max (zone maps) skip every block of other series and other times.
 * One table rather than one per series: a query for many series stays one scan, and the catalog
 * stays one table. Each commit appends its own sorted run, so data written month by month across
 * all series still prunes well (measured: no slower than data written series by series).
 * `series` holds the catalog and each series' time bounds, kept current on every commit.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { twinError } from '../../../shared/api/errors';
import { parseSeriesKey } from '../../../shared/series/series-key';
import type { SeriesRow } from './series-registry';

/** Bumped when the tables change shape; `migrate` brings older files up to date. */
export const STORE_FORMAT_VERSION = 1;

export const DATABASE_FILE = 'twin-local.duckdb';

const CREATE = [
  `CREATE TABLE IF NOT EXISTS meta (name VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
  // No PRIMARY KEY/UNIQUE: DuckDB's index checks slow bulk inserts, and sids are assigned by one process.
  `CREATE TABLE IF NOT EXISTS series (
     sid INTEGER NOT NULL, key VARCHAR NOT NULL, measurement VARCHAR NOT NULL, field VARCHAR NOT NULL,
     tags VARCHAR NOT NULL, unit VARCHAR, description VARCHAR, min_t BIGINT, max_t BIGINT)`,
  `CREATE TABLE IF NOT EXISTS points (sid INTEGER NOT NULL, t BIGINT NOT NULL, v DOUBLE NOT NULL)`,
];

/** Create the tables in a new file, or check and migrate an existing one. */
export async function migrate(conn: DuckDBConnection, where: string): Promise<void> {
  for (const sql of CREATE) await conn.run(sql);
  const rows = (await conn.runAndReadAll(`SELECT value FROM meta WHERE name = 'format_version'`)).getRows();
  const found = rows[0]?.[0];
  if (found === undefined) {
    await conn.run(`INSERT INTO meta VALUES ('format_version', '${STORE_FORMAT_VERSION}')`);
    return;
  }
  const version = Number(found);
  if (!Number.isInteger(version)) throw twinError('file-invalid', `The local store has an unreadable format version "${String(found)}".`, { where });
  if (version > STORE_FORMAT_VERSION) {
    throw twinError(
      'newer-format',
      `The local store was written by a newer Twin Studio (format ${version}, this one reads ${STORE_FORMAT_VERSION}). Update Twin Studio, or choose another data folder.`,
      { where },
    );
  }
  // Version 1 is the first; later migrations go here in order.
}

/** The catalog rows, for the in-memory registry. */
export async function loadSeries(conn: DuckDBConnection): Promise<SeriesRow[]> {
  const rows = (await conn.runAndReadAll('SELECT sid, key, tags, unit, description, min_t, max_t FROM series ORDER BY sid')).getRows();
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
