import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twinError } from '../../shared/api/errors';

/**
 * A real InfluxDB 1.x (`influxd`) for tests and benchmarks: its own config, data/meta/wal folders under a
 * temp folder, loopback-only ports, nothing reported or listened to beyond HTTP. `stop()` ends it and
 * removes the folder.
 */

export interface InfluxdOptions {
  /** The influxd binary; default $INFLUXD or /usr/bin/influxd. */
  binary?: string;
  /** Enable authentication and create this admin user through the API before returning. */
  auth?: { username: string; password: string };
  /** Databases to create before returning. */
  databases?: readonly string[];
  /** How long a shard's cache may sit without writes before it is snapshotted to TSM (default 10m, influxd's own). */
  cacheSnapshotWriteColdDuration?: string;
  /** How long a shard may sit without writes before a full compaction (default 4h); benchmarks set seconds. */
  compactFullWriteColdDuration?: string;
  /** `[data] cache-max-memory-size` in bytes; raise it for fast bulk seeding (default 1 GiB). */
  cacheMaxMemorySize?: number;
  /** `[http] max-body-size` in bytes (default 25 MB). */
  maxBodySize?: number;
  /** influxd log level (default "warn"). */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** How long to wait for /ping (default 30 s). */
  startTimeoutMs?: number;
}

export interface Influxd {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The influxd process id. */
  pid: number;
  /** The temp folder holding config, data, meta and wal; removed by stop(). */
  dataDir: string;
  /** The admin credentials when auth is enabled. */
  admin: { username: string; password: string } | undefined;
  /** Run InfluxQL as the admin (or anonymously without auth); throws on an HTTP or statement error. */
  query(q: string, db?: string): Promise<unknown[]>;
  /** Write raw line protocol as the admin; returns the HTTP status and body so tests can inspect partial writes. */
  writeRaw(db: string, body: string, precision?: string): Promise<{ status: number; body: string }>;
  /** SIGTERM, then SIGKILL after `timeoutMs` (default 5 s); removes the temp folder. */
  stop(timeoutMs?: number): Promise<void>;
}

const DEFAULT_BINARY = '/usr/bin/influxd';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tomlString(s: string): string {
  return JSON.stringify(s);
}

function configText(dir: string, httpPort: number, rpcPort: number, o: InfluxdOptions): string {
  return `reporting-enabled = false
bind-address = ${tomlString(`127.0.0.1:${rpcPort}`)}

[meta]
  dir = ${tomlString(join(dir, 'meta'))}
  logging-enabled = false

[data]
  dir = ${tomlString(join(dir, 'data'))}
  wal-dir = ${tomlString(join(dir, 'wal'))}
  index-version = "inmem"
  query-log-enabled = false
  cache-max-memory-size = ${o.cacheMaxMemorySize ?? 1073741824}
  cache-snapshot-write-cold-duration = ${tomlString(o.cacheSnapshotWriteColdDuration ?? '10m')}
  compact-full-write-cold-duration = ${tomlString(o.compactFullWriteColdDuration ?? '4h')}

[coordinator]
  log-queries-after = "0s"

[retention]
  enabled = false

[shard-precreation]
  enabled = false

[monitor]
  store-enabled = false

[subscriber]
  enabled = false

[http]
  enabled = true
  bind-address = ${tomlString(`127.0.0.1:${httpPort}`)}
  auth-enabled = ${o.auth ? 'true' : 'false'}
  log-enabled = false
  suppress-write-log = true
  pprof-enabled = false
  max-body-size = ${o.maxBodySize ?? 25000000}

[logging]
  level = ${tomlString(o.logLevel ?? 'warn')}
  suppress-logo = true

[continuous_queries]
  enabled = false
  log-enabled = false

[[graphite]]
  enabled = false

[[collectd]]
  enabled = false

[[opentsdb]]
  enabled = false

[[udp]]
  enabled = false
`;
}

function basic(auth: { username: string; password: string } | undefined): Record<string, string> {
  return auth ? { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } : {};
}

async function ping(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.status === 204;
  } catch {
    return false;
  }
}

async function runQuery(url: string, q: string, db: string | undefined, auth: { username: string; password: string } | undefined): Promise<unknown[]> {
  const body = new URLSearchParams({ q });
  if (db !== undefined) body.set('db', db);
  const res = await fetch(`${url}/query?epoch=ms`, { method: 'POST', body, headers: basic(auth) });
  const text = await res.text();
  if (!res.ok) throw new Error(`influxd at ${url} answered ${res.status} to ${JSON.stringify(q)}: ${text.trim()}`);
  const json = JSON.parse(text) as { results?: { error?: string }[] };
  for (const r of json.results ?? []) if (r.error) throw new Error(`influxd at ${url} refused ${JSON.stringify(q)}: ${r.error}`);
  return json.results ?? [];
}

/** Whether a process has exited; a fresh exit is awaited for up to `ms`. */
function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A test runner that dies must not leave influxd processes behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** Start a private influxd on free loopback ports; resolves once /ping answers (and users/databases exist). */
export async function startInfluxd(options: InfluxdOptions = {}): Promise<Influxd> {
  const binary = options.binary ?? process.env['INFLUXD'] ?? DEFAULT_BINARY;
  try {
    await access(binary, constants.X_OK);
  } catch {
    throw twinError(
      'unsupported',
      `InfluxDB 1.x is not installed: no executable influxd at ${binary}. Install it with "apt-get install -y influxdb", or set INFLUXD to the path of an influxd 1.x binary.`,
      { where: binary },
    );
  }
  // A few attempts: a port found free can be taken by another process before influxd binds it.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary, options);
    } catch (e) {
      lastError = e;
      if (!String((e as Error).message).includes('address already in use')) break;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, options: InfluxdOptions): Promise<Influxd> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-influxd-'));
  const [httpPort, rpcPort] = [await freePort(), await freePort()];
  const configPath = join(dir, 'influxdb.conf');
  await writeFile(configPath, configText(dir, httpPort, rpcPort, options));
  const url = `http://127.0.0.1:${httpPort}`;

  installExitHook();
  const child = spawn(binary, ['-config', configPath], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INFLUXDB_REPORTING_DISABLED: 'true' } });
  running.add(child);
  let log = '';
  const keepTail = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let spawnError: Error | undefined;
  child.once('error', (e) => {
    spawnError = e;
  });

  let stopped = false;
  const stop = async (timeoutMs = 5_000): Promise<void> => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitExit(child, timeoutMs))) {
          child.kill('SIGKILL');
          await waitExit(child, 5_000);
        }
      }
      running.delete(child);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `influxd (${binary}) exited before answering /ping on ${url}${spawnError ? `: ${spawnError.message}` : ''}. Its log ends:\n${log.trim()}`,
      );
    }
    if (await ping(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`influxd (${binary}) did not answer /ping on ${url} within ${options.startTimeoutMs ?? 30_000} ms. Its log ends:\n${log.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const admin = options.auth ? { ...options.auth } : undefined;
  try {
    // With auth on and no users yet, influxd accepts exactly this one unauthenticated statement.
    if (admin)
      await runQuery(
        url,
        `CREATE USER "${admin.username.replace(/["\\]/g, '\\$&')}" WITH PASSWORD '${admin.password.replace(/['\\]/g, '\\$&')}' WITH ALL PRIVILEGES`,
        undefined,
        undefined,
      );
    for (const db of options.databases ?? []) await runQuery(url, `CREATE DATABASE "${db.replace(/["\\]/g, '\\$&')}"`, undefined, admin);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    url,
    port: httpPort,
    pid: child.pid ?? -1,
    dataDir: dir,
    admin,
    query: (q, db) => runQuery(url, q, db, admin),
    async writeRaw(db, body, precision = 'ms') {
      const res = await fetch(`${url}/write?${new URLSearchParams({ db, precision })}`, { method: 'POST', body, headers: basic(admin) });
      return { status: res.status, body: await res.text() };
    },
    stop,
  };
}
