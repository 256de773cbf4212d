import { createHash } from 'node:crypto';
import type { SourceInfo, SourceProfile } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { ChannelAborts } from './channel-aborts';
import type { TimeSeriesSource } from './source';
import { WindowCache } from './window-cache';
import { CancellableSource } from './layers/cancellable-source';
import { InvalidateOnWriteSource } from './layers/invalidate-on-write-source';
import { SourceChanges } from './layers/source-changes';
import { WindowCacheSource } from './layers/window-cache-source';
import type { RollupCache } from './rollup/rollup-cache';
import { isOfflineError } from './rollup/rollup-source';
import { ReconnectingSource } from './layers/reconnecting-source';

/** A connected source with what the renderer may know of it. */
interface Registered {
  info: SourceInfo;
  /** The source as the handlers see it: wrapped in the layers. */
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

/** The non-secret parts of a connection, so a project's sources can be matched to it. */
function connectionParts(profile: SourceProfile): Pick<SourceInfo, 'database' | 'retentionPolicy' | 'org' | 'bucket'> {
  if (profile.kind === 'influx2') return { org: profile.org, bucket: profile.bucket };
  return profile.retentionPolicy === undefined ? { database: profile.database } : { database: profile.database, retentionPolicy: profile.retentionPolicy };
}

export interface SourceRegistryOptions {
  /** The rollup cache every source gets as a layer (absent: no rollups, e.g. in tests of other layers). */
  rollups?: RollupCache;
  windowCache?: WindowCache;
  /** The change hub, when the rollup cache was built on it first. */
  changes?: SourceChanges;
}

/**
 * Owns the sources of this session: the local store (always there, id `local`) and connected servers. Each
 * is handed out wrapped in layers that are sources themselves, outermost first: per-channel cancellation,
 * invalidate-after-write, the window cache, the rollup cache. Handlers pass calls through.
 */
export class SourceRegistry {
  private readonly sources = new Map<string, Registered>();
  readonly channels = new ChannelAborts();
  /** Writes, imports and refreshes announce what changed here; the caches listen. */
  readonly changes: SourceChanges;
  readonly cache: WindowCache;
  readonly rollups: RollupCache | undefined;

  constructor(
    private readonly factories: SourceFactories,
    /** Scope of the caches: the tenant this session works for ('offline' without one); a function follows the active tenant. */
    private readonly tenantOf: string | (() => string) = 'offline',
    options: SourceRegistryOptions = {},
  ) {
    this.changes = options.changes ?? new SourceChanges();
    this.cache = options.windowCache ?? new WindowCache();
    this.rollups = options.rollups;
    if (this.rollups && this.rollups.tenant !== this.tenant)
      throw new Error(`The rollup cache is for tenant "${this.rollups.tenant}", the registry for "${this.tenant}".`);
  }

  /** The tenant the caches are scoped to now. */
  get tenant(): string {
    return typeof this.tenantOf === 'function' ? this.tenantOf() : this.tenantOf;
  }

  // A source registered while working for a tenant keeps that tenant's scope: switching tenants reconnects sources.
  private windowScope(id: string): string {
    return `${this.tenant}|${id}`;
  }

  /** The layers around a source. */
  private layered(id: string, source: TimeSeriesSource): TimeSeriesSource {
    let s = source;
    if (this.rollups) s = this.rollups.wrap(id, s);
    s = new WindowCacheSource(s, this.cache, this.windowScope(id), id, this.changes);
    s = new InvalidateOnWriteSource(s, id, this.changes);
    return new CancellableSource(s, this.channels);
  }

  /** Register a source that is already open (the local store). */
  add(info: SourceInfo, source: TimeSeriesSource): void {
    this.sources.set(info.id, { info, source: this.layered(info.id, source) });
  }

  list(): SourceInfo[] {
    return [...this.sources.values()].map((r) => r.info);
  }

  /** A source with its layers. */
  get(id: string): TimeSeriesSource {
    const r = this.sources.get(id);
    if (!r) throw twinError('not-found', `No data source "${id}" is connected. Connect it in Sources, or use "local".`, { where: id });
    return r.source;
  }

  async connect(profile: SourceProfile): Promise<SourceInfo> {
    const id = sourceIdOf(profile);
    let connected: Awaited<ReturnType<SourceFactories['connect']>>;
    try {
      connected = await this.factories.connect(profile);
    } catch (e) {
      const offline = this.connectOffline(profile, id, e);
      if (!offline) throw e;
      return offline;
    }
    const { source, version, warnings } = connected;
    const previous = this.sources.get(id);
    const info: SourceInfo = { id, kind: profile.kind, name: profile.name, location: displayUrl(profile.url), warnings, ...connectionParts(profile) };
    if (version !== undefined) info.version = version;
    // The old layers go first, so the new ones start with empty window caches for this source.
    if (previous) await previous.source.close();
    this.sources.set(id, { info, source: this.layered(id, source) });
    return info;
  }

  /**
   * A server that cannot be reached, whose history the rollup cache holds: registered anyway, answering from
   * the cache (marked offline) and reconnecting by itself. Undefined when that does not apply.
   */
  private connectOffline(profile: SourceProfile, id: string, e: unknown): SourceInfo | undefined {
    const filled = this.rollups?.stats().sources.find((s) => s.source === id);
    if (!filled || !isOfflineError(e) || this.sources.has(id)) return undefined;
    const when = filled.newestFill === null ? '' : ` (cached up to ${new Date(filled.newestFill).toISOString()})`;
    const info: SourceInfo = {
      id,
      kind: profile.kind,
      name: profile.name,
      location: displayUrl(profile.url),
      ...connectionParts(profile),
      warnings: [`Not reachable now: ${(e as Error).message} Showing its cached history${when}; it reconnects by itself.`],
      offline: true,
    };
    const reconnected = () => {
      delete info.offline;
      info.warnings = [];
    };
    const source = new ReconnectingSource(profile.kind, async () => (await this.factories.connect(profile)).source, e as Error, reconnected, this.rollups?.now);
    this.sources.set(id, { info, source: this.layered(id, source) });
    return info;
  }

  /** Drop this tenant's cached history (of one source when given), and the windows kept from it: charts ask the sources again. */
  async clearCaches(source?: string): Promise<{ buckets: number }> {
    for (const id of source ? [source] : [...this.sources.keys()]) this.cache.invalidate(this.windowScope(id));
    return this.rollups ? this.rollups.clear(source) : { buckets: 0 };
  }

  async disconnect(id: string): Promise<void> {
    const r = this.sources.get(id);
    if (!r) return;
    if (r.info.kind === 'local') throw twinError('invalid-input', 'The local store cannot be disconnected.');
    this.sources.delete(id);
    await r.source.close();
  }

  async closeAll(): Promise<void> {
    this.channels.cancelAll();
    await this.rollups?.close();
    const all = [...this.sources.values()];
    this.sources.clear();
    await Promise.allSettled(all.map((r) => r.source.close()));
  }
}
