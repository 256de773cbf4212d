import { z } from 'zod';
import { TenantProfileSchema } from './tenant-schema';

/**
 * The tenant profiles the app keeps in its data folder (`tenants/tenants.json`), versioned like every
 * persisted shape: `version`, ordered migrations, old fixtures in the tests. Secrets are not in it.
 */

export const TENANT_STORE_VERSION = 1;

const RecentTwinSchema = z.object({
  twinId: z.string(),
  name: z.string(),
  revision: z.number().int().min(1),
  at: z.number(),
});
export type RecentTwin = z.infer<typeof RecentTwinSchema>;

export const TenantStoreSchema = z.object({
  version: z.literal(TENANT_STORE_VERSION),
  /** The tenant the app works for; null is offline. */
  active: z.string().nullable(),
  tenants: z.array(TenantProfileSchema.required({ id: true })),
  /** Twins pushed or pulled lately, per tenant id: one tenant's list never shows under another. */
  recent: z.record(z.string(), z.array(RecentTwinSchema).max(50)).default({}),
});
export type TenantStoreData = z.infer<typeof TenantStoreSchema>;

export const EMPTY_TENANT_STORE: TenantStoreData = { version: TENANT_STORE_VERSION, active: null, tenants: [], recent: {} };

/** Migrations of older stores: index i turns version i+1 into i+2 (none yet). */
export const tenantStoreMigrations: readonly ((json: Record<string, unknown>) => Record<string, unknown>)[] = [];

export type StoreReading =
  | { kind: 'ok'; data: TenantStoreData; migratedFrom?: number }
  /** Written by a newer Twin Studio: usable read-only is not safe either, so the app leaves it alone. */
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; reason: string };

/** Read what is on disk, migrating older versions; never throws. */
export function readTenantStore(json: unknown): StoreReading {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'damaged', reason: 'it is not a JSON object' };
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'damaged', reason: 'it has no version number' };
  if (version > TENANT_STORE_VERSION) return { kind: 'newer', version };
  let current = json as Record<string, unknown>;
  for (let v = version; v < TENANT_STORE_VERSION; v++)
    current = (tenantStoreMigrations[v - 1] as (j: Record<string, unknown>) => Record<string, unknown>)(current);
  const parsed = TenantStoreSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'damaged', reason: issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unexpected shape' };
  }
  return version < TENANT_STORE_VERSION ? { kind: 'ok', data: parsed.data, migratedFrom: version } : { kind: 'ok', data: parsed.data };
}
