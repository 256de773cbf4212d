import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TwinError } from '../../shared/api/errors';
import { errorCodes, fetchText, hostPort, malformedResponse, statusFailure, transportFailure } from './http-failure';
import { NO_SECRETS, Redactor } from './redactor';

const ctx = { where: 'db.example:8086', server: 'InfluxDB', timeoutMs: 1234, redactor: NO_SECRETS };

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected a failure');
}

/** What undici throws: TypeError("fetch failed") with the system error as its cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('hostPort', () => {
  it.each([
    ['http://user:secret@influx.plant:8086/path?u=a&p=b', 'influx.plant:8086'],
    ['http://influx.plant', 'influx.plant:80'],
    ['https://influx.plant', 'influx.plant:443'],
    ['http://[::1]:8086', '[::1]:8086'],
  ])('%s → %s', (url, expected) => {
    expect(hostPort(url)).toBe(expected);
    expect(hostPort(url)).not.toContain('secret');
  });
});

describe('transportFailure', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable', 'connection refused'],
    ['ENOTFOUND', 'unreachable', 'DNS'],
    ['EAI_AGAIN', 'unreachable', 'DNS'],
    ['EHOSTUNREACH', 'unreachable', 'no route'],
    ['ECONNRESET', 'unreachable', 'closed the connection'],
    ['UND_ERR_SOCKET', 'unreachable', 'closed the connection'],
    ['ETIMEDOUT', 'timeout', '1234 ms'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', '1234 ms'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', '1234 ms'],
    ['CERT_HAS_EXPIRED', 'unreachable', 'TLS'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'unreachable', 'TLS'],
    ['EWHATEVER', 'unreachable', 'EWHATEVER'],
  ])('%s → %s', (code, kind, text) => {
    const e = transportFailure(fetchFailed(Object.assign(new Error(code), { code })), ctx, false);
    expect(e.kind).toBe(kind);
    expect(e.where).toBe('db.example:8086');
    expect(e.message).toContain('db.example:8086');
    expect(e.message).toContain(text);
  });

  it('finds codes inside an AggregateError (happy eyeballs tries IPv4 and IPv6)', () => {
    const agg = Object.assign(
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]),
      { code: undefined },
    );
    expect(errorCodes(fetchFailed(agg))).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(transportFailure(fetchFailed(agg), ctx, false).kind).toBe('unreachable');
  });

  it('our own timer firing is a timeout whatever the error says', () => {
    expect(transportFailure(new DOMException('aborted', 'AbortError'), ctx, true).kind).toBe('timeout');
  });
});

describe('statusFailure', () => {
  const s = { ...ctx, action: 'query', database: 'plant' };
  it.each([
    [401, '{"error":"authorization failed"}', 'unauthorized', 'authorization failed'],
    [403, '{"error":"reader not authorized to execute statement"}', 'forbidden', 'database "plant"'],
    [404, '{"error":"database not found: \\"plant\\""}', 'unknown-database', '"plant"'],
    [404, '404 page not found', 'source-error', 'without a path'],
    [408, '', 'timeout', '408'],
    [504, 'gateway timeout', 'timeout', '504'],
    [413, '{"error":"Request Entity Too Large"}', 'source-error', 'too large'],
    [500, '{"error":"engine on fire"}', 'source-error', 'engine on fire'],
    [400, '{"error":"error parsing query: found EOF"}', 'source-error', 'error parsing query'],
  ])('%d %s → %s', (status, body, kind, text) => {
    const e = statusFailure(status, body, s);
    expect(e.kind).toBe(kind);
    expect(e.where).toBe('db.example:8086');
    expect(e.message).toContain(text);
  });

  it('quotes a long server message as a short excerpt, saying how long it was', () => {
    const e = statusFailure(500, `{"error":"${'x'.repeat(1000)}"}`, s);
    expect(e.message).toContain(`${'x'.repeat(120)}… (1000 characters in all)`);
    expect(e.message).not.toContain('x'.repeat(121));
  });

  it('blanks the secrets before cutting, so no part of one survives the cut', () => {
    const body = `{"error":"${'x'.repeat(110)}hunter22-password echoed"}`;
    const e = statusFailure(401, body, { ...s, redactor: new Redactor(['hunter22-password']) });
    expect(e.message).toContain(`${'x'.repeat(110)}*** echoed`);
    expect(e.message).not.toMatch(/hunter/);
  });

  it('names the body it could not read as malformed', () => {
    const e = malformedResponse(ctx, 'query', '<html>hello</html>');
    expect(e.kind).toBe('malformed-response');
    expect(e.message).toContain('<html>hello</html>');
  });
});

describe('fetchText against real sockets', () => {
  it('a closed port: unreachable', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    const e = await failure(
      fetchText(`http://127.0.0.1:${port}/ping`, {}, { where: `127.0.0.1:${port}`, server: 'InfluxDB', timeoutMs: 5_000, redactor: NO_SECRETS }),
    );
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('connection refused');
  });

  it('a name that cannot resolve (.invalid is reserved): unreachable, DNS', async () => {
    const e = await failure(
      fetchText(
        'http://twin-studio-test.invalid/ping',
        {},
        { where: 'twin-studio-test.invalid:80', server: 'InfluxDB', timeoutMs: 10_000, redactor: NO_SECRETS },
      ),
    );
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('DNS');
  });

  it('a server that never answers: timeout; the caller’s abort: AbortError', async () => {
    const sockets: Socket[] = [];
    const srv = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/`;
    const req = { where: 'x:1', server: 'InfluxDB', timeoutMs: 200, redactor: NO_SECRETS };
    expect((await failure(fetchText(url, {}, req))).kind).toBe('timeout');
    const controller = new AbortController();
    const call = failure(fetchText(url, {}, { ...req, timeoutMs: 60_000, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(((await call) as unknown as Error).name).toBe('AbortError');
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => srv.close(r));
  });
});
