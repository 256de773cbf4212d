import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwinError } from '../../shared/api/errors';
import { startInfluxd, type Influxd } from '../testing/influxd';
import { detectServer, parseServerVersion, requireDialect, versionWarnings } from './detect-server';

/** A fake server answering /ping with given headers and /api/v2/query with a given status and body. */
async function fakeServer(
  ping: { status?: number; headers: Record<string, string> },
  flux?: { status: number; body: string },
): Promise<{ url: string; seen: IncomingMessage[]; close(): Promise<void> }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(req);
    if (req.url === '/ping') {
      res.writeHead(ping.status ?? 204, ping.headers);
      res.end();
    } else if (req.url === '/api/v2/query' && flux) {
      res.writeHead(flux.status, { 'Content-Type': 'application/json' });
      res.end(flux.body);
    } else {
      res.writeHead(404);
      res.end('404 page not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('parseServerVersion', () => {
  it.each([
    ['1.6.7~rc0', { major: 1, minor: 6, patch: 7 }],
    ['v2.7.4', { major: 2, minor: 7, patch: 4 }],
    ['1.8.10-c1.8.10', { major: 1, minor: 8, patch: 10 }],
    ['1.7', { major: 1, minor: 7, patch: 0 }],
    ['OSS', undefined],
    ['', undefined],
  ])('%j', (text, expected) => {
    expect(parseServerVersion(text)).toEqual(expected);
  });
});

describe('versionWarnings', () => {
  it.each([
    ['1.6.7~rc0', true],
    ['1.7.5', true],
    ['1.0.0', true],
    ['1.7.6', false],
    ['1.8.10', false],
    ['2.7.4', false],
  ])('%s warns about CVE-2019-20933: %s', (version, warns) => {
    const w = versionWarnings(version, parseServerVersion(version));
    expect(w.some((x) => x.includes('CVE-2019-20933') && x.includes(version))).toBe(warns);
  });
});

describe('detectServer against fake servers', () => {
  it('1.7.6: InfluxQL only, no Flux probe, no warning', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Version': '1.7.6', 'X-Influxdb-Build': 'OSS' } });
    const d = await detectServer(fake.url);
    expect(d).toMatchObject({ version: '1.7.6', build: 'OSS', dialects: { influxql: true, flux: false }, preferred: 'influxql', warnings: [] });
    expect(fake.seen.map((r) => r.url)).toEqual(['/ping']);
    await fake.close();
  });

  it('1.8 with Flux disabled: no Flux', async () => {
    const fake = await fakeServer(
      { headers: { 'X-Influxdb-Version': '1.8.10' } },
      { status: 403, body: '{"error":"Flux query service disabled. Verify flux-enabled=true in the [http] section of the InfluxDB config."}' },
    );
    const d = await detectServer(fake.url, { authorization: 'Token u:p' });
    expect(d.dialects).toEqual({ influxql: true, flux: false });
    expect(fake.seen[1]?.headers.authorization).toBe('Token u:p');
    expect(() => requireDialect(d, 'flux', fake.url)).toThrow(/flux-enabled = true/);
    await fake.close();
  });

  it('1.8 with Flux enabled: both, InfluxQL preferred', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Version': '1.8.10' } }, { status: 200, body: '' });
    const d = await detectServer(fake.url);
    expect(d).toMatchObject({ dialects: { influxql: true, flux: true }, preferred: 'influxql', warnings: [] });
    expect(() => requireDialect(d, 'flux', fake.url)).not.toThrow();
    await fake.close();
  });

  it('1.8 that refuses the probe credentials: Flux not assumed, and said so', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Version': '1.8.3' } }, { status: 401, body: '{"error":"authorization failed"}' });
    const d = await detectServer(fake.url);
    expect(d.dialects.flux).toBe(false);
    expect(d.warnings.join(' ')).toContain('Could not tell whether Flux is enabled');
    await fake.close();
  });

  it('2.x: Flux preferred', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Version': 'v2.7.4', 'X-Influxdb-Build': 'OSS' } });
    expect(await detectServer(fake.url)).toMatchObject({ version: 'v2.7.4', dialects: { influxql: true, flux: true }, preferred: 'flux' });
    await fake.close();
  });

  it('Cloud, which states no version number: Flux', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Build': 'Cloud' } });
    expect(await detectServer(fake.url)).toMatchObject({ version: 'Cloud', parsed: undefined, dialects: { flux: true }, preferred: 'flux' });
    await fake.close();
  });

  it('3.x: no Flux', async () => {
    const fake = await fakeServer({ headers: { 'X-Influxdb-Version': '3.0.1' } });
    const d = await detectServer(fake.url);
    expect(d.dialects).toEqual({ influxql: true, flux: false });
    const e = (() => {
      try {
        requireDialect(d, 'flux', fake.url);
      } catch (x) {
        return x as TwinError;
      }
      return undefined;
    })();
    expect(e?.kind).toBe('unsupported');
    expect(e?.message).toContain('InfluxDB 3.0.1');
    await fake.close();
  });

  it('no version header: malformed-response, not a guess', async () => {
    const fake = await fakeServer({ status: 200, headers: { 'Content-Type': 'text/html' } });
    await expect(detectServer(fake.url)).rejects.toMatchObject({ kind: 'malformed-response' });
    await fake.close();
  });

  it('/ping behind authentication (ping-auth-enabled): unauthorized', async () => {
    const fake = await fakeServer({ status: 401, headers: {} });
    await expect(detectServer(fake.url)).rejects.toMatchObject({ kind: 'unauthorized' });
    await fake.close();
  });
});

describe('detectServer against the real influxd 1.6', () => {
  let influxd: Influxd;
  beforeAll(async () => {
    influxd = await startInfluxd();
  });
  afterAll(async () => {
    await influxd?.stop();
  });

  it('reads 1.6.7, InfluxQL only, and warns about the authentication bypass', async () => {
    const d = await detectServer(influxd.url);
    expect(d.parsed).toEqual({ major: 1, minor: 6, patch: 7 });
    expect(d.dialects).toEqual({ influxql: true, flux: false });
    expect(d.preferred).toBe('influxql');
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toContain('CVE-2019-20933');
    expect(() => requireDialect(d, 'flux', influxd.url)).toThrow(/Connect it as InfluxDB 1\.x/);
    expect(() => requireDialect(d, 'influxql', influxd.url)).not.toThrow();
  });
});
