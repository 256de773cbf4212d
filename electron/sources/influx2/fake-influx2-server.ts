import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { URL } from 'node:url';

/**
 * A stand-in for an InfluxDB 2.x HTTP API on a loopback port, for tests where no 2.x server can run:
 * `/ping`, `/health`, `/api/v2/query` and `/api/v2/write`, answering what each test tells it to.
 */

export type FakeReply =
  | { status?: number; headers?: Record<string, string>; body?: string }
  /** Accept the request and never answer. */
  | 'hang';

export interface SeenRequest {
  method: string;
  path: string;
  /** The URL's query parameters (`org`, `bucket`, `precision`). */
  search: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** The Flux text of a query request. */
  query?: string;
  /** Set when the client closed the connection before an answer was sent. */
  closedEarly: boolean;
}

export interface FakeInflux2 {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Answer for `/api/v2/query`; default: an empty result. */
  onQuery: (query: string, req: SeenRequest) => FakeReply;
  /** Answer for `/api/v2/write`; default: 204. */
  onWrite: (body: string, req: SeenRequest) => FakeReply;
  /** Answer for anything else (`/ping`, `/health`, `/api/v2/authorizations`); default: a 2.7 server's /ping and /health, 404 otherwise. */
  onOther: (req: SeenRequest) => FakeReply;
  /** Queries seen, in order. */
  queries(): string[];
  close(): Promise<void>;
}

/** Annotated CSV as InfluxDB sends it: CRLF line ends, tables separated by an empty line. */
export function csv(text: string): string {
  return `${text.replace(/^\n/, '').replace(/\n/g, '\r\n')}\r\n`;
}

function defaultOther(req: SeenRequest): FakeReply {
  if (req.path === '/ping') return { status: 204, headers: { 'X-Influxdb-Version': 'v2.7.4', 'X-Influxdb-Build': 'OSS' } };
  if (req.path === '/health')
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ name: 'influxdb', message: 'ready for queries and writes', status: 'pass', version: 'v2.7.4' }),
    };
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found' };
}

export async function startFakeInflux2(): Promise<FakeInflux2> {
  const sockets = new Set<Socket>();
  const fake: FakeInflux2 = {
    url: '',
    port: 0,
    requests: [],
    onQuery: () => ({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: '\r\n' }),
    onWrite: () => ({ status: 204 }),
    onOther: defaultOther,
    queries: () => fake.requests.flatMap((r) => (r.query === undefined ? [] : [r.query])),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (res: ServerResponse, seen: SeenRequest, reply: FakeReply): void => {
    if (reply === 'hang') {
      res.on('close', () => {
        if (!res.writableEnded) seen.closedEarly = true;
      });
      return;
    }
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    res.end(reply.body ?? '');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, search: url.searchParams, headers: req.headers, body, closedEarly: false };
      fake.requests.push(seen);
      if (url.pathname === '/api/v2/query') {
        let query = '';
        try {
          query = String((JSON.parse(body) as { query?: unknown }).query ?? '');
        } catch {
          query = '';
        }
        seen.query = query;
        answer(res, seen, fake.onQuery(query, seen));
      } else if (url.pathname === '/api/v2/write') {
        answer(res, seen, fake.onWrite(body, seen));
      } else {
        answer(res, seen, fake.onOther(seen));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  fake.port = typeof addr === 'object' && addr ? addr.port : 0;
  fake.url = `http://127.0.0.1:${fake.port}`;
  return fake;
}
