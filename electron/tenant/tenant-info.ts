import type { TenantInfo } from '../../shared/api/tenant-schemas';
import { mongoWhere, parseMongoUri } from '../../shared/tenant/mongo-uri';
import { tenantKey } from '../../shared/tenant/tenant-key';
import { secretRefs, type SecretName, type TenantProfile } from '../../shared/tenant/tenant-schema';
import { maskSecret, type SecretContext } from './secrets/resolve-secret';

/** The secrets a profile can have, given its InfluxDB kind. */
export function applicableSecrets(p: TenantProfile): SecretName[] {
  const out: SecretName[] = ['mongoPassword'];
  if (p.influx?.kind === 'influx1') out.push('influxPassword', 'influxToken');
  if (p.influx?.kind === 'influx2') out.push('influxToken');
  return out;
}

/** What the renderer may see of a profile: its settings, and each secret masked with where it comes from. */
export async function tenantInfo(p: TenantProfile & { id: string }, ctx: SecretContext, defaultAuthor: string): Promise<TenantInfo> {
  const refs = secretRefs(p);
  const secrets: TenantInfo['secrets'] = {};
  for (const name of applicableSecrets(p)) {
    const masked = await maskSecret(refs[name], name, ctx);
    if (masked) secrets[name] = masked;
  }
  let influx: TenantInfo['influx'] = null;
  if (p.influx?.kind === 'influx1') {
    const { password: _p, token: _t, ...rest } = p.influx;
    influx = rest;
  } else if (p.influx?.kind === 'influx2') {
    const { token: _t, ...rest } = p.influx;
    influx = rest;
  }
  return {
    id: p.id,
    name: p.name,
    key: tenantKey(p),
    author: p.author || defaultAuthor,
    influx,
    mongo: { uri: p.mongo.uri, database: p.mongo.database, where: mongoWhere(parseMongoUri(p.mongo.uri)) },
    secrets,
  };
}
