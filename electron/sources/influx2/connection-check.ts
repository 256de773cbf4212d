import { isTwinError, twinError } from '../../../shared/api/errors';
import type { Influx2Profile } from '../../../shared/api/source-schemas';
import { parseServerVersion } from '../detect-server';
import type { FluxClient } from './flux-client';
import { probeQuery } from './flux-text';
import { Influx2Source } from './influx2-source';

/**
 * Connecting to an InfluxDB 2.x / Cloud / 1.8+: find the version, prove the token can read the bucket
 * with Flux, and warn when the token can do more than read (least privilege is the backstop against any
 * injection the query text might still let through).
 */

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The server's version from `/ping` (`X-Influxdb-Version`), or from `/health` where there is no `/ping`. */
export async function serverVersion(client: FluxClient, signal?: AbortSignal): Promise<string | undefined> {
  // The version is server text, shown in the UI and in messages: only as a redacted excerpt.
  const quoted = (v: string | undefined) => (v === undefined ? undefined : client.redactor.quote(v, 60));
  const ping = await client.request('GET', '/ping', '', `Checking InfluxDB at ${client.where}`, signal);
  if (ping.status >= 200 && ping.status < 300) return quoted(header(ping.headers, 'x-influxdb-version'));
  const health = await client.request('GET', '/health', '', `Checking InfluxDB at ${client.where}`, signal);
  if (health.status >= 200 && health.status < 300) {
    const v = (health.body as { version?: unknown } | undefined)?.version;
    return quoted(typeof v === 'string' ? v : header(health.headers, 'x-influxdb-version'));
  }
  throw client.failure(ping, `Checking InfluxDB at ${client.where}`);
}

/** Whether a version names a server without Flux over /api/v2/query: 1.x before 1.8, or 3.x. */
export function lacksFluxApi(version: string | undefined): boolean {
  const v = parseServerVersion(version ?? '');
  return v !== undefined && ((v.major === 1 && v.minor < 8) || v.major >= 3);
}

/** Warnings about what the token can do besides reading. */
export async function privilegeWarnings(client: FluxClient, signal?: AbortSignal): Promise<string[]> {
  const warnings: string[] = [];
  const doing = `Checking the token's rights at ${client.where}`;
  try {
    // An empty write stores nothing; a 2xx or a complaint about the body (400) means the token passed the write permission check.
    const path = `/api/v2/write?org=${encodeURIComponent(client.org)}&bucket=${encodeURIComponent(client.bucket)}&precision=ms`;
    const write = await client.request('POST', path, '', doing, signal, { 'content-type': 'text/plain; charset=utf-8' });
    if ((write.status >= 200 && write.status < 300) || write.status === 400) {
      warnings.push(
        `The API token can write to bucket "${client.bucket}". Browsing needs only read access; use a read-only token unless you write analysis results back.`,
      );
    }
    const auths = await client.request('GET', '/api/v2/authorizations', '', doing, signal);
    const list = (auths.body as { authorizations?: unknown } | undefined)?.authorizations;
    if (auths.status === 200 && Array.isArray(list) && list.length > 0) {
      warnings.push('The API token can read the API tokens of the organization (an all-access or operator token). Use a token that can only read the bucket.');
    }
  } catch (e) {
    // The checks are advice; a server that refuses them is not a reason to refuse the connection.
    if (!isTwinError(e)) throw e;
  }
  return warnings;
}

/** Open a source, proving it answers Flux on the bucket; the shape SourceFactories.connect returns. */
export async function connectInflux2(profile: Influx2Profile, signal?: AbortSignal): Promise<{ source: Influx2Source; version?: string; warnings: string[] }> {
  const source = new Influx2Source(profile);
  try {
    const client = source.connection;
    const version = await serverVersion(client, signal);
    if (lacksFluxApi(version)) {
      throw twinError(
        'unsupported',
        `InfluxDB ${version} at ${client.where} has no Flux query API (Flux needs InfluxDB 1.8 to 2.x). Connect it as an InfluxDB 1.x source instead.`,
        { where: client.where },
      );
    }
    await client.query(probeQuery(profile.bucket), `Reading bucket "${profile.bucket}"`, signal, () => false);
    const warnings = await privilegeWarnings(client, signal);
    return version === undefined ? { source, warnings } : { source, version, warnings };
  } catch (e) {
    await source.close();
    throw e;
  }
}
