import { isTwinError } from '../../../shared/api/errors';
import { canonicalSeriesKey, parseSeriesKey } from '../../../shared/series/series-key';
import { bucketsFromWindows, chooseLevel, headLayout, snapLayout, stableEnd, tailLayout, type SeriesBuckets } from '../../../shared/series/rollup-math';
import { intersectRange } from '../../../shared/series/range-set';
import { emptyWindows, type CatalogEntry, type SeriesWindows, type SnappedLayout, type ValueAt, type WindowLayout } from '../../../shared/series/types';
import { ALL_STATS, type CallOptions, type CatalogQuery, type TimeSeriesSource, type WindowsQuery } from '../source';
import { PassThroughSource } from '../layers/pass-through-source';
import type { RollupCache } from './rollup-cache';
import type { FetchBuckets } from './rollup-filler';

/** Source errors that mean "not reachable now": the cache answers what it holds instead. */
export function isOfflineError(e: unknown): boolean {
  return isTwinError(e) && (e.kind === 'unreachable' || e.kind === 'timeout');
}

/** After the source failed as unreachable, it is not asked again for this long: answers come from the cache at once. */
const OFFLINE_BACKOFF_MS = 30_000;

function concat(a: SeriesWindows, b: SeriesWindows): SeriesWindows {
  const out = emptyWindows(a.key);
  for (const s of ['t', ...ALL_STATS] as const) out[s] = a[s].concat(b[s]);
  return out;
}

/** Keep the windows that lie wholly inside filled ranges (offline, a half-filled window would be wrong). */
function keepCovered(w: SeriesWindows, width: number, covered: readonly { from: number; to: number }[]): SeriesWindows {
  const out = emptyWindows(w.key);
  w.t.forEach((t, i) => {
    if (!covered.some((c) => c.from <= t && c.to >= t + width)) return;
    for (const s of ['t', ...ALL_STATS] as const) out[s].push(w[s][i] as number);
  });
  return out;
}

/**
 * The rollup cache as a layer. Long ranges are answered from buckets in the local store: the coarsest level
 * whose bucket fits at least ten times in a window, windows snapped to whole buckets (said in `snapped`).
 * Windows overlapping the newest hour (configurable) always come from the source; short ranges fall through
 * to it. A series not cached yet is answered by the source over the same snapped windows while its buckets
 * are filled in the background, so nothing waits on a fill. When the source cannot be reached, what is
 * cached is answered and marked offline.
 */
export class RollupSource extends PassThroughSource {
  private offlineUntil = 0;
  private offlineError: Error | null = null;
  private readonly fetchBuckets: FetchBuckets;

  constructor(
    inner: TimeSeriesSource,
    private readonly cache: RollupCache,
    readonly sourceId: string,
  ) {
    super(inner);
    const native = inner.buckets?.bind(inner);
    this.fetchBuckets = native
      ? async (key, layout, signal) => (await native([key], layout, { signal }))[0] as SeriesBuckets
      : async (key, layout, signal) => bucketsFromWindows((await inner.windows([key], layout, { signal }))[0] ?? emptyWindows(key));
  }

  /** The source below this layer (the late-data check counts there, not in the cache). */
  get innerSource(): TimeSeriesSource {
    return this.inner;
  }

  /** The one bucket query per series, level and slice the filler runs. */
  get fetch(): FetchBuckets {
    return this.fetchBuckets;
  }

  private scope() {
    return { tenant: this.cache.tenant, source: this.sourceId };
  }

  override async windows(keys: readonly string[], layout: WindowLayout, query: WindowsQuery = {}): Promise<SeriesWindows[]> {
    const level = chooseLevel(layout.width, this.cache.levels);
    const canonical = keys.map((k) => {
      try {
        return canonicalSeriesKey(k);
      } catch {
        return null;
      }
    });
    // Short ranges, and keys the source must judge (it names the bad one), go to the source as asked.
    if (level === undefined || canonical.includes(null)) return this.inner.windows(keys, layout, query);
    const snapped: SnappedLayout = { ...snapLayout(layout, level), bucket: level };
    const now = this.cache.now();
    const edge = stableEnd(now - this.cache.liveEdgeMs, level);
    const headCount = Math.max(0, Math.min(snapped.n, Math.floor((edge - snapped.from) / snapped.width)));
    const head = headCount > 0 ? headLayout(snapped, headCount) : null;
    const tail = headCount < snapped.n ? tailLayout(snapped, headCount) : null;
    const unique = [...new Set(canonical as string[])];
    const store = this.cache.store;
    const sidOf = new Map(unique.map((k) => [k, store.sidOf(this.scope(), k)]));
    const cached: string[] = [];
    const cold: string[] = [];
    const filledAt = new Map<string, number | null>();
    for (const k of unique) {
      const sid = sidOf.get(k);
      const c = head && sid !== undefined ? store.coverageOf(sid, level, head) : { complete: false, filledAt: null };
      if (head && c.complete) {
        cached.push(k);
        filledAt.set(k, c.filledAt);
      } else cold.push(k);
    }
    const offline = now < this.offlineUntil;
    const ask = async (ks: string[], l: WindowLayout | null): Promise<SeriesWindows[] | Error> => {
      if (!l || ks.length === 0) return ks.map((k) => emptyWindows(k));
      if (offline && this.offlineError) return this.offlineError;
      try {
        return await this.inner.windows(ks, l, query);
      } catch (e) {
        if (!isOfflineError(e)) throw e;
        this.offlineUntil = this.cache.now() + OFFLINE_BACKOFF_MS;
        this.offlineError = e as Error;
        return e as Error;
      }
    };
    const sids = (ks: string[]) => ks.map((k) => sidOf.get(k) as number);
    // Series not cached are asked for over all the snapped windows in one request; cached ones only for the newest.
    const [composed, fromSource, tailWindows] = await Promise.all([
      head && cached.length ? store.compose(sids(cached), level, head, query.signal) : new Map<number, SeriesWindows>(),
      ask(cold, snapped),
      ask(cached, tail),
    ]);
    if (head) for (const k of cached) store.touch(sidOf.get(k) as number, level, head);
    // The fill starts once the first answer is out, so it does not slow that answer down.
    if (head && cold.length > 0 && !(fromSource instanceof Error)) this.cache.requestFill(this, cold, level, head);
    if (fromSource instanceof Error || tailWindows instanceof Error) {
      return this.offlineAnswer(keys, canonical as string[], sidOf, level, snapped, head, composed, fromSource, tailWindows, filledAt);
    }
    const byKey = new Map<string, SeriesWindows>();
    cold.forEach((k, i) => byKey.set(k, fromSource[i] as SeriesWindows));
    cached.forEach((k, i) => {
      const h = composed.get(sidOf.get(k) as number) ?? emptyWindows(k);
      byKey.set(k, tail ? concat(h, tailWindows[i] as SeriesWindows) : h);
    });
    return keys.map((key, i) => {
      const w: SeriesWindows = { ...(byKey.get(canonical[i] as string) as SeriesWindows), key, snapped };
      if (filledAt.has(canonical[i] as string)) w.cache = { filledAt: filledAt.get(canonical[i] as string) ?? null, offline: false };
      return w;
    });
  }

  /** The source could not be reached: what the cache holds, marked offline; the source's error when it holds nothing. */
  private async offlineAnswer(
    keys: readonly string[],
    canonical: string[],
    sidOf: Map<string, number | undefined>,
    level: number,
    snapped: SnappedLayout,
    head: WindowLayout | null,
    composed: Map<number, SeriesWindows>,
    fromSource: SeriesWindows[] | Error,
    tailWindows: SeriesWindows[] | Error,
    filledAt: Map<string, number | null>,
  ): Promise<SeriesWindows[]> {
    const store = this.cache.store;
    const partial = [...sidOf].filter(
      ([k, sid]) => sid !== undefined && !filledAt.has(k) && head && store.covered(sid, level).some((c) => intersectRange(c, head)),
    );
    if (filledAt.size === 0 && partial.length === 0) throw fromSource instanceof Error ? fromSource : tailWindows;
    // Series cached in part: the windows their filled ranges hold wholly.
    const more =
      head && partial.length
        ? await store.compose(
            partial.map(([, sid]) => sid as number),
            level,
            head,
          )
        : new Map<number, SeriesWindows>();
    const through = head ? head.to : snapped.from;
    return keys.map((key, i) => {
      const k = canonical[i] as string;
      const sid = sidOf.get(k);
      let w = sid !== undefined ? (composed.get(sid) ?? more.get(sid)) : undefined;
      let when = filledAt.get(k) ?? null;
      if (w && sid !== undefined && !filledAt.has(k) && head) {
        const covered = store.covered(sid, level);
        w = keepCovered(w, snapped.width, covered);
        when = store.coverageOf(sid, level, head).filledAt;
      }
      return { ...(w ?? emptyWindows(key)), key, snapped, cache: { filledAt: when, offline: true, through } };
    });
  }

  /** Offline, the last cached value at or before the instant, marked with the cache's age and end. */
  override async valueAt(keys: readonly string[], t: number, options?: CallOptions): Promise<ValueAt[]> {
    try {
      return await this.inner.valueAt(keys, t, options);
    } catch (e) {
      if (!isOfflineError(e)) throw e;
      const store = this.cache.store;
      const got = await Promise.all(
        keys.map(async (key): Promise<ValueAt> => {
          let sid: number | undefined;
          try {
            sid = store.sidOf(this.scope(), canonicalSeriesKey(key));
          } catch {
            sid = undefined;
          }
          const v = sid === undefined ? null : await store.lastValue(sid, t);
          return v ? { key, t: v.t, value: v.value, cache: { filledAt: v.filledAt, offline: true, through: v.through } } : { key, t: null, value: null };
        }),
      );
      if (got.every((v) => v.cache === undefined)) throw e;
      return got;
    }
  }

  /** Offline, the series it holds history of are the catalog. */
  override async catalog(query: CatalogQuery = {}): Promise<CatalogEntry[]> {
    try {
      return await this.inner.catalog(query);
    } catch (e) {
      if (!isOfflineError(e)) throw e;
      const needle = (query.search ?? '').trim().toLowerCase();
      const entries = this.cache.store
        .sidsOf(this.cache.tenant, this.sourceId)
        .filter((sid) => this.cache.store.levelsCovering(sid, { from: -8.64e15, to: 8.64e15 }).length > 0)
        .map((sid) => this.cache.store.keyOf(sid) as string)
        .filter((key) => needle === '' || key.toLowerCase().includes(needle))
        .sort()
        .slice(0, query.limit ?? Infinity)
        .map((key) => {
          const ref = parseSeriesKey(key);
          return { key, measurement: ref.measurement, field: ref.field, tags: { ...ref.tags } };
        });
      if (entries.length === 0) throw e;
      return entries;
    }
  }

  override async close(): Promise<void> {
    this.cache.detach(this);
    await this.inner.close();
  }
}
