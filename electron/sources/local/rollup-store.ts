/**
 * The rollup cache's tables in the local store: per tenant, source and series, buckets of a few widths
 * (shared/series/rollup-math.ts) and what ranges of each level are filled. A filled range is written with
 * its buckets in one transaction, so a crash or a kill leaves a range either whole or absent: a fill that
 * starts again neither repeats nor misses a bucket. Coverage is mirrored in memory (it is small: one row per
 * filled slice) so a request knows what is cached without a query.
 */
import { INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { twinError } from '../../../shared/api/errors';
import { bucketAligned, ROLLUP_LEVELS_MS, type SeriesBuckets } from '../../../shared/series/rollup-math';
import { intersectRange, subtractRanges } from '../../../shared/series/range-set';
import { parseSeriesKey } from '../../../shared/series/series-key';
import type { SeriesWindows, TimeRange, WindowLayout } from '../../../shared/series/types';
import type { AsyncMutex } from './async-mutex';
import type { ConnectionPool } from './connection-pool';
import { appendBuckets, createStage, MOVE_STAGED_SQL, queryComposed, replaceRangeSql, STAGE_TABLE } from './rollup-sql';
import { OWN_SERIES } from './store-schema';

/** Whose rollups: one tenant's cache never answers another's, nor one source's another's. */
export interface RollupScope {
  tenant: string;
  source: string;
}

/** A filled range of one series and level. */
export interface Coverage {
  level: number;
  from: number;
  to: number;
  /** When its buckets were read from the source (epoch ms): the age of what it answers. */
  filledAt: number;
  /** When a request last used it: the least recently used go first when the cache is over its size. */
  usedAt: number;
  buckets: number;
}

/** What the store needs of the LocalStore it lives in. */
export interface RollupStoreAccess {
  connect(): Promise<DuckDBConnection>;
  pool: ConnectionPool;
  /** The store's writer lock: rollup writes take turns with point writes. */
  writes: AsyncMutex;
  allocateSid(): number;
  where: string;
}

/** A job: a fill asked for and not finished (resumed after a restart). */
export interface RollupJob {
  sid: number;
  level: number;
  from: number;
  to: number;
}

/** Size of a bucket row on disk, estimated (11 columns, compressed): what the size bound counts. */
export const BYTES_PER_BUCKET = 64;

export interface RollupSourceStats {
  source: string;
  series: number;
  buckets: number;
  bytes: number;
  oldestFill: number | null;
  newestFill: number | null;
}

interface PendingPut {
  sid: number;
  level: number;
  range: TimeRange;
  buckets: SeriesBuckets;
  expectSeq: number;
  filledAt: number;
  count?: number;
  resolve(stored: boolean): void;
  reject(e: unknown): void;
}

/** The buckets of a series that start inside a range. */
function keepInRange(b: SeriesBuckets, r: TimeRange): SeriesBuckets {
  if (b.t.every((t) => t >= r.from && t < r.to)) return b;
  const keep = b.t.map((t) => t >= r.from && t < r.to);
  const pick = (a: number[]) => a.filter((_, i) => keep[i]);
  return {
    key: b.key,
    t: pick(b.t),
    count: pick(b.count),
    sum: pick(b.sum),
    min: pick(b.min),
    max: pick(b.max),
    first: pick(b.first),
    last: pick(b.last),
    tFirst: pick(b.tFirst),
    tLast: pick(b.tLast),
  };
}

/** The rollup tables as read on open. */
export interface RollupState {
  series: (RollupScope & { sid: number; key: string })[];
  coverage: (Coverage & { sid: number })[];
}

const DAY = 86_400_000;

const scopeKey = (s: RollupScope, key: string) => `${s.tenant}\u0000${s.source}\u0000${key}`;

export class RollupStore {
  private readonly sids = new Map<string, number>();
  private readonly series = new Map<number, RollupScope & { key: string }>();
  private readonly coverage = new Map<number, Coverage[]>();
  /** Per series, bumped by every invalidation: a fill that read the source before one must not store it. */
  private readonly seqs = new Map<number, number>();
  private writer: Promise<DuckDBConnection> | null = null;
  private closed = false;
  private usageDirty = false;
  /** Puts waiting for the writer: written together in one transaction. */
  private batch: PendingPut[] = [];
  /** Use stamps for the least-recently-used order: wall-clock ms, strictly increasing. */
  private clock = 0;

  private constructor(private readonly access: RollupStoreAccess) {}

  /** Read the rollup series and coverage of an open (migrated) store. */
  static async loadState(conn: DuckDBConnection): Promise<RollupState> {
    const own = `tenant = '${OWN_SERIES.tenant}' AND source = '${OWN_SERIES.source}'`;
    const series = (await conn.runAndReadAll(`SELECT sid, tenant, source, key FROM series WHERE NOT (${own})`))
      .getRows()
      .map((r) => ({ sid: Number(r[0]), tenant: String(r[1]), source: String(r[2]), key: String(r[3]) }));
    const coverage = (await conn.runAndReadAll('SELECT sid, level, from_t, to_t, filled_at, used_at, buckets FROM rollup_coverage ORDER BY sid, level, from_t'))
      .getRows()
      .map((r) => ({
        sid: Number(r[0]),
        level: Number(r[1]),
        from: Number(r[2]),
        to: Number(r[3]),
        filledAt: Number(r[4]),
        usedAt: Number(r[5]),
        buckets: Number(r[6]),
      }));
    return { series, coverage };
  }

  static fromState(state: RollupState, access: RollupStoreAccess): RollupStore {
    const store = new RollupStore(access);
    for (const { sid, ...entry } of state.series) {
      store.sids.set(scopeKey(entry, entry.key), sid);
      store.series.set(sid, entry);
    }
    for (const { sid, ...c } of state.coverage) {
      const list = store.coverage.get(sid) ?? [];
      list.push(c);
      store.coverage.set(sid, list);
    }
    return store;
  }

  private check(): void {
    if (this.closed)
      throw twinError('cancelled', `The local store ${this.access.where} was closed; the rollup cache is not available.`, { where: this.access.where });
  }

  private async write<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    this.check();
    return this.access.writes.run(async () => {
      this.check();
      this.writer ??= this.access.connect().then(async (c) => {
        await createStage(c);
        return c;
      });
      return task(await this.writer);
    });
  }

  private async transaction(conn: DuckDBConnection, statements: readonly string[]): Promise<void> {
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const sql of statements) await conn.run(sql);
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** The id of a series' rollups in a scope, if it has any. `key` must be canonical. */
  sidOf(scope: RollupScope, key: string): number | undefined {
    return this.sids.get(scopeKey(scope, key));
  }

  /** The ids of some series' rollups in a scope, creating the rows of new ones in one write. Keys must be canonical. */
  async ensureSids(scope: RollupScope, keys: readonly string[]): Promise<number[]> {
    if (keys.some((k) => this.sidOf(scope, k) === undefined)) {
      await this.write(async (conn) => {
        const fresh = [...new Set(keys)].filter((k) => this.sidOf(scope, k) === undefined);
        if (fresh.length === 0) return;
        const rows = fresh.map((key) => ({ key, ref: parseSeriesKey(key), sid: this.access.allocateSid() }));
        await conn.run('BEGIN TRANSACTION');
        try {
          // User-chosen names are bound as parameters, never spliced into SQL.
          for (const { key, ref, sid } of rows) {
            await conn.run(
              'INSERT INTO series (sid, key, measurement, field, tags, tenant, source) VALUES ($1, $2, $3, $4, $5, $6, $7)',
              [sid, key, ref.measurement, ref.field, JSON.stringify(ref.tags), scope.tenant, scope.source],
              [INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR],
            );
          }
          await conn.run('COMMIT');
        } catch (e) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
        for (const { key, sid } of rows) {
          this.sids.set(scopeKey(scope, key), sid);
          this.series.set(sid, { ...scope, key });
        }
      });
    }
    return keys.map((k) => this.sidOf(scope, k) as number);
  }

  /** The id of a series' rollups in a scope, creating its row on first use. `key` must be canonical. */
  async ensureSid(scope: RollupScope, key: string): Promise<number> {
    return (await this.ensureSids(scope, [key]))[0] as number;
  }

  /** The series ids of a scope (every source of the tenant when `source` is absent). */
  sidsOf(tenant: string, source?: string): number[] {
    return [...this.series].filter(([, s]) => s.tenant === tenant && (source === undefined || s.source === source)).map(([sid]) => sid);
  }

  /** The series ids of one source's rollups, of every tenant. */
  sidsOfSource(source: string): number[] {
    return [...this.series].filter(([, s]) => s.source === source).map(([sid]) => sid);
  }

  /** The levels of a series with a filled range overlapping `range`. */
  levelsCovering(sid: number, range: TimeRange): number[] {
    return [...new Set((this.coverage.get(sid) ?? []).filter((c) => intersectRange(c, range)).map((c) => c.level))];
  }

  /** Starts of the UTC days in `range` that a level of a series holds whole. */
  wholeDays(sid: number, level: number, range: TimeRange): number[] {
    const out: number[] = [];
    for (let d = Math.ceil(range.from / DAY) * DAY; d + DAY <= range.to; d += DAY) {
      if (this.missing(sid, level, { from: d, to: d + DAY }).length === 0) out.push(d);
    }
    return out;
  }

  /** Points per UTC day the cache holds, per series and level. */
  async dailyCounts(sids: readonly number[], range: TimeRange): Promise<Map<number, Map<number, Map<number, number>>>> {
    const out = new Map<number, Map<number, Map<number, number>>>();
    if (sids.length === 0) return out;
    const rows = await this.access.pool.use(async (c) =>
      (
        await c.runAndReadAll(
          `SELECT sid, level, (t // ${DAY}) * ${DAY} AS d, sum(n) FROM rollups WHERE sid IN (${sids.join(',')}) AND t >= ${range.from} AND t < ${range.to} GROUP BY ALL`,
        )
      ).getRows(),
    );
    for (const r of rows) {
      const bySid = out.get(Number(r[0])) ?? new Map<number, Map<number, number>>();
      const byLevel = bySid.get(Number(r[1])) ?? new Map<number, number>();
      byLevel.set(Number(r[2]), Number(r[3]));
      bySid.set(Number(r[1]), byLevel);
      out.set(Number(r[0]), bySid);
    }
    return out;
  }

  /**
   * The last cached value of a series at or before `at`: from the finest level whose filled ranges reach
   * furthest towards `at`. `through` is where that filled range ends (values after it are unknown); `t` is
   * the value's time where known, else the end of its bucket. Null when nothing cached lies before `at`.
   */
  async lastValue(sid: number, at: number): Promise<{ t: number; value: number; through: number; filledAt: number } | null> {
    let best: { level: number; c: Coverage; until: number } | null = null;
    for (const c of this.coverage.get(sid) ?? []) {
      if (c.from > at) continue;
      // How far towards `at` this range knows everything: to `at` itself when it holds at's bucket.
      const until = Math.min(c.to, Math.floor(at / c.level) * c.level + c.level);
      if (!best || until > best.until || (until === best.until && c.level < best.level)) best = { level: c.level, c, until };
    }
    if (!best) return null;
    const { level, c } = best;
    const rows = await this.access.pool.use(async (conn) =>
      (
        await conn.runAndReadAll(
          `SELECT t, last, t_last FROM rollups WHERE sid = ${sid} AND level = ${level} AND t >= ${c.from} AND t <= ${at} AND t < ${c.to} ORDER BY t DESC LIMIT 2`,
        )
      ).getRows(),
    );
    let through = best.until > at ? at : best.until;
    for (const r of rows) {
      const start = Number(r[0]);
      const tLast = r[2] === null ? null : Number(r[2]);
      // A bucket still open at `at` counts only when its last point is known to be at or before `at`; when it
      // is not, its points before `at` are unknown, and so is everything after the bucket before it.
      if (start + level - 1 <= at || (tLast !== null && tLast <= at))
        return { t: tLast ?? start + level - 1, value: Number(r[1]), through, filledAt: c.filledAt };
      through = start;
    }
    return null;
  }

  keyOf(sid: number): string | undefined {
    return this.series.get(sid)?.key;
  }

  /** The invalidation count of a series: pass it back to `put` so a fill overtaken by a change is dropped. */
  seq(sid: number): number {
    return this.seqs.get(sid) ?? 0;
  }

  /** The filled ranges of a series at a level. */
  covered(sid: number, level: number): Coverage[] {
    return (this.coverage.get(sid) ?? []).filter((c) => c.level === level);
  }

  /** The parts of a range of a level not filled yet. */
  missing(sid: number, level: number, range: TimeRange): TimeRange[] {
    return subtractRanges(range, this.covered(sid, level));
  }

  /** Whether a range of a level is filled, and the oldest fill time of what covers it. */
  coverageOf(sid: number, level: number, range: TimeRange): { complete: boolean; filledAt: number | null } {
    let filledAt: number | null = null;
    for (const c of this.covered(sid, level)) {
      if (intersectRange(c, range)) filledAt = filledAt === null ? c.filledAt : Math.min(filledAt, c.filledAt);
    }
    return { complete: this.missing(sid, level, range).length === 0, filledAt };
  }

  private stamp(): number {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return this.clock;
  }

  /** Mark the filled ranges a request used, for the least-recently-used order. */
  touch(sid: number, level: number, range: TimeRange): void {
    const now = this.stamp();
    for (const c of this.covered(sid, level)) {
      if (intersectRange(c, range)) {
        c.usedAt = now;
        this.usageDirty = true;
      }
    }
  }

  /**
   * Store the buckets of one filled range and mark it filled, in one transaction. Returns false (storing
   * nothing) when the series was invalidated since `expectSeq` was read: the buckets may predate a change.
   * Puts that arrive while one is being written go together in the next transaction (a commit costs more
   * than the rows of a slice).
   */
  put(sid: number, level: number, range: TimeRange, buckets: SeriesBuckets, expectSeq: number, filledAt: number): Promise<boolean> {
    if (range.from % level !== 0 || range.to % level !== 0) throw new Error(`A filled range must be whole buckets of ${level} ms.`);
    return new Promise<boolean>((resolve, reject) => {
      this.batch.push({ sid, level, range, buckets, expectSeq, filledAt, resolve, reject });
      if (this.batch.length === 1) {
        // A store closed before the writer came round: these puts fail rather than wait forever.
        this.write((conn) => this.flushPuts(conn)).catch((e: unknown) => {
          for (const p of this.batch.splice(0)) p.reject(e);
        });
      }
    });
  }

  private async flushPuts(conn: DuckDBConnection): Promise<void> {
    const items = this.batch.splice(0);
    const current = items.filter((p) => {
      if (this.seq(p.sid) === p.expectSeq) return true;
      p.resolve(false);
      return false;
    });
    if (current.length === 0) return;
    try {
      // Whatever a failed put left staged goes first.
      await conn.run(`DELETE FROM ${STAGE_TABLE}`);
      const appender = await conn.createAppender(STAGE_TABLE, 'main', 'temp');
      try {
        for (const p of current) {
          const inRange = keepInRange(p.buckets, p.range);
          appendBuckets(appender, p.sid, p.level, inRange);
          p.count = inRange.t.length;
        }
      } finally {
        appender.closeSync();
      }
      const usedAt = this.stamp();
      await this.transaction(conn, [
        ...current.flatMap((p) => [
          // Rows exist only inside filled ranges (both change in one transaction), so a range that overlaps none has nothing to replace.
          ...(this.covered(p.sid, p.level).some((c) => intersectRange(c, p.range)) ? replaceRangeSql(p.sid, p.level, p.range.from, p.range.to) : []),
          `INSERT INTO rollup_coverage VALUES (${p.sid}, ${p.level}, ${p.range.from}, ${p.range.to}, ${p.filledAt}, ${usedAt}, ${p.count ?? 0})`,
        ]),
        ...MOVE_STAGED_SQL,
      ]);
      for (const p of current) {
        const { sid, level, range } = p;
        const list = (this.coverage.get(sid) ?? []).filter((c) => !(c.level === level && c.from >= range.from && c.to <= range.to));
        list.push({ level, from: range.from, to: range.to, filledAt: p.filledAt, usedAt, buckets: p.count ?? 0 });
        this.coverage.set(sid, list);
        p.resolve(true);
      }
    } catch (e) {
      for (const p of current) p.reject(e);
    }
  }

  /** Windows of some series composed from one level over a layout snapped to it. */
  async compose(sids: readonly number[], level: number, layout: WindowLayout, signal?: AbortSignal): Promise<Map<number, SeriesWindows>> {
    this.check();
    return this.access.pool.use((c) => queryComposed(c, sids, level, layout), signal);
  }

  /**
   * Forget the buckets of some series over a range (all time when absent) at every level, each level's range
   * widened to its whole buckets. Returns what was filled there, so the caller can fill it again.
   */
  async invalidate(sids: readonly number[], range?: TimeRange): Promise<RollupJob[]> {
    const dropped: RollupJob[] = [];
    const statements: string[] = [];
    for (const sid of sids) {
      this.seqs.set(sid, this.seq(sid) + 1);
      const list = this.coverage.get(sid);
      if (!list || list.length === 0) continue;
      const kept: Coverage[] = [];
      for (const level of ROLLUP_LEVELS_MS) {
        const r = range ? bucketAligned(range, level) : { from: -8.64e15, to: 8.64e15 };
        for (const c of list.filter((x) => x.level === level)) {
          const hit = intersectRange(c, r);
          if (!hit) {
            kept.push(c);
            continue;
          }
          dropped.push({ sid, level, from: hit.from, to: hit.to });
          // The parts outside the range stay filled; their bucket counts are shared out by length.
          for (const part of subtractRanges(c, [hit]))
            kept.push({ ...part, level, filledAt: c.filledAt, usedAt: c.usedAt, buckets: Math.round((c.buckets * (part.to - part.from)) / (c.to - c.from)) });
        }
        if (range) statements.push(`DELETE FROM rollups WHERE sid = ${sid} AND level = ${level} AND t >= ${r.from} AND t < ${r.to}`);
      }
      kept.push(...list.filter((c) => !ROLLUP_LEVELS_MS.includes(c.level)));
      this.coverage.set(sid, kept);
      if (!range) statements.push(`DELETE FROM rollups WHERE sid = ${sid}`);
      statements.push(`DELETE FROM rollup_coverage WHERE sid = ${sid}`, ...kept.map((c) => coverageInsert(sid, c)));
    }
    if (statements.length > 0) await this.write((conn) => this.transaction(conn, statements));
    return dropped;
  }

  /** Drop the rollups of a tenant (of one of its sources when given); returns the buckets dropped. */
  async clear(tenant: string, source?: string): Promise<number> {
    const sids = this.sidsOf(tenant, source);
    let buckets = 0;
    for (const sid of sids) buckets += (this.coverage.get(sid) ?? []).reduce((a, c) => a + c.buckets, 0);
    if (sids.length === 0) return 0;
    for (const sid of sids) {
      this.seqs.set(sid, this.seq(sid) + 1);
      this.coverage.delete(sid);
    }
    const list = sids.join(',');
    await this.write((conn) =>
      this.transaction(conn, [
        `DELETE FROM rollups WHERE sid IN (${list})`,
        `DELETE FROM rollup_coverage WHERE sid IN (${list})`,
        `DELETE FROM rollup_jobs WHERE sid IN (${list})`,
      ]),
    );
    return buckets;
  }

  /** Buckets, estimated bytes and fill ages per source of a tenant. */
  stats(tenant: string): RollupSourceStats[] {
    const bySource = new Map<string, RollupSourceStats>();
    for (const [sid, s] of this.series) {
      if (s.tenant !== tenant) continue;
      const list = this.coverage.get(sid) ?? [];
      if (list.length === 0) continue;
      const st = bySource.get(s.source) ?? { source: s.source, series: 0, buckets: 0, bytes: 0, oldestFill: null, newestFill: null };
      st.series++;
      for (const c of list) {
        st.buckets += c.buckets;
        st.oldestFill = st.oldestFill === null ? c.filledAt : Math.min(st.oldestFill, c.filledAt);
        st.newestFill = st.newestFill === null ? c.filledAt : Math.max(st.newestFill, c.filledAt);
      }
      st.bytes = st.buckets * BYTES_PER_BUCKET;
      bySource.set(s.source, st);
    }
    return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : 1));
  }

  /** Estimated bytes of every tenant's rollups: what the size bound limits. */
  totalBytes(): number {
    let buckets = 0;
    for (const list of this.coverage.values()) for (const c of list) buckets += c.buckets;
    return buckets * BYTES_PER_BUCKET;
  }

  /**
   * Keep the rollups within `maxBytes`: drop the least recently used filled ranges (of any tenant) until
   * they take at most 90 % of it, so the next fills do not evict again at once. Returns the buckets dropped.
   */
  async enforceLimit(maxBytes: number): Promise<number> {
    let total = this.totalBytes();
    if (total <= maxBytes) return 0;
    const all = [...this.coverage].flatMap(([sid, list]) => list.map((c) => ({ sid, c })));
    all.sort((a, b) => a.c.usedAt - b.c.usedAt);
    const victims: { sid: number; c: Coverage }[] = [];
    for (const v of all) {
      if (total <= maxBytes * 0.9) break;
      victims.push(v);
      total -= v.c.buckets * BYTES_PER_BUCKET;
    }
    const statements: string[] = [];
    let dropped = 0;
    for (const { sid, c } of victims) {
      this.seqs.set(sid, this.seq(sid) + 1);
      this.coverage.set(
        sid,
        (this.coverage.get(sid) ?? []).filter((x) => x !== c),
      );
      dropped += c.buckets;
      statements.push(
        `DELETE FROM rollups WHERE sid = ${sid} AND level = ${c.level} AND t >= ${c.from} AND t < ${c.to}`,
        `DELETE FROM rollup_coverage WHERE sid = ${sid} AND level = ${c.level} AND from_t = ${c.from} AND to_t = ${c.to}`,
      );
    }
    await this.write((conn) => this.transaction(conn, statements));
    return dropped;
  }

  /** Persist when filled ranges were last used (kept in memory between). */
  async flushUsage(): Promise<void> {
    if (!this.usageDirty) return;
    this.usageDirty = false;
    const rows = [...this.coverage].flatMap(([sid, list]) => list.map((c) => `(${sid}, ${c.level}, ${c.from}, ${c.usedAt})`));
    if (rows.length === 0) return;
    await this.write((conn) =>
      this.transaction(conn, [
        `UPDATE rollup_coverage SET used_at = u.used FROM (VALUES ${rows.join(',')}) AS u(sid, level, from_t, used)
           WHERE rollup_coverage.sid = u.sid AND rollup_coverage.level = u.level AND rollup_coverage.from_t = u.from_t`,
      ]),
    );
  }

  async addJobs(jobs: readonly RollupJob[], queuedAt: number): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((j) => `(${j.sid}, ${j.level}, ${j.from}, ${j.to}, ${queuedAt})`).join(',');
    await this.write((conn) => conn.run(`INSERT INTO rollup_jobs VALUES ${rows}`).then(() => undefined));
  }

  async removeJobs(jobs: readonly RollupJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((j) => `(${j.sid}, ${j.level}, ${j.from}, ${j.to})`).join(',');
    await this.write((conn) =>
      conn
        .run(
          `DELETE FROM rollup_jobs USING (VALUES ${rows}) AS j(sid, level, from_t, to_t)
             WHERE rollup_jobs.sid = j.sid AND rollup_jobs.level = j.level AND rollup_jobs.from_t = j.from_t AND rollup_jobs.to_t = j.to_t`,
        )
        .then(() => undefined),
    );
  }

  /** Unfinished jobs of some series. */
  async jobs(sids: readonly number[]): Promise<RollupJob[]> {
    if (sids.length === 0) return [];
    this.check();
    const rows = await this.access.pool.use(async (c) =>
      (
        await c.runAndReadAll(`SELECT DISTINCT sid, level, from_t, to_t FROM rollup_jobs WHERE sid IN (${sids.join(',')}) ORDER BY sid, level, from_t`)
      ).getRows(),
    );
    return rows.map((r) => ({ sid: Number(r[0]), level: Number(r[1]), from: Number(r[2]), to: Number(r[3]) }));
  }

  /** Rows of a series and level as stored (for tests and checks). */
  async storedBuckets(sid: number, level: number): Promise<{ t: number[]; count: number[] }> {
    const cols = await this.access.pool.use(async (c) =>
      (await c.runAndReadAll(`SELECT t, n FROM rollups WHERE sid = ${sid} AND level = ${level} ORDER BY t`)).getColumns(),
    );
    return { t: (cols[0] ?? []).map(Number), count: (cols[1] ?? []).map(Number) };
  }

  /** Persist usage and release the writer connection; the store closes its database after. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushUsage().catch(() => undefined);
    this.closed = true;
    await this.access.writes.run(async () => {
      const w = await this.writer?.catch(() => null);
      w?.closeSync();
      this.writer = null;
    });
  }
}

function coverageInsert(sid: number, c: Coverage): string {
  return `INSERT INTO rollup_coverage VALUES (${sid}, ${c.level}, ${c.from}, ${c.to}, ${c.filledAt}, ${c.usedAt}, ${c.buckets})`;
}
