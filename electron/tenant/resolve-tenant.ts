import { twinError } from '../../shared/api/errors';
import type { SourceProfile } from '../../shared/api/source-schemas';
import { formatMongoUri, mongoOption, mongoWhere, parseMongoUri } from '../../shared/tenant/mongo-uri';
import { tenantKey } from '../../shared/tenant/tenant-key';
import { secretRefs, type SecretName, type TenantProfile } from '../../shared/tenant/tenant-schema';
import type { MongoTarget } from './mongo/mongo-connections';
import { resolveSecret, type SecretContext } from './secrets/resolve-secret';
import { isTwinError } from '../../shared/api/errors';

/** A tenant with its secrets in hand: what connections are made with. Lives in the main process only. */
export interface ResolvedTenant {
  /** The profile id, or `file:` and the path for a tenant file. */
  id: string;
  name: string;
  key: string;
  author: string;
  influx: SourceProfile | null;
  mongo: MongoTarget;
  /** Secrets that are referenced but could not be read, by name: each says where it looked. */
  secretProblems: Partial<Record<SecretName, string>>;
}

/** Read a profile's secrets and build the connection settings; unreadable secrets are collected, not thrown. */
export async function resolveTenant(profile: TenantProfile, id: string, ctx: SecretContext, defaultAuthor: string): Promise<ResolvedTenant> {
  const refs = secretRefs(profile);
  const values: Partial<Record<SecretName, string>> = {};
  const secretProblems: Partial<Record<SecretName, string>> = {};
  for (const name of ['mongoPassword', 'influxPassword', 'influxToken'] as const) {
    // A profile without an InfluxDB has no InfluxDB secrets to look for.
    if (name !== 'mongoPassword' && !profile.influx) continue;
    if (name === 'influxPassword' && profile.influx?.kind !== 'influx1') continue;
    try {
      const v = await resolveSecret(refs[name], name, ctx);
      if (v !== undefined) values[name] = v;
    } catch (e) {
      if (!isTwinError(e)) throw e;
      secretProblems[name] = e.message;
    }
  }
  const uri = parseMongoUri(profile.mongo.uri);
  const secrets = Object.values(values);
  const mongo: MongoTarget = {
    tenant: id,
    uri: formatMongoUri(uri, values.mongoPassword ?? uri.password),
    database: profile.mongo.database,
    where: mongoWhere(uri),
    secrets,
  };
  // The connection string may set how long to wait for a server; the app's default is 10 s.
  const selection = Number(mongoOption(uri, 'serverSelectionTimeoutMS'));
  if (Number.isInteger(selection) && selection > 0) mongo.serverSelectionTimeoutMS = selection;
  let influx: SourceProfile | null = null;
  const i = profile.influx;
  if (i?.kind === 'influx1') {
    influx = { kind: 'influx1', name: `${profile.name} InfluxDB`, url: i.url, database: i.database, timeoutMs: 30_000 };
    if (i.retentionPolicy) influx.retentionPolicy = i.retentionPolicy;
    if (i.username) influx.username = i.username;
    if (values.influxPassword !== undefined) influx.password = values.influxPassword;
    if (values.influxToken !== undefined) influx.token = values.influxToken;
  } else if (i?.kind === 'influx2') {
    influx = {
      kind: 'influx2',
      name: `${profile.name} InfluxDB`,
      url: i.url,
      org: i.org,
      bucket: i.bucket,
      token: values.influxToken ?? '',
      timeoutMs: 30_000,
    };
    if (values.influxToken === undefined && !secretProblems.influxToken) {
      secretProblems.influxToken = `InfluxDB 2.x needs an API token, and tenant "${profile.name}" has none. Add one in the tenant's settings.`;
    }
  }
  return { id, name: profile.name, key: tenantKey(profile), author: profile.author || defaultAuthor, influx, mongo, secretProblems };
}

/** Throw the first unreadable secret the work needs. */
export function requireSecrets(t: ResolvedTenant, needs: readonly SecretName[]): void {
  for (const n of needs) {
    const problem = t.secretProblems[n];
    if (problem) throw twinError('not-found', problem, { where: t.name });
  }
}
