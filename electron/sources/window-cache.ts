import { canonicalSeriesKey } from '../../shared/series/series-key';
import type { SeriesWindows, WindowLayout } from '../../shared/series/types';
import { emptyWindows } from '../../shared/series/types';

/** How far back data may still change (late writes, the current window): never served from cache. */
export const LIVE_EDGE_MS = 60 * 60 * 1000;

interface Entry {
  windows: SeriesWindows;
  /** Windows at or after this instant were not cached (they were inside the live edge when fetched). */
  cachedUntil: number;
  bytes: number;
}

export type FetchWindows = (keys: readonly string[], layout: WindowLayout) => Promise<SeriesWindows[]>;

function sliceWindows(w: SeriesWindows, pred: (t: number) => boolean): SeriesWindows {
  const out = emptyWindows(w.key);
  for (let i = 0; i < w.t.length; i++) {
    const t = w.t[i] as number;
    if (!pred(t)) continue;
    out.t.push(t);
    out.min.push(w.min[i] as number);
    out.max.push(w.max[i] as number);
    out.mean.push(w.mean[i] as number);
    out.first.push(w.first[i] as number);
    out.last.push(w.last[i] as number);
    out.count.push(w.count[i] as number);
  }
  return out;
}

function concatWindows(a: SeriesWindows, b: SeriesWindows): SeriesWindows {
  return {
    key: a.key,
    t: a.t.concat(b.t),
    min: a.min.concat(b.min),
    max: a.max.concat(b.max),
    mean: a.mean.concat(b.mean),
    first: a.first.concat(b.first),
    last: a.last.concat(b.last),
    count: a.count.concat(b.count),
  };
}

function canonical(key: string): string {
  try {
    return canonicalSeriesKey(key);
  } catch {
    return key;
  }
}

/**
 * Window results kept in the main process, keyed by scope (tenant and source), series, variant (the
 * statistics asked for), range and n, so repeated scrubs and chart redraws do not query again. Windows that
 * start inside the live edge (the newest hour) are never cached: on a hit, only those are fetched again,
 * with the same layout. Answers of the rollup cache (snapped or offline) are kept only when wholly older
 * than the live edge, since their windows are not on the requested grid.
 */
export class WindowCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every invalidation: a fetch that started before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly maxBytes = 256 * 1024 * 1024,
    private readonly now: () => number = Date.now,
    private readonly liveEdgeMs = LIVE_EDGE_MS,
  ) {}

  private static id(scope: string, key: string, variant: string, layout: WindowLayout): string {
    return `${scope}\u0000${key}\u0000${variant}\u0000${layout.from}\u0000${layout.to}\u0000${layout.width}`;
  }

  /** Windows for keys, from the cache where possible; `scope` names the tenant and source, `variant` the statistics. */
  async get(scope: string, variant: string, keys: readonly string[], layout: WindowLayout, fetch: FetchWindows): Promise<SeriesWindows[]> {
    const edge = this.now() - this.liveEdgeMs;
    const generation = this.generation;
    // The first window that may still change: windows starting before it are complete and cacheable.
    const stableEnd = layout.from + Math.max(0, Math.floor((edge - layout.from) / layout.width)) * layout.width;
    const ids = new Map(keys.map((k) => [k, WindowCache.id(scope, canonical(k), variant, layout)]));
    const results = new Map<string, SeriesWindows>();
    const missing: string[] = [];
    const tailOnly: string[] = [];
    for (const k of new Set(keys)) {
      const id = ids.get(k) as string;
      const e = this.entries.get(id);
      if (!e) {
        missing.push(k);
        continue;
      }
      this.touch(id, e);
      if (e.cachedUntil >= layout.to) results.set(k, { ...e.windows, key: k });
      else tailOnly.push(k);
    }
    if (missing.length) {
      for (const w of await fetch(missing, layout)) {
        results.set(w.key, w);
        if (generation !== this.generation) continue;
        const id = ids.get(w.key);
        if (id === undefined) continue;
        if (w.snapped || w.cache) {
          // Rollup answers: kept whole, or not at all.
          if (!w.cache?.offline && (w.snapped?.to ?? layout.to) <= edge) this.put(id, { windows: w, cachedUntil: layout.to, bytes: w.t.length * 56 + 96 });
          continue;
        }
        const cachedUntil = Math.min(stableEnd, layout.to);
        const stable = cachedUntil >= layout.to ? w : sliceWindows(w, (t) => t < cachedUntil);
        this.put(id, { windows: stable, cachedUntil, bytes: stable.t.length * 56 + 64 });
      }
    }
    if (tailOnly.length) {
      // Refetch only the live part, with the same window width and alignment.
      const groups = new Map<number, string[]>();
      for (const k of tailOnly) {
        const e = this.entries.get(ids.get(k) as string) as Entry;
        const list = groups.get(e.cachedUntil) ?? [];
        list.push(k);
        groups.set(e.cachedUntil, list);
      }
      for (const [from, ks] of groups) {
        const cached = new Map(ks.map((k) => [k, this.entries.get(ids.get(k) as string)]));
        const tailLayout: WindowLayout = { from, to: layout.to, width: layout.width, n: Math.ceil((layout.to - from) / layout.width) };
        const fresh = await fetch(ks, tailLayout);
        for (const w of fresh) {
          const e = cached.get(w.key);
          results.set(w.key, e ? concatWindows({ ...e.windows, key: w.key }, w) : w);
        }
      }
    }
    return keys.map((k) => results.get(k) ?? emptyWindows(k));
  }

  private touch(id: string, e: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, e);
  }

  private put(id: string, e: Entry): void {
    const old = this.entries.get(id);
    if (old) this.bytes -= old.bytes;
    this.entries.set(id, e);
    this.bytes += e.bytes;
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const victim = this.entries.get(oldest.value) as Entry;
      this.bytes -= victim.bytes;
      this.entries.delete(oldest.value);
    }
  }

  /** Forget a scope's entries: of some series (canonical keys), or all of them. */
  invalidate(scope: string, keys?: readonly string[]): void {
    this.generation++;
    const prefixes = keys ? keys.map((k) => `${scope}\u0000${k}\u0000`) : [`${scope}\u0000`];
    for (const [id, e] of this.entries) {
      if (prefixes.some((p) => id.startsWith(p))) {
        this.bytes -= e.bytes;
        this.entries.delete(id);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
