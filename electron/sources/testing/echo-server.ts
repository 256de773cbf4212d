import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A hostile stand-in for an InfluxDB (1.x or 2.x) on a loopback port that fails in one chosen way and
 * echoes the request's credentials back in everything it sends: the Authorization header as sent and
 * decoded, the URL, the body, and a padding that moves them across any cut a message might make. Tests
 * connect to it and look for the secrets in every error, log line and API reply.
 */

export const FAILURE_KINDS = [
  'ping-401',
  'ping-403',
  'query-401',
  'query-403',
  'ping-no-version',
  'version-echo',
  'query-not-json',
  'query-500',
  'query-html',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface EchoServer {
  url: string;
  kind: FailureKind;
  /**
   * While true the server passes a connection check as a least-privilege reader would (1.x or 2.x), so a
   * source connects; set it to false to make every later call fail in `kind`.
   */
  healthy: boolean;
  /** Characters of filler before the echo, so a secret straddles a different cut each time. */
  padding: number;
  close(): Promise<void>;
}

/** Everything the request carried that could hold a secret, in every form a server might echo it. */
function echo(req: IncomingMessage, body: string, padding: number): string {
  const auth = String(req.headers.authorization ?? '');
  const [, scheme = '', credentials = ''] = /^(\S+)\s+(.*)$/.exec(auth) ?? [];
  const decoded = scheme.toLowerCase() === 'basic' ? Buffer.from(credentials, 'base64').toString('utf8') : '';
  const parts = [
    'x'.repeat(padding),
    `auth=${auth}`,
    `credentials=${credentials}`,
    `decoded=${decoded}`,
    `decoded64=${Buffer.from(decoded.split(':').slice(1).join(':') || credentials).toString('base64')}`,
    `url=${req.url ?? ''}`,
    `body=${body}`,
  ];
  return parts.join(' ');
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

const V1 = { 'X-Influxdb-Version': '1.8.10', 'X-Influxdb-Build': 'OSS' };
const V2 = { 'X-Influxdb-Version': 'v2.7.4', 'X-Influxdb-Build': 'OSS' };

/** What a healthy server with a read-only user answers to the calls of a connection check. */
function healthy(res: ServerResponse, req: IncomingMessage, path: string, body: string, flavour: 'influx1' | 'influx2'): void {
  const json = { 'Content-Type': 'application/json' };
  if (path === '/ping') return answer(res, 204, flavour === 'influx1' ? V1 : V2, '');
  if (flavour === 'influx2') {
    if (path === '/api/v2/query') return answer(res, 200, { 'Content-Type': 'text/csv' }, '\r\n');
    return answer(res, 403, json, JSON.stringify({ code: 'forbidden', message: 'insufficient permissions' }));
  }
  if (!req.headers.authorization) return answer(res, 401, json, JSON.stringify({ error: 'unable to parse authentication credentials' }));
  if (path === '/query' && new URLSearchParams(body).get('q') === 'SHOW DATABASES') {
    const databases = { statement_id: 0, series: [{ name: 'databases', columns: ['name'], values: [['plant']] }] };
    return answer(res, 200, json, JSON.stringify({ results: [databases] }));
  }
  if (path === '/query')
    return answer(res, 200, json, JSON.stringify({ results: [{ statement_id: 0, error: 'error authorizing query: requires admin privilege' }] }));
  return answer(res, 403, json, JSON.stringify({ error: 'forbidden' }));
}

/** Start a server failing in `kind`; `flavour` picks the version a healthy /ping would state. */
export async function startEchoServer(kind: FailureKind, flavour: 'influx1' | 'influx2', padding = 0): Promise<EchoServer> {
  const sockets = new Set<Socket>();
  const version = flavour === 'influx1' ? V1 : V2;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (echoServer.healthy) return healthy(res, req, path, body, flavour);
      const said = echo(req, body, padding);
      const json = { 'Content-Type': 'application/json' };
      const isPing = path === '/ping' || path === '/health';
      const isQuery = path === '/query' || path === '/api/v2/query';
      if (isPing) {
        if (kind === 'ping-401') return answer(res, 401, json, JSON.stringify({ error: `authorization failed: ${said}`, message: `unauthorized: ${said}` }));
        if (kind === 'ping-403') return answer(res, 403, json, JSON.stringify({ error: `forbidden: ${said}`, message: `forbidden: ${said}` }));
        if (kind === 'ping-no-version') return answer(res, 200, { 'Content-Type': 'text/plain' }, `hello from a proxy ${said}`);
        if (kind === 'version-echo') return answer(res, 204, { 'X-Influxdb-Version': said.slice(0, 2_000), 'X-Influxdb-Build': 'OSS' }, '');
        return answer(res, 204, version, '');
      }
      if (isQuery || path === '/write' || path.startsWith('/api/v2/')) {
        if (kind === 'query-401')
          return answer(res, 401, json, JSON.stringify({ error: `authorization failed: ${said}`, message: `unauthorized access: ${said}` }));
        if (kind === 'query-403') return answer(res, 403, json, JSON.stringify({ error: `forbidden: ${said}`, message: `insufficient permissions: ${said}` }));
        if (kind === 'query-not-json') return answer(res, 200, { 'Content-Type': 'text/plain' }, `not what you expected: ${said}`);
        if (kind === 'query-500') return answer(res, 500, json, JSON.stringify({ error: `internal error: ${said}`, message: `internal error: ${said}` }));
        if (kind === 'query-html')
          return answer(
            res,
            502,
            { 'Content-Type': 'text/html' },
            `<!doctype html><html><body><h1>502 Bad Gateway</h1><pre>${said}</pre>\n\u0007\u001b[31m</body></html>`,
          );
      }
      return answer(res, 404, { 'Content-Type': 'text/plain' }, `404 page not found ${said}`);
    });
  });
  const echoServer: EchoServer = {
    url: '',
    kind,
    padding,
    healthy: false,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  echoServer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return echoServer;
}

/**
 * The secret in every form a leak could take, cut into overlapping pieces: a message that quotes any
 * 8 characters of a secret, or of its base64, has leaked it (a cut may keep only part of it).
 */
export function leakProbes(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    // base64 of a text holding the secret at any of the three byte alignments: keep the characters only the secret decides.
    for (let k = 0; k < 3; k++) {
      const b64 = Buffer.concat([Buffer.alloc(k), Buffer.from(s)]).toString('base64');
      forms.add(b64.slice(Math.ceil((4 * k) / 3), Math.floor((8 * (k + Buffer.byteLength(s))) / 6)));
    }
  }
  const probes = new Set<string>();
  for (const f of forms) {
    if (f.length <= 8) probes.add(f);
    for (let i = 0; i + 8 <= f.length; i++) probes.add(f.slice(i, i + 8));
  }
  return [...probes];
}

/** The probes found in a text (empty when nothing leaked). */
export function leaksIn(text: string, probes: readonly string[]): string[] {
  return probes.filter((p) => text.includes(p));
}
