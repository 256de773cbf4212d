import { URL } from 'node:url';
import { twinError } from '../../shared/api/errors';
import { fetchText, hostPort, malformedResponse, statusFailure } from './http-failure';
import { NO_SECRETS, Redactor } from './redactor';

/**
 * What answers at a URL, from `/ping`: the InfluxDB version (header `X-Influxdb-Version`) and so which
 * query languages it speaks. Flux is never assumed: 1.x before 1.8 has none, 1.8+ only with
 * `flux-enabled = true` (probed), 2.x and Cloud always, 3.x none.
 */

export type QueryDialect = 'influxql' | 'flux';

export interface ServerVersion {
  major: number;
  minor: number;
  patch: number;
}

export interface DetectedServer {
  /** The version as the server states it, e.g. "1.6.7~rc0" or "v2.7.4". */
  version: string;
  /** Parsed version, undefined when the server states none we can read (InfluxDB Cloud). */
  parsed: ServerVersion | undefined;
  /** `X-Influxdb-Build`: OSS, ENT, Cloud... */
  build: string | undefined;
  dialects: Record<QueryDialect, boolean>;
  /** The dialect to use: Flux where it is the server's own language (2.x, Cloud), else InfluxQL. */
  preferred: QueryDialect;
  /** Things the user should know: versions with known authentication bypasses, Flux state unknown. */
  warnings: string[];
}

export interface DetectOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Authorization header value for the Flux probe on 1.8+ (`Token user:password`, `Basic ...`). */
  authorization?: string;
  /** Knows the secrets that must not appear in messages; by default, those of `authorization`. */
  redactor?: Redactor;
}

/** Parse "1.6.7~rc0", "v2.7.4", "1.8.10-c1.8.10", "3.0.1"; undefined when there is no x.y. */
export function parseServerVersion(text: string): ServerVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

function atLeast(v: ServerVersion, major: number, minor: number, patch: number): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}

/** Warnings that follow from the version alone. */
export function versionWarnings(version: string, v: ServerVersion | undefined): string[] {
  if (v && v.major === 1 && !atLeast(v, 1, 7, 6)) {
    return [
      `InfluxDB ${version} has a known authentication bypass (CVE-2019-20933, fixed in 1.7.6): anyone who can reach it may query and write without a password. Ask its administrator to upgrade; until then keep it off untrusted networks.`,
    ];
  }
  return [];
}

/** Whether a 1.8+ server has Flux enabled: its /api/v2/query answers 403 "Flux query service disabled" when not. */
async function probeFlux(url: string, options: DetectOptions, where: string): Promise<boolean | 'unknown'> {
  const headers: Record<string, string> = { 'Content-Type': 'application/vnd.flux', Accept: 'application/csv' };
  if (options.authorization) headers['Authorization'] = options.authorization;
  const res = await fetchText(
    new URL('/api/v2/query', url),
    { method: 'POST', headers, body: 'buckets() |> limit(n: 1)' },
    {
      where,
      server: 'InfluxDB',
      timeoutMs: options.timeoutMs ?? 10_000,
      signal: options.signal,
      redactor: redactorOf(options),
    },
  );
  if (res.status >= 200 && res.status < 300) return true;
  if (/flux.*disabled/i.test(res.body)) return false;
  if (res.status === 404) return false;
  return 'unknown';
}

function redactorOf(options: DetectOptions): Redactor {
  return options.redactor ?? (options.authorization ? Redactor.of({ authorization: options.authorization }) : NO_SECRETS);
}

/** GET /ping and decide what the server is and which dialects it speaks. */
export async function detectServer(url: string, options: DetectOptions = {}): Promise<DetectedServer> {
  const where = hostPort(url);
  const redactor = redactorOf(options);
  const ctx = { where, server: 'InfluxDB', timeoutMs: options.timeoutMs ?? 10_000, redactor };
  const res = await fetchText(
    new URL('/ping', url),
    { method: 'GET', headers: options.authorization ? { Authorization: options.authorization } : {} },
    { ...ctx, signal: options.signal },
  );
  if (res.status < 200 || res.status >= 300) throw statusFailure(res.status, res.body, { ...ctx, action: 'ping' });
  // Header values are server text like any other: they reach messages and the UI only as redacted excerpts.
  const buildHeader = res.headers.get('x-influxdb-build');
  const build = buildHeader === null ? undefined : redactor.quote(buildHeader, 40);
  const versionHeader = res.headers.get('x-influxdb-version');
  const version = versionHeader !== null ? redactor.quote(versionHeader, 60) : build === 'Cloud' ? 'Cloud' : undefined;
  if (version === undefined) throw malformedResponse(ctx, '/ping (no X-Influxdb-Version header)', res.body);
  const parsed = parseServerVersion(version);
  const warnings = versionWarnings(version, parsed);

  let dialects: Record<QueryDialect, boolean>;
  let preferred: QueryDialect;
  if (!parsed) {
    // Only Cloud (build "Cloud") states no number; anything else unreadable is not assumed to speak Flux.
    const cloud = build === 'Cloud' || /cloud/i.test(version);
    dialects = { influxql: true, flux: cloud };
    preferred = cloud ? 'flux' : 'influxql';
    if (!cloud) warnings.push(`The server states the version "${version}", which is not a version number; treating it as InfluxDB 1.x (InfluxQL only).`);
  } else if (parsed.major === 1) {
    let flux = false;
    if (atLeast(parsed, 1, 8, 0)) {
      const probe = await probeFlux(url, options, where);
      if (probe === 'unknown') warnings.push(`Could not tell whether Flux is enabled on InfluxDB ${version} at ${where}; using InfluxQL.`);
      flux = probe === true;
    }
    dialects = { influxql: true, flux };
    preferred = 'influxql';
  } else if (parsed.major === 2) {
    // 2.x answers InfluxQL only through its 1.x compatibility API (with DBRP mappings); Flux is its own.
    dialects = { influxql: true, flux: true };
    preferred = 'flux';
  } else {
    // 3.x dropped Flux.
    dialects = { influxql: true, flux: false };
    preferred = 'influxql';
  }
  return { version, parsed, build, dialects, preferred, warnings };
}

/** Throw `unsupported` when the server does not speak the dialect a source would send it. */
export function requireDialect(server: DetectedServer, dialect: QueryDialect, url: string): void {
  if (server.dialects[dialect]) return;
  const where = hostPort(url);
  const other = dialect === 'flux' ? 'InfluxDB 1.x (InfluxQL)' : 'InfluxDB 2.x (Flux)';
  const why =
    dialect === 'flux' && server.parsed?.major === 1 && atLeast(server.parsed, 1, 8, 0)
      ? ' (Flux is not enabled: set flux-enabled = true in its [http] section)'
      : '';
  throw twinError(
    'unsupported',
    `The server at ${where} is InfluxDB ${server.version}, which does not answer ${dialect === 'flux' ? 'Flux' : 'InfluxQL'}${why}. Connect it as ${other}.`,
    { where },
  );
}
