import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwinError } from '../../../shared/api/errors';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { connectInflux1 } from './connect-influx1';
import { Influx1Source } from './influx1-source';
import { windowLayout } from '../../../shared/series/window-math';

/** What a real influxd 1.6 refuses — partial writes, credentials, privileges, unknown databases — reaching the caller as typed, readable errors. */

const ADMIN = { username: 'admin', password: 'adm1n-pa55word' };
const READER = { username: 'reader', password: 'r3ader-pa55word' };
const WRITER = { username: 'writer', password: 'wr1ter-pa55word' };
const LAYOUT = windowLayout({ from: 0, to: 3_600_000 }, 10);

let secured: Influxd;
let open: Influxd;

beforeAll(async () => {
  [secured, open] = await Promise.all([startInfluxd({ auth: ADMIN, databases: ['plant'] }), startInfluxd({ databases: ['plant'] })]);
  await secured.query(`CREATE USER "reader" WITH PASSWORD '${READER.password}'`);
  await secured.query('GRANT READ ON "plant" TO "reader"');
  await secured.query(`CREATE USER "writer" WITH PASSWORD '${WRITER.password}'`);
  await secured.query('GRANT ALL ON "plant" TO "writer"');
});

afterAll(async () => {
  await Promise.all([secured?.stop(), open?.stop()]);
});

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

describe('partial writes', () => {
  it('reports what landed and what did not, across batches', async () => {
    // The field already holds integers: floats for it are refused point by point (type conflict).
    expect((await open.writeRaw('plant', 'conflict,site=B7 kw=1i 0')).status).toBe(204);
    const source = new Influx1Source(profile(open.url), { writeBatchPoints: 4 });
    const good = Array.from({ length: 6 }, (_, i) => ({ key: 'fine,site=B7#kw', t: 60_000 * (i + 1), value: i + 0.5 }));
    const bad = Array.from({ length: 5 }, (_, i) => ({ key: 'conflict,site=B7#kw', t: 60_000 * (i + 1), value: i + 0.5 }));
    const result = await source.write([...good, ...bad]);
    expect(result.written).toBe(6);
    expect(result.dropped).toBe(5);
    expect(result.errors.join('\n')).toContain('field type conflict');
    const raw = await source.raw('fine,site=B7#kw', { from: 0, to: 3_600_000 }, 100);
    expect(raw.v).toEqual(good.map((p) => p.value));
    await source.close();
  });

  it('counts points 1.x refuses by name (a field called "time")', async () => {
    const source = new Influx1Source(profile(open.url));
    const result = await source.write([
      { key: 'named#kw', t: 1000, value: 1 },
      { key: 'named#time', t: 2000, value: 2 },
      { key: 'named#kw', t: 3000, value: 3 },
    ]);
    expect(result).toMatchObject({ written: 2, dropped: 1 });
    expect(result.errors[0]).toMatch(/invalid field name.*dropped=1/);
    await source.close();
  });
});

describe('authentication and privileges', () => {
  it('401 with a wrong password: unauthorized, host:port named, password never shown', async () => {
    const source = new Influx1Source(profile(secured.url, { username: 'reader', password: 'wrong-pa55word' }));
    for (const call of [
      () => source.windows(['m#f'], LAYOUT),
      () => source.valueAt(['m#f'], 0),
      () => source.catalog(),
      () => source.write([{ key: 'm#f', t: 0, value: 1 }]),
    ]) {
      const e = await failure(call());
      expect(e.kind).toBe('unauthorized');
      expect(e.where).toBe(`127.0.0.1:${secured.port}`);
      expect(e.message).toContain(`127.0.0.1:${secured.port}`);
      expect(e.message).not.toContain('wrong-pa55word');
      expect(JSON.stringify(e)).not.toContain('wrong-pa55word');
    }
    const e = await failure(connectInflux1(profile(secured.url, { username: 'reader', password: 'wrong-pa55word' })));
    expect(e.kind).toBe('unauthorized');
  });

  it('no credentials on a server with auth: unauthorized', async () => {
    expect((await failure(new Influx1Source(profile(secured.url)).windows(['m#f'], LAYOUT))).kind).toBe('unauthorized');
  });

  it('403 when a read-only user writes: forbidden', async () => {
    const source = new Influx1Source(profile(secured.url, READER));
    const e = await failure(source.write([{ key: 'm#f', t: 0, value: 1 }]));
    expect(e.kind).toBe('forbidden');
    expect(e.message).toContain('"plant"');
  });

  it('token auth travels as "Authorization: Token"', async () => {
    const source = new Influx1Source(profile(secured.url, { token: `${READER.username}:${READER.password}` }));
    // 1.6 predates tokens: it refuses them as it would a wrong password, which proves the header was sent.
    const e = await failure(source.catalog());
    expect(e.kind).toBe('unauthorized');
    expect(e.message).not.toContain(READER.password);
  });

  it('connection check: the read-only user gets only the version warning', async () => {
    const { version, warnings, source } = await connectInflux1(profile(secured.url, READER));
    expect(version).toMatch(/^1\.6\./);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('CVE-2019-20933');
    await source.close();
  });

  it('connection check: warns when the credentials can write', async () => {
    const { warnings, source } = await connectInflux1(profile(secured.url, WRITER));
    expect(warnings.some((w) => w.includes('can write to "plant"'))).toBe(true);
    expect(warnings.some((w) => w.includes("are an administrator's"))).toBe(false);
    await source.close();
  });

  it('connection check: warns when the credentials are an administrator’s', async () => {
    const { warnings, source } = await connectInflux1(profile(secured.url, ADMIN));
    expect(warnings.some((w) => w.includes("are an administrator's"))).toBe(true);
    expect(warnings.some((w) => w.includes('can write'))).toBe(true);
    expect(warnings.join(' ')).not.toContain(ADMIN.password);
    await source.close();
  });

  it('connection check: warns when authentication is off', async () => {
    const { warnings, source } = await connectInflux1(profile(open.url));
    expect(warnings.some((w) => w.includes('Authentication is off'))).toBe(true);
    await source.close();
  });

  it('credentials in the URL are used as the login and stripped from the URL the client keeps', async () => {
    const url = new URL(secured.url);
    url.username = READER.username;
    url.password = READER.password;
    const { source } = await connectInflux1(profile(url.href));
    expect(await source.catalog()).toEqual([]);
    expect(source.http.base.href).toBe(`${secured.url}/`);
    await source.close();
  });
});

describe('unknown database', () => {
  it('is reported by the connection check, queries and writes', async () => {
    expect((await failure(connectInflux1(profile(open.url, { database: 'nope' })))).kind).toBe('unknown-database');
    const source = new Influx1Source(profile(open.url, { database: 'nope' }));
    for (const call of [
      () => source.windows(['m#f'], LAYOUT),
      () => source.valueAt(['m#f'], 0),
      () => source.catalog(),
      () => source.write([{ key: 'm#f', t: 0, value: 1 }]),
    ]) {
      const e = await failure(call());
      expect(e.kind).toBe('unknown-database');
      expect(e.message).toContain('"nope"');
    }
  });
});
