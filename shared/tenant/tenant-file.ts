import type { Problem } from '../api/errors';
import { SafeJsonError, parseJsonSafe } from '../twin/safe-json';
import { jsonPath } from '../twin/validate/json-path';
import { schemaProblems } from '../twin/validate/schema-problems';
import { MongoUriError, parseMongoUri } from './mongo-uri';
import { TenantProfileSchema, type TenantProfile } from './tenant-schema';

/**
 * A tenant file (`*.tenant.json`): a tenant profile a plant checks into its repository, so CI and
 * colleagues push to the same place. It holds no secret, only where each secret is found.
 *
 *   { "tenantFormat": 1, "name": "acme-houston",
 *     "influx": { "kind": "influx1", "url": "https://influx.acme.example:8086", "database": "plant",
 *                 "username": "reader", "password": { "env": "ACME_INFLUX_PASSWORD" } },
 *     "mongo": { "uri": "mongodb+srv://twin@cluster0.acme.example/", "database": "twins",
 *                "password": { "keyFile": "/etc/twin/acme.keys", "key": "mongoPassword" } } }
 */

export const TENANT_FILE_FORMAT = 1;
export const TENANT_FILE_SUFFIX = '.tenant.json';

/** Ordered migrations of older tenant files, index i turning format i+1 into i+2 (none yet: format 1 is the first). */
export const tenantFileMigrations: readonly ((json: Record<string, unknown>) => Record<string, unknown>)[] = [];

export interface TenantFileResult {
  /** Present when the file is valid (warnings allowed). */
  profile: TenantProfile | undefined;
  problems: Problem[];
  /** The file's `tenantFormat`, when it has one. */
  format: number | undefined;
  /** Set when the file was made by a newer Twin Studio: it cannot be judged. */
  newer: boolean;
}

/** Whether a file name says it is a tenant file. */
export function isTenantFileName(name: string): boolean {
  return name.toLowerCase().endsWith(TENANT_FILE_SUFFIX);
}

/** Whether parsed JSON is a tenant file by its content (a project has `formatVersion`, a tenant file `tenantFormat`). */
export function looksLikeTenantJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'tenantFormat' in json && !('formatVersion' in json);
}

const error = (path: string, message: string): Problem => ({ path, message, severity: 'error' });

const SECRET_FIELDS: readonly (readonly string[])[] = [
  ['influx', 'password'],
  ['influx', 'token'],
  ['mongo', 'password'],
];

function field(json: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = json;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/**
 * Checks a schema cannot say well, run before it: a secret written into the file (its value is never
 * repeated), a password inside the MongoDB connection string, the app's own secret store named in a file.
 */
function secretProblems(json: Record<string, unknown>): { problems: Problem[]; handled: Set<string> } {
  const problems: Problem[] = [];
  const handled = new Set<string>();
  for (const path of SECRET_FIELDS) {
    const v = field(json, path);
    const at = jsonPath(path);
    if (typeof v === 'string') {
      handled.add(at);
      problems.push(
        error(
          at,
          `is the secret itself; a tenant file says where the secret is instead: {"env": "VARIABLE"} or {"keyFile": "/path/to/keys.json", "key": "${path.join('.')}"} (the key file readable only by its owner, chmod 600). Remove the secret from the file and from the repository's history.`,
        ),
      );
    } else if (typeof v === 'object' && v !== null && 'stored' in v) {
      handled.add(at);
      problems.push(error(at, 'names the app’s own secret store, which exists only on one computer; in a tenant file use {"env": …} or {"keyFile": …}'));
    }
  }
  const uri = field(json, ['mongo', 'uri']);
  if (typeof uri === 'string') {
    try {
      if (parseMongoUri(uri).password !== undefined) {
        handled.add('$.mongo.uri');
        problems.push(
          error(
            '$.mongo.uri',
            'carries a password; take it out of the connection string and name where it is in mongo.password ({"env": …} or {"keyFile": …}). Remove it from the repository’s history too.',
          ),
        );
      }
    } catch (e) {
      if (!(e instanceof MongoUriError)) throw e;
      handled.add('$.mongo.uri');
      problems.push(error('$.mongo.uri', `is not a MongoDB connection string: ${e.message}`));
    }
  }
  return { problems, handled };
}

/** Check a parsed tenant file: every problem with its JSON path; the profile when there is no error. */
export function checkTenantJson(json: unknown): TenantFileResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { profile: undefined, problems: [error('$', 'a tenant file is a JSON object')], format: undefined, newer: false };
  }
  const obj = json as Record<string, unknown>;
  const format = obj.tenantFormat;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    return {
      profile: undefined,
      problems: [error('$.tenantFormat', `must be a whole number from 1 (this build writes ${TENANT_FILE_FORMAT})`)],
      format: undefined,
      newer: false,
    };
  }
  if (format > TENANT_FILE_FORMAT) {
    return {
      profile: undefined,
      problems: [
        error('$.tenantFormat', `is ${format}: the file was made by a newer Twin Studio (this one reads up to ${TENANT_FILE_FORMAT}); update Twin Studio`),
      ],
      format,
      newer: true,
    };
  }
  let current = obj;
  for (let v = format; v < TENANT_FILE_FORMAT; v++) current = (tenantFileMigrations[v - 1] as (j: Record<string, unknown>) => Record<string, unknown>)(current);
  const { tenantFormat: _format, ...rest } = current;
  const { problems, handled } = secretProblems(rest);
  if ('id' in rest) problems.push(error('$.id', 'is for the app’s own profiles; a tenant file is named by "name"'));
  const parsed = TenantProfileSchema.safeParse(rest);
  if (!parsed.success) {
    for (const p of schemaProblems(parsed.error.issues)) if (![...handled].some((h) => p.path === h || p.path.startsWith(`${h}.`))) problems.push(p);
  }
  if (parsed.success && parsed.data.influx?.kind === 'influx1' && parsed.data.influx.password && parsed.data.influx.token) {
    problems.push({ path: '$.influx', message: 'has both a password and a token; the token is used', severity: 'warning' });
  }
  const ok = parsed.success && !problems.some((p) => p.severity === 'error');
  return { profile: ok ? parsed.data : undefined, problems, format, newer: false };
}

/** Parse and check the text of a tenant file; a JSON syntax error is a problem at `$` with its line. */
export function parseTenantFileText(text: string): TenantFileResult {
  let json: unknown;
  try {
    json = parseJsonSafe(text);
  } catch (e) {
    if (!(e instanceof SafeJsonError)) throw e;
    return { profile: undefined, problems: [error('$', `is not valid JSON: ${e.message}`)], format: undefined, newer: false };
  }
  return checkTenantJson(json);
}

/** The text of a tenant file for a profile (no id: a file is shared, ids are per app). */
export function tenantFileText(profile: TenantProfile): string {
  const { id: _id, ...rest } = profile;
  return `${JSON.stringify({ tenantFormat: TENANT_FILE_FORMAT, ...rest }, null, 2)}\n`;
}
