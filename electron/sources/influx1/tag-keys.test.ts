import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Influx1Http } from './influx1-http';
import { TagKeyCache } from './tag-keys';

/** A server that holds each SHOW TAG KEYS until the test answers it. */
async function heldServer(): Promise<{
  url: string;
  requests: { res: ServerResponse; closed: Promise<void> }[];
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}> {
  const requests: { res: ServerResponse; closed: Promise<void> }[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ res, closed: new Promise((r) => req.socket.once('close', () => r())) });
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const arrived = async (n: number): Promise<void> => {
    while (requests.length < n) await new Promise<void>((r) => waiters.push(r));
  };
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    arrived,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const ANSWER = JSON.stringify({ results: [{ statement_id: 0, series: [{ name: 'm', columns: ['tagKey'], values: [['plant'], ['unit']] }] }] });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

describe('TagKeyCache', () => {
  it('shares one lookup between callers; one cancelling does not cancel the other', async () => {
    const srv = await heldServer();
    close = srv.close;
    const cache = new TagKeyCache(new Influx1Http({ url: srv.url, database: 'db', timeoutMs: 10_000 }));
    const a = new AbortController();
    const first = cache.get('m', a.signal);
    const second = cache.get('m', new AbortController().signal);
    await srv.arrived(1);
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    srv.requests[0]?.res.writeHead(200, { 'Content-Type': 'application/json' }).end(ANSWER);
    expect(await second).toEqual(['plant', 'unit']);
    expect(srv.requests.length).toBe(1);
    // Cached now: no second request.
    expect(await cache.get('m')).toEqual(['plant', 'unit']);
    expect(srv.requests.length).toBe(1);
  });

  it('aborts the HTTP call when every waiting caller has cancelled, and does not cache it', async () => {
    const srv = await heldServer();
    close = srv.close;
    const cache = new TagKeyCache(new Influx1Http({ url: srv.url, database: 'db', timeoutMs: 60_000 }));
    const a = new AbortController();
    const b = new AbortController();
    const calls = [cache.get('m', a.signal), cache.get('m', b.signal)].map((p) => p.catch((e: Error) => e.name));
    await srv.arrived(1);
    a.abort();
    b.abort();
    expect(await Promise.all(calls)).toEqual(['AbortError', 'AbortError']);
    await srv.requests[0]?.closed;
    const again = cache.get('m');
    await srv.arrived(2);
    srv.requests[1]?.res.writeHead(200, { 'Content-Type': 'application/json' }).end(ANSWER);
    expect(await again).toEqual(['plant', 'unit']);
  });

  it('asks again after forget() and after the time to live', async () => {
    const srv = await heldServer();
    close = srv.close;
    let now = 0;
    const cache = new TagKeyCache(new Influx1Http({ url: srv.url, database: 'db', timeoutMs: 10_000 }), () => now);
    const answer = async (n: number, p: Promise<string[]>): Promise<string[]> => {
      await srv.arrived(n);
      srv.requests[n - 1]?.res.writeHead(200, { 'Content-Type': 'application/json' }).end(ANSWER);
      return p;
    };
    await answer(1, cache.get('m'));
    cache.forget('m');
    await answer(2, cache.get('m'));
    now += 5 * 60 * 1000;
    await answer(3, cache.get('m'));
    expect(srv.requests.length).toBe(3);
  });
});
