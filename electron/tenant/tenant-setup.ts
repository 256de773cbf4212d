import os from 'node:os';
import type { SourceInfo, SourceProfile } from '../../shared/api/source-schemas';
import { MongoConnections } from './mongo/mongo-connections';
import type { ResolvedTenant } from './resolve-tenant';
import { KeyFileVault } from './secrets/key-file-vault';
import { SafeStorageVault, type SafeStorageLike } from './secrets/safe-storage-vault';
import type { SecretVault } from './secrets/secret-vault';
import { TenantService } from './tenant-service';
import { TenantStore } from './tenant-store';

/** What the tenant service needs of the data sources: connect the active tenant's InfluxDB, drop the last one's. */
export interface TenantSources {
  connect(profile: SourceProfile): Promise<SourceInfo>;
  disconnect(id: string): Promise<void>;
}

export interface TenantSetupOptions {
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  /** Electron's safeStorage in the desktop app; absent elsewhere (a 0600 key file is used). */
  safeStorage?: SafeStorageLike | null;
  sources: TenantSources | null;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface TenantSetup {
  service: TenantService;
  /** The cache scope of the active tenant: its id, or 'offline'. */
  scope(): string;
  /** The identity (tenantKey) of the active tenant, or null when the user works for none. */
  key(): string | null;
  close(): Promise<void>;
}

/** The OS user, for "pushed by" when a profile names nobody. */
export function osUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The vault of a host: the OS keychain in the desktop app, a key file readable only by its owner elsewhere. */
export function vaultFor(host: TenantSetupOptions['host'], dataDir: string, safeStorage?: SafeStorageLike | null): SecretVault {
  return host === 'electron' && safeStorage ? SafeStorageVault.inDataDir(safeStorage, dataDir) : KeyFileVault.inDataDir(dataDir);
}

/** The tenant service of one app session, wired to the data sources so that one tenant's data never shows under another. */
export async function setUpTenants(o: TenantSetupOptions): Promise<TenantSetup> {
  const store = await TenantStore.open(o.dataDir);
  const mongo = new MongoConnections();
  let scope = 'offline';
  let key: string | null = null;
  let connectedSource: string | null = null;

  const onActivate = async (t: ResolvedTenant | null): Promise<string | null> => {
    if (connectedSource && o.sources) await o.sources.disconnect(connectedSource).catch(() => undefined);
    connectedSource = null;
    scope = t?.id ?? 'offline';
    key = t?.key ?? null;
    if (!t?.influx || !o.sources) return null;
    const problem = Object.entries(t.secretProblems).find(([name]) => name !== 'mongoPassword')?.[1];
    if (problem) return `The InfluxDB of tenant "${t.name}" is not connected: ${problem}`;
    try {
      connectedSource = (await o.sources.connect(t.influx)).id;
      return null;
    } catch (e) {
      return `The InfluxDB of tenant "${t.name}" is not connected: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  const service = new TenantService({
    store,
    vault: vaultFor(o.host, o.dataDir, o.safeStorage),
    env: o.env ?? process.env,
    envFallback: o.host !== 'electron',
    mongo,
    defaultAuthor: osUser(),
    onActivate,
  });
  return {
    service,
    scope: () => scope,
    key: () => key,
    close: () => mongo.closeAll(),
  };
}
