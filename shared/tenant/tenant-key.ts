import { parseMongoUri } from './mongo-uri';
import type { TenantProfile } from './tenant-schema';

/**
 * The identity of a tenant: where its twins live (MongoDB hosts and database), not what someone named
 * the profile. Two colleagues with profiles "ACME" and "acme prod" on the same database share a key;
 * the same name on two databases does not. Holds no user name or password.
 */
export function tenantKey(profile: Pick<TenantProfile, 'mongo'>): string {
  const uri = parseMongoUri(profile.mongo.uri);
  const hosts = uri.hosts.map((h) => (h.port === undefined ? h.host : `${h.host}:${h.port}`)).sort();
  return `${uri.scheme}://${hosts.join(',')}/${profile.mongo.database}`;
}
