import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TwinError } from '../../../shared/api/errors';
import { windowLayout } from '../../../shared/series/window-math';
import type { connectInflux1 } from './connect-influx1';
import { Influx1Source } from './influx1-source';

/** Transport failures, cancellation and the shape of requests, against local servers that misbehave on purpose. */

const LAYOUT = windowLayout({ from: 0, to: 3_600_000 }, 10);

function profile(url: string, extra: Partial<Parameters<typeof connectInflux1>[0]> = {}): Parameters<typeof connectInflux1>[0] {
  return { kind: 'influx1', name: 'test', url, database: 'plant', timeoutMs: 10_000, ...extra };
}

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected the call to fail');
}

/** A local HTTP server with a handler; closed after the test. */
async function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createHttpServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('transport failures', () => {
  it('a port nobody listens on: unreachable', async () => {
    const tmp = await httpServer(() => undefined);
    const url = tmp.url;
    await tmp.close();
    const e = await failure(new Influx1Source(profile(url)).windows(['m#f'], LAYOUT));
    expect(e.kind).toBe('unreachable');
    expect(e.where).toBe(new URL(url).host);
    expect(e.message).toContain('connection refused');
  });

  it('a server that accepts and never answers: timeout after timeoutMs', async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const e = await failure(new Influx1Source(profile(`http://127.0.0.1:${port}`, { timeoutMs: 300 })).valueAt(['m#f'], 0));
    const took = Date.now() - started;
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('300 ms');
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
  });

  it.each([
    ['HTML', 200, '<html><body>Welcome to nginx</body></html>'],
    ['JSON of another shape', 200, '{"results": "yes"}'],
    ['a statement result that is not one', 200, '{"results": [{"series": [{"columns": 5}]}]}'],
    ['truncated JSON', 200, '{"results": [{"statement_id": 0, "series": [{"name": "m", "col'],
  ])('a response that is %s: malformed-response', async (_what, status, body) => {
    const fake = await httpServer((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const e = await failure(new Influx1Source(profile(fake.url)).windows(['m#f'], LAYOUT));
    expect(e.kind).toBe('malformed-response');
    expect(e.where).toBe(new URL(fake.url).host);
    await fake.close();
  });

  it('a server error: source-error with the server’s message', async () => {
    const fake = await httpServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":"engine on fire"}');
    });
    const e = await failure(new Influx1Source(profile(fake.url)).catalog());
    expect(e.kind).toBe('source-error');
    expect(e.message).toContain('engine on fire');
    await fake.close();
  });
});

describe('writes that stop half way', () => {
  it('a batch failing after others landed: partial-write with what landed', async () => {
    let writes = 0;
    const fake = await httpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        writes++;
        if (writes === 1) res.writeHead(204).end();
        else res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"disk full"}');
      });
    });
    const source = new Influx1Source(profile(fake.url, { username: 'u', password: 'disk-secret' }), { writeBatchPoints: 2, writeConcurrency: 1 });
    const e = await failure(source.write(Array.from({ length: 5 }, (_, i) => ({ key: 'm#f', t: i, value: i }))));
    expect(e.kind).toBe('partial-write');
    expect(e.details).toMatchObject({ written: 2, dropped: 3 });
    expect(e.message).toContain('2 of 5 points were written');
    expect(e.message).toContain('disk full');
    expect(writes).toBe(2);
    await fake.close();
  });

  it('a server echoing the password: the message does not', async () => {
    const fake = await httpServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"bad request from user u with password echo-secret"}'));
    });
    const e = await failure(new Influx1Source(profile(fake.url, { username: 'u', password: 'echo-secret' })).catalog());
    expect(e.kind).toBe('source-error');
    expect(e.message).not.toContain('echo-secret');
    await fake.close();
  });
});

describe('cancellation', () => {
  async function holdingServer(): Promise<{ url: string; arrived: Promise<IncomingMessage>; closed: Promise<number>; close(): Promise<void> }> {
    let arrive!: (req: IncomingMessage) => void;
    let closeSeen!: (at: number) => void;
    const arrived = new Promise<IncomingMessage>((r) => (arrive = r));
    const closed = new Promise<number>((r) => (closeSeen = r));
    const fake = await httpServer((req) => {
      req.socket.once('close', () => closeSeen(Date.now()));
      arrive(req);
    });
    return { url: fake.url, arrived, closed, close: fake.close };
  }

  it('aborting the signal rejects with an AbortError and closes the socket the server holds', async () => {
    const fake = await holdingServer();
    const controller = new AbortController();
    const source = new Influx1Source(profile(fake.url, { timeoutMs: 60_000 }));
    const call = failure(source.windows(['m#f'], LAYOUT, { signal: controller.signal }));
    const req = await fake.arrived;
    expect(req.url).toContain('/query');
    const abortedAt = Date.now();
    controller.abort();
    const e = await call;
    expect((e as unknown as Error).name).toBe('AbortError');
    const closedAt = await fake.closed;
    expect(closedAt - abortedAt).toBeLessThan(2_000);
    await fake.close();
  });

  it('a signal already aborted sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const source = new Influx1Source(profile('http://127.0.0.1:9'));
    expect(((await failure(source.valueAt(['m#f'], 0, { signal: controller.signal }))) as unknown as Error).name).toBe('AbortError');
  });

  it('close() aborts what is in flight', async () => {
    const fake = await holdingServer();
    const source = new Influx1Source(profile(fake.url, { timeoutMs: 60_000 }));
    const call = failure(source.raw('m#f', { from: 0, to: 10 }, 10));
    await fake.arrived;
    await source.close();
    expect(((await call) as unknown as Error).name).toBe('AbortError');
    await fake.closed;
    expect((await failure(source.catalog())).kind).toBe('cancelled');
    await fake.close();
  });
});

describe('request shape', () => {
  it('POSTs q and db as a form, epoch=ms, credentials only in the Authorization header', async () => {
    const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
    const fake = await httpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"results":[{"statement_id":0}]}');
      });
    });
    await new Influx1Source(profile(fake.url, { username: 'u', password: 'p4ss:word' })).raw('m#f', { from: 0, to: 10 }, 5);
    await new Influx1Source(profile(fake.url, { token: 'tok-123' })).raw('m#f', { from: 0, to: 10 }, 5);
    expect(seen.length).toBe(4); // tag keys, then the query, per source
    const last = seen[1] as (typeof seen)[number];
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/query?epoch=ms');
    const form = new URLSearchParams(last.body);
    expect(form.get('db')).toBe('plant');
    expect(form.get('q')).toContain('SELECT "f"::field FROM "m"');
    expect(last.auth).toBe(`Basic ${Buffer.from('u:p4ss:word').toString('base64')}`);
    expect(seen[3]?.auth).toBe('Token tok-123');
    for (const s of seen) expect(`${s.url} ${s.body}`).not.toMatch(/p4ss|tok-123/);
    await fake.close();
  });
});
