import { createHash } from 'node:crypto';
import type { SourceInfo, SourceProfile } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { windowLayout } from '../../shared/series/window-math';
import type { SeriesWindows, TimeRange, WindowLayout } from '../../shared/series/types';
import { ChannelAborts } from './channel-aborts';
import type { TimeSeriesSource, WindowStat } from './source';
import { WindowCache } from './window-cache';

/** Statistics not asked for are NaN from the sources; they leave as empty arrays (NaN does not survive JSON). */
function onlyStats(w: SeriesWindows, stats: readonly WindowStat[]): SeriesWindows {
  const out: SeriesWindows = { ...w };
  for (const s of ['min', 'max', 'mean', 'first', 'last', 'count'] as const) if (!stats.includes(s)) out[s] = [];
  return out;
}

/** A connected source with what the renderer may know of it. */
interface Registered {
  info: SourceInfo;
  source: TimeSeriesSource;
}

/** How sources come to be; the concrete factories live in factories.ts so tests can substitute fakes. */
export interface SourceFactories {
  connect(profile: SourceProfile): Promise<{ source: TimeSeriesSource; version?: string; warnings: string[] }>;
}

/** The id of a remote source: stable for the same server and database, without secrets. */
export function sourceIdOf(profile: SourceProfile): string {
  const where = profile.kind === 'influx1' ? `${profile.url}|${profile.database}` : `${profile.url}|${profile.org}|${profile.bucket}`;
  return `${profile.kind}:${createHash('sha256').update(where).digest('hex').slice(0, 12)}`;
}

/** A URL safe to show: no credentials, no query. */
export function displayUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/**
 * Owns the sources of this session: the local store (always there, id `local`) and connected servers.
 * Handlers ask it for windows and values; it adds the cache and per-channel cancellation.
 */
export class SourceRegistry {
  private readonly sources = new Map<string, Registered>();
  readonly channels = new ChannelAborts();
  readonly cache = new WindowCache();

  constructor(
    private readonly factories: SourceFactories,
    /** Scope of the cache: the tenant this session works for ('offline' without one); a function follows the active tenant. */
    private readonly tenant: string | (() => string) = 'offline',
  ) {}

  /** Register a source that is already open (the local store). */
  add(info: SourceInfo, source: TimeSeriesSource): void {
    this.sources.set(info.id, { info, source });
  }

  list(): SourceInfo[] {
    return [...this.sources.values()].map((r) => r.info);
  }

  get(id: string): TimeSeriesSource {
    const r = this.sources.get(id);
    if (!r) throw twinError('not-found', `No data source "${id}" is connected. Connect it in Sources, or use "local".`, { where: id });
    return r.source;
  }

  async connect(profile: SourceProfile): Promise<SourceInfo> {
    const id = sourceIdOf(profile);
    const { source, version, warnings } = await this.factories.connect(profile);
    const previous = this.sources.get(id);
    const info: SourceInfo = { id, kind: profile.kind, name: profile.name, location: displayUrl(profile.url), warnings };
    if (version !== undefined) info.version = version;
    // The non-secret parts, so a project's sources can be matched to this connection.
    if (profile.kind === 'influx1') {
      info.database = profile.database;
      if (profile.retentionPolicy !== undefined) info.retentionPolicy = profile.retentionPolicy;
    } else {
      info.org = profile.org;
      info.bucket = profile.bucket;
    }
    this.sources.set(id, { info, source });
    this.cache.invalidate(this.scope(id));
    if (previous) await previous.source.close();
    return info;
  }

  async disconnect(id: string): Promise<void> {
    const r = this.sources.get(id);
    if (!r) return;
    if (r.info.kind === 'local') throw twinError('invalid-input', 'The local store cannot be disconnected.');
    this.sources.delete(id);
    this.cache.invalidate(this.scope(id));
    await r.source.close();
  }

  /** Cache scope prefix of a source; the stats asked for complete the scope, as skipped stats are NaN. */
  private scope(id: string): string {
    return `${typeof this.tenant === 'function' ? this.tenant() : this.tenant}|${id}|`;
  }

  /** Windows through the cache, cancelling the previous request on the same channel. */
  async windows(
    id: string,
    keys: readonly string[],
    range: TimeRange,
    n: number,
    channel?: string,
    stats?: readonly WindowStat[],
  ): Promise<{ layout: WindowLayout; series: SeriesWindows[] }> {
    const source = this.get(id);
    let layout: WindowLayout;
    try {
      layout = windowLayout(range, n);
    } catch (e) {
      throw twinError('invalid-input', (e as Error).message);
    }
    const { signal, done } = this.channels.begin(channel);
    try {
      const fetched = await this.cache.get(`${this.scope(id)}${stats ? stats.join(',') : 'all'}`, keys, layout, (ks, l) =>
        source.windows(ks, l, stats ? { stats, signal } : { signal }),
      );
      return { layout, series: stats ? fetched.map((w) => onlyStats(w, stats)) : fetched };
    } finally {
      done();
    }
  }

  /** Invalidate cached windows after writing to a source. */
  written(id: string): void {
    this.cache.invalidate(this.scope(id));
  }

  async closeAll(): Promise<void> {
    this.channels.cancelAll();
    const all = [...this.sources.values()];
    this.sources.clear();
    await Promise.allSettled(all.map((r) => r.source.close()));
  }
}
