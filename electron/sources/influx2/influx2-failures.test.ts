import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TwinError } from '../../../shared/api/errors';
import type { Influx2Profile } from '../../../shared/api/source-schemas';
import { toLineProtocol } from '../../../shared/series/line-protocol';
import { windowLayout } from '../../../shared/series/window-math';
import { connectInflux2, lacksFluxApi } from './connection-check';
import { startFakeInflux2, type FakeInflux2, type FakeReply } from './fake-influx2-server';
import { WRITE_BATCH_LINES, droppedCount } from './flux-write';
import { Influx2Source } from './influx2-source';

/** Errors, cancellation, writes and the connection check of the real source against a local fake 2.x API. */

const TOKEN = 'sekret-token-123';
const T0 = Date.UTC(2024, 0, 1);
let fake: FakeInflux2;
let source: Influx2Source;

function profile(over: Partial<Influx2Profile> = {}): Influx2Profile {
  return { kind: 'influx2', name: 'test', url: fake.url, org: 'plant', bucket: 'sensors', token: TOKEN, timeoutMs: 5_000, ...over };
}

const json = (status: number, body: unknown): FakeReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected the call to fail');
}

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  fake = await startFakeInflux2();
});

afterAll(async () => {
  await source?.close();
  await fake.close();
});

beforeEach(async () => {
  await source?.close();
  fake.requests.length = 0;
  fake.onQuery = () => ({ status: 200, body: '\r\n' });
  fake.onWrite = () => ({ status: 204 });
  fake.onOther = (req) => (req.path === '/ping' ? { status: 204, headers: { 'X-Influxdb-Version': 'v2.7.4' } } : { status: 404, body: '404 page not found' });
  source = new Influx2Source(profile());
});

describe('query failures become typed errors naming host:port, never the token', () => {
  const layout = windowLayout({ from: T0, to: T0 + 3_600_000 }, 10);
  const cases: [string, FakeReply, TwinError['kind'], RegExp][] = [
    ['401', json(401, { code: 'unauthorized', message: 'unauthorized access' }), 'unauthorized', /token/i],
    ['403', json(403, { code: 'forbidden', message: 'insufficient permissions' }), 'forbidden', /permission|token/i],
    [
      '403 Flux disabled (1.8)',
      json(403, { error: 'Flux query service disabled. Verify flux-enabled=true in the [http] section of the InfluxDB config.' }),
      'unsupported',
      /flux-enabled|InfluxDB 1\.x/,
    ],
    [
      '404 bucket',
      json(404, { code: 'not found', message: 'failed to initialize execute state: could not find bucket "sensors"' }),
      'unknown-database',
      /bucket "sensors"/,
    ],
    ['404 org', json(404, { code: 'not found', message: 'organization name "plant" not found' }), 'unknown-database', /organization "plant"/],
    ['404 not a 2.x', { status: 404, headers: { 'content-type': 'text/plain' }, body: '404 page not found' }, 'unsupported', /URL|1\.x/],
    [
      '400 bad query',
      json(400, { code: 'invalid', message: 'compilation failed: error @1:1-1:5: undefined identifier frm' }),
      'source-error',
      /undefined identifier/,
    ],
    ['500', json(500, { code: 'internal error', message: 'unexpected error writing result' }), 'source-error', /internal error.*Try again/],
    ['503', { status: 503, body: 'Service Unavailable' }, 'source-error', /busy/],
    [
      '200 HTML proxy page',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' },
      'malformed-response',
      /not Flux annotated CSV/,
    ],
    ['200 JSON', json(200, { results: [] }), 'malformed-response', /not Flux annotated CSV/],
    [
      '200 annotated CSV without series columns',
      { status: 200, body: '#datatype,string,long\r\n,result,table\r\n,,0\r\n' },
      'malformed-response',
      /_measurement/,
    ],
  ];
  for (const [name, reply, kind, says] of cases) {
    it(`${name} → ${kind}`, async () => {
      fake.onQuery = () => reply;
      const e = await failure(source.windows(['m#f'], layout));
      expect(e.name).toBe('TwinError');
      expect(e.kind).toBe(kind);
      expect(e.where).toBe(`127.0.0.1:${fake.port}`);
      expect(e.message).toMatch(says);
      expect(e.message).toContain(`127.0.0.1:${fake.port}`);
      expect(e.message).not.toContain(TOKEN);
    });
  }

  it('a token echoed back by the server is blanked out', async () => {
    fake.onQuery = () => json(401, { message: `token ${TOKEN} is not valid` });
    const e = await failure(source.valueAt(['m#f'], T0));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).toContain('***');
  });

  it('a server that never answers → timeout, and the request is closed', async () => {
    await source.close();
    source = new Influx2Source(profile({ timeoutMs: 300 }));
    fake.onQuery = () => 'hang';
    const started = Date.now();
    const e = await failure(source.raw('m#f', { from: T0, to: T0 + 1000 }, 10));
    expect(e.kind).toBe('timeout');
    expect(e.where).toBe(`127.0.0.1:${fake.port}`);
    expect(Date.now() - started).toBeLessThan(3_000);
    await until(() => fake.requests.some((r) => r.closedEarly));
  });

  it('a server that stops sending in the middle of a result → timeout', async () => {
    await source.close();
    source = new Influx2Source(profile({ timeoutMs: 300 }));
    fake.onQuery = () => 'hang';
    // Override the fake's handler for this one test: send the head of a table, then nothing.
    const stall = await import('node:http').then(({ createServer: http }) => {
      const s = http((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('#datatype,string,long,dateTime:RFC3339,double,string,string\r\n');
      });
      return new Promise<typeof s>((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
    });
    const port = (stall.address() as { port: number }).port;
    const stalled = new Influx2Source(profile({ url: `http://127.0.0.1:${port}`, timeoutMs: 300 }));
    try {
      const e = await failure(stalled.valueAt(['m#f'], T0));
      expect(e.kind).toBe('timeout');
    } finally {
      await stalled.close();
      stall.closeAllConnections();
      await new Promise((r) => stall.close(r));
    }
  });

  it('nothing listening → unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const gone = new Influx2Source(profile({ url: `http://127.0.0.1:${port}` }));
    const e = await failure(gone.catalog());
    await gone.close();
    expect(e.kind).toBe('unreachable');
    expect(e.where).toBe(`127.0.0.1:${port}`);
    expect(e.message).toMatch(/ECONNREFUSED.*Check the URL/);
  });
});

describe('cancellation', () => {
  it('an AbortSignal aborts the HTTP request and the call rejects with an AbortError', async () => {
    fake.onQuery = () => 'hang';
    const controller = new AbortController();
    const call = source.windows(['m#f'], windowLayout({ from: T0, to: T0 + 60_000 }, 2), { signal: controller.signal });
    await until(() => fake.requests.length === 1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => fake.requests[0]?.closedEarly === true);
  });

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(source.valueAt(['m#f'], T0, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(source.write([{ key: 'm#f', t: T0, value: 1 }], { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('write', () => {
  const points = (n: number, key = 'result,model=chiller\\ power#residual') =>
    Array.from({ length: n }, (_, i) => ({ key, t: T0 + i * 60_000, value: i / 4 - 3 }));

  it('sends the serializer lines to /api/v2/write with org, bucket and precision=ms, in batches, and counts them', async () => {
    const ps = points(WRITE_BATCH_LINES * 2 + 17);
    const result = await source.write(ps);
    expect(result).toEqual({ written: ps.length, dropped: 0, errors: [] });
    const writes = fake.requests.filter((r) => r.path === '/api/v2/write');
    expect(writes).toHaveLength(3);
    for (const w of writes) {
      expect(Object.fromEntries(w.search)).toEqual({ org: 'plant', bucket: 'sensors', precision: 'ms' });
      expect(w.headers.authorization).toBe(`Token ${TOKEN}`);
      expect(w.method).toBe('POST');
    }
    expect(writes.flatMap((w) => w.body.split('\n'))).toEqual(toLineProtocol(ps));
  });

  it('reports a partly rejected batch as what landed and what did not, and carries on', async () => {
    let n = 0;
    fake.onWrite = () =>
      n++ === 0
        ? json(422, {
            code: 'unprocessable entity',
            message:
              'failure writing points to database: partial write: field type conflict: input field "residual" on measurement "result" is type float, already exists as type string dropped=2',
          })
        : { status: 204 };
    const result = await source.write(points(WRITE_BATCH_LINES + 10));
    expect(result.written).toBe(WRITE_BATCH_LINES + 10 - 2);
    expect(result.dropped).toBe(2);
    expect(result.errors[0]).toMatch(/2 of 5000 points .*field type conflict/);
  });

  it('a wholly rejected batch (400) counts every point of it as dropped', async () => {
    fake.onWrite = () => json(400, { code: 'invalid', message: 'unable to parse line 3: bad timestamp' });
    expect(await source.write(points(3))).toMatchObject({ written: 0, dropped: 3, errors: [expect.stringContaining('bad timestamp')] });
  });

  it('refuses a point line protocol cannot carry before sending anything, naming its key', async () => {
    const bad = 'bad\nname#v';
    const ps = [...points(2), { key: bad, t: T0, value: 1 }, ...points(1, 'other#v')];
    await expect(source.write(ps)).rejects.toMatchObject({ kind: 'invalid-input', where: bad, message: expect.stringMatching(/^Point 3\b.*line break/s) });
    await expect(source.write([{ key: 'm#v', t: T0, value: Number.NaN }])).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(fake.requests.filter((r) => r.path === '/api/v2/write')).toHaveLength(0);
  });

  it('a refused token stops the write with the error itself', async () => {
    fake.onWrite = () => json(401, { code: 'unauthorized', message: 'unauthorized access' });
    expect(await failure(source.write(points(10)))).toMatchObject({ kind: 'unauthorized', where: `127.0.0.1:${fake.port}` });
  });

  it('a failure after some batches landed is a partial-write error that says how many', async () => {
    let n = 0;
    fake.onWrite = () => (n++ === 0 ? { status: 204 } : json(500, { message: 'engine: cache full' }));
    const e = await failure(source.write(points(WRITE_BATCH_LINES * 2)));
    expect(e.kind).toBe('partial-write');
    expect(e.details).toMatchObject({ written: WRITE_BATCH_LINES, dropped: WRITE_BATCH_LINES, cause: 'source-error' });
    expect(e.message).toMatch(/5000 of 10000 points landed/);
  });

  it('reads the dropped count out of the server text', () => {
    expect(droppedCount('partial write: points beyond retention policy dropped=13')).toBe(13);
    expect(droppedCount('unable to parse')).toBeUndefined();
  });
});

describe('connecting', () => {
  it('reads the version from /ping and finds a read-only token without warnings', async () => {
    fake.onWrite = () => json(403, { code: 'forbidden', message: 'insufficient permissions for write' });
    fake.onOther = (req) =>
      req.path === '/ping'
        ? { status: 204, headers: { 'X-Influxdb-Version': 'v2.7.4' } }
        : json(401, { code: 'unauthorized', message: 'read:authorizations is unauthorized' });
    const { source: s, version, warnings } = await connectInflux2(profile());
    await s.close();
    expect(version).toBe('v2.7.4');
    expect(warnings).toEqual([]);
    // The bucket was proven readable with Flux before the connection was accepted.
    expect(fake.queries()[0]).toContain('from(bucket: "sensors")');
  });

  it('warns when the token can write or read other tokens', async () => {
    fake.onOther = (req) =>
      req.path === '/ping' ? { status: 204, headers: { 'X-Influxdb-Version': 'v2.7.4' } } : json(200, { authorizations: [{ id: '1', status: 'active' }] });
    const { source: s, warnings } = await connectInflux2(profile());
    await s.close();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/can write to bucket "sensors"/);
    expect(warnings[1]).toMatch(/API tokens/);
    const probe = fake.requests.find((r) => r.path === '/api/v2/write');
    expect(probe?.body).toBe('');
  });

  it('uses /health where there is no /ping', async () => {
    fake.onOther = (req) => (req.path === '/health' ? json(200, { status: 'pass', version: '2.6.0' }) : { status: 404, body: '404 page not found' });
    const { source: s, version } = await connectInflux2(profile());
    await s.close();
    expect(version).toBe('2.6.0');
  });

  it('refuses servers without Flux and buckets that are not there', async () => {
    fake.onOther = () => ({ status: 204, headers: { 'X-Influxdb-Version': '1.7.10' } });
    expect(await failure(connectInflux2(profile()))).toMatchObject({ kind: 'unsupported', message: expect.stringContaining('InfluxDB 1.x source') });
    expect(fake.queries()).toHaveLength(0);
    fake.onOther = () => ({ status: 204, headers: { 'X-Influxdb-Version': 'v2.7.4' } });
    fake.onQuery = () => json(404, { code: 'not found', message: 'failed to initialize execute state: could not find bucket "sensors"' });
    expect(await failure(connectInflux2(profile()))).toMatchObject({ kind: 'unknown-database' });
    expect(lacksFluxApi('1.8.10')).toBe(false);
    expect(lacksFluxApi('v2.7.4')).toBe(false);
    expect(lacksFluxApi('1.6.7~rc0')).toBe(true);
    expect(lacksFluxApi('3.0.1')).toBe(true);
    expect(lacksFluxApi('Cloud')).toBe(false);
  });
});
