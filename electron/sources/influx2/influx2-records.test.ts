import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTwinError } from '../../../shared/api/errors';
import { startFakeInflux2, type FakeInflux2 } from './fake-influx2-server';
import { Influx2Source } from './influx2-source';

/**
 * Multi-field writes and range deletes of the 2.x source against the local stand-in of the 2.x HTTP API
 * (no 2.x server runs here): the line protocol it sends and the delete request's body. A real server is
 * exercised by influx2-integration.test.ts when INFLUX2_URL is set.
 */
let fake: FakeInflux2;
let source: Influx2Source;

beforeAll(async () => {
  fake = await startFakeInflux2();
  source = new Influx2Source({ kind: 'influx2', name: 't', url: fake.url, org: 'plant org', bucket: 'results', token: 'tok-secret-9', timeoutMs: 5_000 });
});
afterAll(async () => {
  await source.close();
  await fake.close();
});

describe('InfluxDB 2.x: multi-field points and range deletes', () => {
  it('writes records as line protocol with tags and text fields, in batches', async () => {
    fake.requests.length = 0;
    const result = await source.writeRecords([
      { measurement: 'twin_alert', tags: { twin: 'b7', asset: 'CH-1', detector: 'drift' }, fields: { peak: 46.5, direction: 'high' }, t: 1_749_000_000_000 },
    ]);
    expect(result).toEqual({ written: 1, dropped: 0, errors: [] });
    const write = fake.requests.find((r) => r.path === '/api/v2/write');
    expect(write?.search.get('precision')).toBe('ms');
    expect(write?.search.get('bucket')).toBe('results');
    expect(write?.body).toBe('twin_alert,asset=CH-1,detector=drift,twin=b7 peak=46.5,direction="high" 1749000000000');
  });

  it('deletes through /api/v2/delete with an inclusive stop one millisecond before the end, values escaped', async () => {
    fake.requests.length = 0;
    fake.onOther = () => ({ status: 204 });
    await source.deleteRange({ measurement: 'twin_prediction', tags: { twin: 'b"7\\', asset: 'CH-1' }, from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 1, 1) });
    const del = fake.requests.find((r) => r.path === '/api/v2/delete');
    expect(del?.method).toBe('POST');
    expect(del?.search.get('org')).toBe('plant org');
    expect(del?.search.get('bucket')).toBe('results');
    expect(JSON.parse(del?.body ?? '')).toEqual({
      start: '2025-01-01T00:00:00.000Z',
      stop: '2025-01-31T23:59:59.999Z',
      predicate: '_measurement="twin_prediction" AND asset="CH-1" AND twin="b\\"7\\\\"',
    });
  });

  it('refuses tag keys a predicate cannot name, and reports a refused delete without the token', async () => {
    await expect(source.deleteRange({ measurement: 'm', tags: { 'a b': 'x' }, from: 0, to: 10 })).rejects.toThrow(/cannot be named in an InfluxDB 2.x delete/);
    fake.onOther = () => ({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'unauthorized', message: 'unauthorized access tok-secret-9' }),
    });
    const e = await source.deleteRange({ measurement: 'm', tags: { a: 'x' }, from: 0, to: 10 }).catch((x: unknown) => x);
    expect(isTwinError(e) && e.kind).toBe('unauthorized');
    expect(String((e as Error).message)).not.toContain('tok-secret-9');
  });
});
