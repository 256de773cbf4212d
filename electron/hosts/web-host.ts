import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../shell/csp';
import { mimeType, resolveBundlePath } from '../shell/bundle-path';
import type { EventHub } from '../services/event-hub';
import { quoteInput } from '../../shared/api/quote-input';
import type { TwinErrorData } from '../../shared/api/errors';
import { bodyLimit, LARGE_BODY_BYTES, LARGE_BODY_SLOTS, MAX_BODY_CONTAINERS } from './body-limits';
import { dispatch, isMethodName, type Handlers, type MethodName } from './dispatch';
import { readJsonBody, RequestRefused } from './request-body';
import { Slots } from './slots';

export interface WebHostOptions {
  handlers: Handlers;
  events: EventHub;
  /** The built renderer (Vite's dist/). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise 32 random bytes. */
  token?: string;
  /** Largest body per method (body-limits.ts by default); tests set smaller ones. */
  bodyLimit?: (method: MethodName) => number;
  /** Bodies above this size are read and parsed a few at a time (body-limits.ts by default). */
  largeBodyBytes?: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers or in Referer. */
  openUrl: string;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The method a path `/api/<name>` calls, or the refusal: a name that does not decode or is not in the contract. */
export function methodOfPath(pathname: string): MethodName | RequestRefused {
  const encoded = pathname.slice('/api/'.length);
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return new RequestRefused(400, {
      kind: 'invalid-input',
      message: `The API path /api/${quoteInput(encoded).slice(1)} is not valid percent-encoding; call /api/<method> with a method of the API.`,
    });
  }
  if (!isMethodName(name)) return new RequestRefused(404, { kind: 'invalid-input', message: `There is no API method ${quoteInput(name)}.` });
  return name;
}

function refuse(res: ServerResponse, refused: RequestRefused): void {
  const error: TwinErrorData = refused.error;
  send(res, refused.status, { ok: false, error });
}

/**
 * Serve the renderer and the API over HTTP on 127.0.0.1 only. Requests must name our own loopback
 * host (no DNS rebinding), API calls must carry the bearer token, and no CORS headers are ever sent,
 * so other origins in the same browser can neither read nor call the API.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limitOf = options.bodyLimit ?? bodyLimit;
  const largeBodies = new Slots(LARGE_BODY_SLOTS);
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'internal', message: 'The web host failed to answer.' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
      send(res, 421, { ok: false, error: { kind: 'forbidden', message: 'Unknown Host header: this server answers only its own loopback address.' } });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
        send(res, 401, { ok: false, error: { kind: 'unauthorized', message: 'Missing or wrong token: open the URL the web host printed.' } });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { kind: 'invalid-input', message: 'API methods are called with POST.' } });
        return;
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, { ok: false, error: { kind: 'invalid-input', message: 'API calls send application/json.' } });
        return;
      }
      // The method is known before a byte of the body is read: its limit applies while the body streams in.
      const method = methodOfPath(url.pathname);
      if (method instanceof RequestRefused) return refuse(res, method);
      let body: Awaited<ReturnType<typeof readJsonBody>>;
      try {
        body = await readJsonBody(req, {
          method,
          limit: limitOf(method),
          largeBytes: options.largeBodyBytes ?? LARGE_BODY_BYTES,
          slots: largeBodies,
          maxContainers: MAX_BODY_CONTAINERS,
        });
      } catch (e) {
        if (e instanceof RequestRefused) return refuse(res, e);
        throw e;
      }
      try {
        send(res, 200, await dispatch(options.handlers, method, body.value));
      } finally {
        // A large body's value lives until its method has answered; only then may the next one be parsed.
        body.release();
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const file = resolveBundlePath(options.rendererDir, url.pathname);
    let size = 0;
    try {
      if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(file),
      'Content-Length': String(size),
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.write(`${JSON.stringify({ event: 'hello' })}\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.events.subscribe((name, payload) => {
    const line = `${JSON.stringify({ event: name, payload })}\n`;
    for (const s of streams) s.write(line);
  });
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write('{"event":"ping"}\n');
  }, 20_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const base = `http://127.0.0.1:${port}/`;

  return {
    url: base,
    port,
    token,
    openUrl: `${base}#token=${token}`,
    async close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const s of streams) s.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
