/**
 * A write to the local store in two phases: points are appended to a temporary table on a
 * connection of their own (nothing the store can see), then committed in one transaction.
 * An import of a multi-GB file stages as it reads and commits once; an error or crash before
 * COMMIT leaves the store exactly as it was.
 *
 * Later values for the same (series, t) replace earlier ones: within a stage the last one
 * appended wins (arg_max over the temp table's rowid, which follows append order); against the
 * store, matching rows are deleted in the same transaction before the new ones are inserted.
 * Both steps are skipped when bookkeeping done while staging proves them unnecessary.
 */
import { DOUBLE, INTEGER, DuckDBDataChunk, VARCHAR, type DuckDBAppender, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
// The bindings under @duckdb/node-api, pinned to its version: their one copy per column replaces a call per value (see flushChunk).
import duckdb from '@duckdb/node-bindings';
import { twinError } from '../../../shared/api/errors';
import { boundText } from '../../../shared/api/quote-input';
import { canonicalSeriesKey, parseSeriesKey } from '../../../shared/series/series-key';
import type { AsyncMutex } from './async-mutex';
import type { SeriesRegistry } from './series-registry';

const CHUNK_ROWS = 2048;
/** New catalog rows per INSERT, and their columns' types. */
const SERIES_PER_INSERT = 200;
const SERIES_TYPES = [INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/** Test seams: run inside the commit transaction, after the writes and before COMMIT. */
export interface StoreHooks {
  beforeCommit?: () => Promise<void> | void;
}

/** What a staged write needs of its store. */
export interface StoreInternals {
  /** A new connection to the store's database. */
  connect(): Promise<DuckDBConnection>;
  registry: SeriesRegistry;
  writes: AsyncMutex;
  hooks: StoreHooks;
  where: string;
  /** Set when the store starts closing; commits queued behind the close then refuse to run. */
  closing: boolean;
  /** Told after each commit how many points each series received and over what span (for fragmentation and cache invalidation). */
  committed?: (runs: { sid: number; key: string; points: number; from: number; to: number }[]) => void;
}

/** Optional catalog details for a series. */
export interface SeriesInfo {
  unit?: string | undefined;
  description?: string | undefined;
}

export interface CommitResult {
  /** Canonical keys of the series that received points. */
  series: string[];
  /** Points now in the store from this write (after replacing duplicates). */
  points: number;
  /** Points whose series and time were already there, in the store or earlier in this write; the later value won. */
  duplicates: number;
  /** Non-finite values that were not stored. */
  dropped: number;
}

interface Bounds {
  key: string;
  min: number;
  max: number;
  last: number;
  /** Every point so far came after the previous one of the same series. */
  increasing: boolean;
  count: number;
  info: SeriesInfo | undefined;
}

export class StagedWrite {
  private readonly chunk = DuckDBDataChunk.create([INTEGER, DOUBLE, DOUBLE]);
  private readonly sids = new Int32Array(CHUNK_ROWS);
  private readonly ts = new Float64Array(CHUNK_ROWS);
  private readonly vs = new Float64Array(CHUNK_ROWS);
  private fill = 0;
  private readonly bounds = new Map<number, Bounds>();
  private staged = 0;
  private dropped = 0;
  private prevSid = -1;
  private prevT = -Infinity;
  private prevBounds: Bounds | undefined;
  private sortedBySeriesThenTime = true;
  private finished = false;
  /** Why the stage ended before its commit, for the error a caller still adding points gets. */
  private abortedBecause: string | null = null;

  private constructor(
    private readonly store: StoreInternals,
    private readonly conn: DuckDBConnection,
    private readonly appender: DuckDBAppender,
  ) {}

  /** Open a stage on a fresh connection (temp tables are per connection). */
  static async begin(store: StoreInternals, onEnd?: (stage: StagedWrite) => void): Promise<StagedWrite> {
    const conn = await store.connect();
    try {
      await conn.run('CREATE OR REPLACE TEMP TABLE stage (sid INTEGER, t DOUBLE, v DOUBLE)');
      const appender = await conn.createAppender('stage', 'main', 'temp');
      const stage = new StagedWrite(store, conn, appender);
      stage.onEnd = onEnd;
      return stage;
    } catch (e) {
      conn.closeSync();
      throw e;
    }
  }

  /** The id to stage points of a series under; throws invalid-input for a malformed key. */
  series(key: string, info?: SeriesInfo): number {
    let canonical: string;
    try {
      canonical = canonicalSeriesKey(key);
    } catch (e) {
      // The parse error quotes the key already (cut short when long).
      throw twinError('invalid-input', `Cannot store these points: ${(e as Error).message}`, { where: boundText(key, 200) });
    }
    const { sid } = this.store.registry.idFor(canonical);
    const b = this.bounds.get(sid);
    if (!b) this.bounds.set(sid, { key: canonical, min: Infinity, max: -Infinity, last: -Infinity, increasing: true, count: 0, info });
    else if (info) b.info = info;
    return sid;
  }

  /** Stage one point of a series from `series()`. Times must be whole epoch ms; non-finite values are counted and dropped. */
  add(sid: number, t: number, v: number): void {
    if (this.finished) throw this.endedError();
    if (!Number.isFinite(v)) {
      this.dropped++;
      return;
    }
    if (!Number.isSafeInteger(t)) throw twinError('invalid-input', `The timestamp ${t} is not whole epoch milliseconds.`);
    // Points come in runs of one series: the previous point's bounds are most likely this one's.
    const b = sid === this.prevSid && this.prevBounds !== undefined ? this.prevBounds : this.bounds.get(sid);
    if (!b) throw new Error(`Series id ${sid} was not declared with series() first.`);
    this.prevBounds = b;
    if (t < b.min) b.min = t;
    if (t > b.max) b.max = t;
    if (t <= b.last) b.increasing = false;
    b.last = t;
    b.count++;
    if (sid < this.prevSid || (sid === this.prevSid && t <= this.prevT)) this.sortedBySeriesThenTime = false;
    this.prevSid = sid;
    this.prevT = t;
    const i = this.fill;
    this.sids[i] = sid;
    this.ts[i] = t;
    this.vs[i] = v;
    this.fill = i + 1;
    this.staged++;
    if (this.fill === CHUNK_ROWS) this.flushChunk();
  }

  /** Points staged so far. */
  get count(): number {
    return this.staged;
  }

  private flushChunk(): void {
    const n = this.fill;
    if (n === 0) return;
    this.chunk.rowCount = n;
    // Each column goes to its DuckDB vector in one copy: setItem per value cost a tenth of a large import's
    // time. The chunk's vectors have no null mask (nothing staged is null), so the values are all there is.
    const raw = this.chunk.chunk;
    duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(raw, 0), 0, this.sids.buffer, 0, n * Int32Array.BYTES_PER_ELEMENT);
    duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(raw, 1), 0, this.ts.buffer, 0, n * Float64Array.BYTES_PER_ELEMENT);
    duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(raw, 2), 0, this.vs.buffer, 0, n * Float64Array.BYTES_PER_ELEMENT);
    this.appender.appendDataChunk(this.chunk);
    this.fill = 0;
  }

  /** Write everything staged in one transaction; the stage is closed afterwards either way. */
  private endedError(): Error {
    if (this.abortedBecause !== null) return twinError('cancelled', this.abortedBecause, { where: this.store.where });
    return new Error('This staged write is already committed or aborted.');
  }

  async commit(): Promise<CommitResult> {
    if (this.finished) throw this.endedError();
    this.flushChunk();
    this.appender.closeSync();
    this.finished = true;
    try {
      return await this.store.writes.run(() => this.commitLocked());
    } finally {
      await this.dispose();
    }
  }

  /** Drop everything staged; `reason` is what a caller still adding points will be told. */
  async abort(reason?: string): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.abortedBecause = reason ?? null;
    try {
      this.appender.closeSync();
    } catch {
      // The appender may already have failed; the temp table goes with the connection anyway.
    }
    await this.dispose();
  }

  private onEnd: ((stage: StagedWrite) => void) | undefined;

  private async dispose(): Promise<void> {
    this.onEnd?.(this);
    try {
      await this.conn.run('DROP TABLE IF EXISTS stage');
      await this.conn.run('DROP TABLE IF EXISTS stage_final');
    } finally {
      this.conn.closeSync();
    }
  }

  private async commitLocked(): Promise<CommitResult> {
    if (this.store.closing)
      throw twinError('cancelled', `The local store ${this.store.where} was closed before this write was committed; nothing of it was stored.`, {
        where: this.store.where,
      });
    const { registry } = this.store;
    const used = [...this.bounds.entries()].filter(([, b]) => b.max >= b.min);
    const result: CommitResult = { series: used.map(([, b]) => b.key), points: 0, duplicates: 0, dropped: this.dropped };
    if (this.staged === 0) return result;

    const needsDedupe = used.some(([, b]) => !b.increasing);
    const overlapping = used.filter(([, b]) => {
      const known = registry.find(b.key);
      return known !== undefined && known.minT !== null && known.maxT !== null && b.min <= known.maxT && b.max >= known.minT;
    });
    const conn = this.conn;
    await conn.run('BEGIN TRANSACTION');
    try {
      const created = await this.insertNewSeries(used);
      await this.updateSeriesInfo(used);
      let source = 'stage';
      if (needsDedupe || overlapping.length > 0) {
        await conn.run(
          needsDedupe
            ? 'CREATE TEMP TABLE stage_final AS SELECT sid, t::BIGINT AS t, arg_max(v, rowid) AS v FROM stage GROUP BY sid, t'
            : 'CREATE TEMP TABLE stage_final AS SELECT sid, t::BIGINT AS t, v FROM stage',
        );
        source = 'stage_final';
      }
      if (overlapping.length > 0) {
        const sids = overlapping.map(([sid]) => sid).join(',');
        const lo = Math.min(...overlapping.map(([, b]) => b.min));
        const hi = Math.max(...overlapping.map(([, b]) => b.max));
        const del = await conn.run(
          `DELETE FROM points USING stage_final s WHERE points.sid = s.sid AND points.t = s.t AND points.sid IN (${sids}) AND points.t BETWEEN ${lo} AND ${hi}`,
        );
        result.duplicates += del.rowsChanged;
      }
      const t = source === 'stage' ? 't::BIGINT' : 't';
      const order = this.sortedBySeriesThenTime ? '' : ' ORDER BY sid, t';
      const ins = await conn.run(`INSERT INTO points SELECT sid, ${t}, v FROM ${source}${order}`);
      result.points = ins.rowsChanged;
      result.duplicates += this.staged - ins.rowsChanged;
      const values = used.map(([sid, b]) => `(${sid}, ${b.min}, ${b.max})`).join(',');
      await conn.run(
        `UPDATE series SET min_t = CASE WHEN min_t IS NULL OR u.lo < min_t THEN u.lo ELSE min_t END,
                           max_t = CASE WHEN max_t IS NULL OR u.hi > max_t THEN u.hi ELSE max_t END
         FROM (VALUES ${values}) AS u(sid, lo, hi) WHERE series.sid = u.sid`,
      );
      await this.store.hooks.beforeCommit?.();
      await conn.run('COMMIT');
      for (const [sid, b] of created) registry.committed(b.key, sid, b.info ?? {});
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    for (const [, b] of used) {
      const row = registry.find(b.key);
      if (!row) continue;
      row.minT = row.minT === null ? b.min : Math.min(row.minT, b.min);
      row.maxT = row.maxT === null ? b.max : Math.max(row.maxT, b.max);
      if (b.info?.unit !== undefined) row.unit = b.info.unit;
      if (b.info?.description !== undefined) row.description = b.info.description;
    }
    this.store.committed?.(used.map(([sid, b]) => ({ sid, key: b.key, points: b.count, from: b.min, to: b.max + 1 })));
    return result;
  }

  private async insertNewSeries(used: [number, Bounds][]): Promise<[number, Bounds][]> {
    const created = used.filter(([, b]) => this.store.registry.find(b.key) === undefined);
    // Many rows per statement: a folder of 100 histories spent a tenth of its import on one INSERT per series.
    for (let i = 0; i < created.length; i += SERIES_PER_INSERT) {
      const batch = created.slice(i, i + SERIES_PER_INSERT);
      const values: unknown[] = [];
      const types: DuckDBType[] = [];
      const rows = batch.map(([sid, b], r) => {
        const ref = parseSeriesKey(b.key);
        values.push(sid, b.key, ref.measurement, ref.field, JSON.stringify(ref.tags), b.info?.unit ?? null, b.info?.description ?? null);
        types.push(...SERIES_TYPES);
        return `(${SERIES_TYPES.map((_, c) => `$${r * SERIES_TYPES.length + c + 1}`).join(', ')})`;
      });
      // User-chosen names are bound as parameters, never spliced into SQL.
      await this.conn.run(
        `INSERT INTO series (sid, key, measurement, field, tags, unit, description) VALUES ${rows.join(', ')}`,
        values as (number | string | null)[],
        types,
      );
    }
    return created;
  }

  private async updateSeriesInfo(used: [number, Bounds][]): Promise<void> {
    for (const [sid, b] of used) {
      const known = this.store.registry.find(b.key);
      if (!known || !b.info) continue;
      if (b.info.unit !== undefined && b.info.unit !== known.unit) {
        await this.conn.run('UPDATE series SET unit = $1 WHERE sid = $2', [b.info.unit, sid], [VARCHAR, INTEGER]);
      }
      if (b.info.description !== undefined && b.info.description !== known.description) {
        await this.conn.run('UPDATE series SET description = $1 WHERE sid = $2', [b.info.description, sid], [VARCHAR, INTEGER]);
      }
    }
  }
}
