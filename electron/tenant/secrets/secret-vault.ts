import type { SecretName } from '../../../shared/tenant/tenant-schema';

/**
 * Where the app keeps the secrets typed into it (`{ "stored": true }` references). The desktop app
 * encrypts them with Electron's safeStorage (the OS keychain); the web host and the CLI have no keychain
 * and use a key file only its owner can read. Both implement this, so the rest never knows which.
 */
export interface SecretVault {
  /** `keychain`: encrypted with the OS keychain; `key-file`: a file readable only by its owner. */
  readonly kind: 'keychain' | 'key-file';
  /** The file the vault writes, for messages. */
  readonly file: string;
  /** One sentence for the UI: where typed secrets go. */
  describe(): string;
  /** Keep a secret; throws a TwinError (unsupported) when this host cannot keep it safely. */
  put(tenantId: string, name: SecretName, value: string): Promise<void>;
  /** A kept secret, undefined when there is none; throws a TwinError when it cannot be read. */
  get(tenantId: string, name: SecretName): Promise<string | undefined>;
  /** Forget one secret, or every secret of a tenant. */
  remove(tenantId: string, name?: SecretName): Promise<void>;
}

const SUFFIX: Record<SecretName, string> = { influxPassword: 'INFLUX_PASSWORD', influxToken: 'INFLUX_TOKEN', mongoPassword: 'MONGO_PASSWORD' };

/**
 * The environment variable that supplies a secret of a tenant to the web host and the CLI, from the
 * tenant's name: tenant "Acme Houston" → TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD.
 */
export function secretEnvName(tenantName: string, name: SecretName): string {
  const slug = tenantName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `TWIN_TENANT_${slug || 'DEFAULT'}_${SUFFIX[name]}`;
}

/** The entry of a secret in a vault. */
export function vaultEntry(tenantId: string, name: SecretName): string {
  return `${tenantId}/${name}`;
}
