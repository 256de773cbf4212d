import path from 'node:path';
import { SourceProfileSchema, type SourceProfile } from '../../shared/api/source-schemas';
import { sourceFactories } from '../sources/factories';
import { LocalStore } from '../sources/local/local-store';
import type { TimeSeriesSource } from '../sources/source';
import { optionValue, type ParsedArgs } from './args';
import { InputError, UsageError } from './cli-types';
import { isTwinError } from '../../shared/api/errors';

/** Options every source-reading command accepts. */
export const SOURCE_OPTIONS = ['influx', 'db', 'rp', 'user', 'password', 'org', 'bucket', 'token', 'local', 'timeout'] as const;

export const SOURCE_USAGE = `Source (one of):
  --local DIR                                   the embedded store in DIR (the app's data folder + /local)
  --influx URL --db NAME [--rp RP] [--user U --password P | --token T]   InfluxDB 1.x (InfluxQL)
  --influx URL --org ORG --bucket B --token T  InfluxDB 2.x / Cloud / 1.8+ (Flux)
  Secrets may come from INFLUX_PASSWORD and INFLUX_TOKEN instead of the command line (which other users can see in ps).
  --timeout MS                                  per-request timeout (default 30000)`;

export type SourceSpec = { kind: 'local'; dir: string } | { kind: 'remote'; profile: SourceProfile };

/** Work out which source the options name; usage errors say what is missing. */
export function sourceSpec(p: ParsedArgs): SourceSpec {
  const local = optionValue(p, 'local');
  const influx = optionValue(p, 'influx');
  if (local && influx) throw new UsageError('Give either --local or --influx, not both.');
  if (local) return { kind: 'local', dir: path.resolve(local) };
  if (!influx) throw new UsageError('Name a source: --local DIR or --influx URL ...');
  const timeout = optionValue(p, 'timeout');
  const timeoutMs = timeout === undefined ? 30_000 : Number(timeout);
  const token = optionValue(p, 'token') ?? process.env.INFLUX_TOKEN;
  const org = optionValue(p, 'org');
  const bucket = optionValue(p, 'bucket');
  const db = optionValue(p, 'db');
  let raw: Record<string, unknown>;
  if (org || bucket) {
    if (db) throw new UsageError('--db is for InfluxDB 1.x; with --org/--bucket (2.x) leave it out.');
    raw = { kind: 'influx2', name: 'cli', url: influx, org, bucket, token, timeoutMs };
  } else {
    if (!db) throw new UsageError('InfluxDB 1.x needs --db NAME (or give --org and --bucket for 2.x).');
    raw = {
      kind: 'influx1',
      name: 'cli',
      url: influx,
      database: db,
      retentionPolicy: optionValue(p, 'rp'),
      username: optionValue(p, 'user'),
      password: optionValue(p, 'password') ?? process.env.INFLUX_PASSWORD,
      token,
      timeoutMs,
    };
  }
  const parsed = SourceProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const option = { url: '--influx', database: '--db', org: '--org', bucket: '--bucket', token: '--token', timeoutMs: '--timeout' }[field] ?? field;
    throw new UsageError(`${option}: ${issue?.message ?? 'invalid'}`);
  }
  return { kind: 'remote', profile: parsed.data };
}

/** Open the source a read-only command names (a local store must exist already); the caller closes it. */
export async function openSource(spec: SourceSpec): Promise<{ source: TimeSeriesSource; warnings: string[] }> {
  if (spec.kind === 'local') {
    try {
      return { source: await LocalStore.openExisting(spec.dir), warnings: [] };
    } catch (e) {
      if (isTwinError(e) && e.kind === 'not-found') throw new InputError(e.message);
      throw e;
    }
  }
  const { source, warnings } = await sourceFactories.connect(spec.profile);
  return { source, warnings };
}
