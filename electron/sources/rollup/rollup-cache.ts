import { twinError } from '../../../shared/api/errors';
import { canonicalSeriesKey } from '../../../shared/series/series-key';
import { ROLLUP_LEVELS_MS, stableEnd } from '../../../shared/series/rollup-math';
import type { TimeRange, WindowLayout } from '../../../shared/series/types';
import type { RollupStore, RollupSourceStats } from '../local/rollup-store';
import type { SourceChange, SourceChanges } from '../layers/source-changes';
import type { TimeSeriesSource } from '../source';
import { RollupFiller, type FillProgress } from './rollup-filler';
import { RollupSource } from './rollup-source';
import { findLateData } from './late-data';

const DAY = 86_400_000;

export interface RollupCacheOptions {
  /** Whose cache this is: one tenant's rollups never answer another's; a function follows the active tenant. */
  tenant: string | (() => string);
  /** Buckets overlapping this much of the newest data are always fetched from the source (default 1 h). */
  liveEdgeMs?: number;
  /** Size bound of all tenants' rollups, estimated bytes (default 2 GiB); least recently used ranges go first. */
  maxBytes?: number;
  /** Fill queries in flight at once (default 4). */
  fillConcurrency?: number;
  /** Late data: how many recent days are re-counted against the source (default 7). */
  recentDays?: number;
  /** How often they are (default every 15 min; 0 turns the schedule off). */
  recheckEveryMs?: number;
  levels?: readonly number[];
  now?: () => number;
}

export interface CacheStats {
  tenant: string;
  maxBytes: number;
  /** Estimated bytes of every tenant's rollups (the size bound counts them all). */
  usedBytes: number;
  sources: RollupSourceStats[];
  fill: FillProgress;
}

/**
 * The rollup cache of one session: the store's rollup tables, the background filler, the late-data check,
 * and one RollupSource layer per source it wraps. It listens for announced changes (writes, imports, a
 * refresh) and drops and refills the buckets they touch.
 */
export class RollupCache {
  private readonly tenantOf: () => string;
  readonly liveEdgeMs: number;
  readonly levels: readonly number[];
  readonly maxBytes: number;
  readonly now: () => number;
  readonly filler: RollupFiller;
  private readonly recentDays: number;
  private readonly layers = new Map<string, RollupSource>();
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout | null;
  private pending = new Set<Promise<unknown>>();

  /** Whose cache is used now: the active tenant. */
  get tenant(): string {
    return this.tenantOf();
  }

  constructor(
    readonly store: RollupStore,
    private readonly changes: SourceChanges,
    o: RollupCacheOptions,
  ) {
    const tenant = o.tenant;
    this.tenantOf = typeof tenant === 'function' ? tenant : () => tenant;
    this.liveEdgeMs = o.liveEdgeMs ?? 3_600_000;
    this.levels = o.levels ?? ROLLUP_LEVELS_MS;
    this.maxBytes = o.maxBytes ?? 2 * 1024 ** 3;
    this.now = o.now ?? Date.now;
    this.recentDays = o.recentDays ?? 7;
    this.filler = new RollupFiller(store, {
      limit: o.fillConcurrency ?? 4,
      now: this.now,
      afterPut: () => this.store.enforceLimit(this.maxBytes).then(() => undefined),
    });
    this.unsubscribe = changes.subscribe((c) => this.track(this.onChange(c)));
    const every = o.recheckEveryMs ?? 15 * 60_000;
    this.timer = every > 0 ? setInterval(() => this.track(this.checkLateData().catch(() => undefined)), every) : null;
    this.timer?.unref();
  }

  private track<T>(p: Promise<T>): void {
    const guarded = p.catch(() => undefined);
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
  }

  /** Put the rollup layer over a source, and resume the fills a previous session left unfinished. */
  wrap(sourceId: string, inner: TimeSeriesSource): RollupSource {
    const layer = new RollupSource(inner, this, sourceId);
    this.layers.set(sourceId, layer);
    this.track(this.resume(layer));
    return layer;
  }

  detach(layer: RollupSource): void {
    if (this.layers.get(layer.sourceId) !== layer) return;
    this.layers.delete(layer.sourceId);
    this.filler.dropSource(layer.sourceId);
  }

  private async resume(layer: RollupSource): Promise<void> {
    const groups = new Map<string, { level: number; range: TimeRange; series: { sid: number; key: string }[] }>();
    for (const job of await this.store.jobs(this.store.sidsOf(this.tenant, layer.sourceId))) {
      const key = this.store.keyOf(job.sid);
      if (key === undefined) continue;
      const id = `${job.level}|${job.from}|${job.to}`;
      const g = groups.get(id) ?? { level: job.level, range: { from: job.from, to: job.to }, series: [] };
      g.series.push({ sid: job.sid, key });
      groups.set(id, g);
    }
    for (const g of groups.values()) await this.filler.request(layer.sourceId, layer.fetch, g.series, g.level, g.range);
  }

  /** Fill a level of some series over a range in the background (the request does not wait). */
  requestFill(layer: RollupSource, keys: readonly string[], level: number, range: WindowLayout | TimeRange): void {
    this.track(this.fill(layer.sourceId, keys, level, { from: range.from, to: range.to }));
  }

  /**
   * Queue the fill of a level of some series (canonical keys) over a range of whole buckets; resolves with the
   * number of slices queued (the fill itself goes on in the background: `idle()` waits for it).
   */
  async fill(sourceId: string, keys: readonly string[], level: number, range: TimeRange): Promise<number> {
    const layer = this.layers.get(sourceId);
    if (!layer) throw new Error(`No source "${sourceId}" is wrapped by this rollup cache.`);
    const epoch = this.filler.epoch;
    const sids = await this.store.ensureSids({ tenant: this.tenant, source: sourceId }, keys);
    return this.filler.request(
      sourceId,
      layer.fetch,
      keys.map((key, i) => ({ sid: sids[i] as number, key })),
      level,
      range,
      true,
      epoch,
    );
  }

  /** Series ids of a source's rollups, of every tenant: a change at the source makes all of them stale. */
  private sidsFor(source: string, keys?: readonly string[]): number[] {
    const all = this.store.sidsOfSource(source);
    if (!keys) return all;
    const wanted = new Set(keys);
    return all.filter((sid) => wanted.has(this.store.keyOf(sid) ?? ''));
  }

  private async onChange(c: SourceChange): Promise<void> {
    const sids = this.sidsFor(c.source, c.keys);
    if (sids.length === 0) return;
    const range = c.from !== undefined && c.to !== undefined ? { from: c.from, to: c.to } : undefined;
    const dropped = await this.store.invalidate(sids, range);
    // Fill again what was filled, for this tenant, where the source is here to ask.
    const layer = this.layers.get(c.source);
    if (!layer) return;
    const mine = new Set(this.store.sidsOf(this.tenant, c.source));
    for (const d of dropped) {
      const key = this.store.keyOf(d.sid);
      if (mine.has(d.sid) && key !== undefined) await this.filler.request(c.source, layer.fetch, [{ sid: d.sid, key }], d.level, { from: d.from, to: d.to });
    }
  }

  /** "Refresh this range": forget a source's buckets over a range (all time when absent) and fetch them again. */
  async refresh(source: string, range?: TimeRange, asked?: readonly string[]): Promise<{ series: number }> {
    const keys = asked?.map((k) => {
      try {
        return canonicalSeriesKey(k);
      } catch (e) {
        throw twinError('invalid-input', (e as Error).message, { where: k });
      }
    });
    const sids = this.sidsFor(source, keys).filter((sid) => this.store.sidsOf(this.tenant, source).includes(sid));
    this.changes.publish({ source, ...(keys ? { keys } : {}), ...(range ?? {}) });
    await this.settled();
    return { series: sids.length };
  }

  /** Wait until announced changes have been applied (not for the fills they start). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Wait until every fill asked for so far is done (tests, the CLI, the benchmark). */
  async idle(): Promise<void> {
    do {
      await this.settled();
      await this.filler.idle();
    } while (this.pending.size > 0);
  }

  /** Drop this tenant's rollups (of one source when given). */
  async clear(source?: string): Promise<{ buckets: number }> {
    await this.filler.cancel();
    return { buckets: await this.store.clear(this.tenant, source) };
  }

  stats(): CacheStats {
    return {
      tenant: this.tenant,
      maxBytes: this.maxBytes,
      usedBytes: this.store.totalBytes(),
      sources: this.store.stats(this.tenant),
      fill: this.filler.progress(),
    };
  }

  cancelFill(): Promise<void> {
    return this.filler.cancel();
  }

  /**
   * Late data: re-count the recent days of every cached series against the source, and drop (then refill)
   * the days whose counts differ, so a backfill written by another program shows up without a refresh.
   */
  async checkLateData(source?: string): Promise<{ changed: { source: string; key: string; from: number; to: number }[] }> {
    const changed: { source: string; key: string; from: number; to: number }[] = [];
    const now = this.now();
    const range = { from: stableEnd(now - this.recentDays * DAY, DAY), to: stableEnd(now - this.liveEdgeMs, DAY) };
    if (range.to <= range.from) return { changed };
    for (const layer of this.layers.values()) {
      if (source !== undefined && layer.sourceId !== source) continue;
      const found = await findLateData(this.store, layer, this.tenant, range);
      for (const f of found) changed.push({ source: layer.sourceId, ...f });
    }
    for (const c of changed) this.changes.publish({ source: c.source, keys: [c.key], from: c.from, to: c.to });
    await this.settled();
    await this.store.flushUsage().catch(() => undefined);
    return { changed };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
    await this.filler.stop();
    await this.settled().catch(() => undefined);
  }
}
