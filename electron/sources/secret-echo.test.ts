import { afterAll, describe, expect, it } from 'vitest';
import { toErrorData } from '../../shared/api/errors';
import type { SourceProfile } from '../../shared/api/source-schemas';
import { sourceFactories } from './factories';
import { Influx1Source } from './influx1/influx1-source';
import { Influx2Source } from './influx2/influx2-source';
import type { TimeSeriesSource } from './source';
import { FAILURE_KINDS, leakProbes, leaksIn, startEchoServer, type EchoServer, type FailureKind } from './testing/echo-server';

/**
 * Issue 7, finding 2: servers that echo the request's credentials back in every failure kind (401/403 on
 * /ping and /query, no version header, non-JSON body, 500, an HTML error page) must not get a secret,
 * whole or in part, into any error or warning the sources hand out.
 */

const PASSWORD = 'PW-sentinel-7f3a9c1e55';
const URL_PASSWORD = 'URLPW-sentinel-0b4d2e81';
const TOKEN_1 = 'TOKEN1-sentinel-93ae11c7';
const TOKEN_2 = 'TOKEN2-sentinel-5c60f0d2-aa';

interface Credentials {
  name: string;
  flavour: 'influx1' | 'influx2';
  profile(url: string): SourceProfile;
  secrets: string[];
}

const CREDENTIALS: Credentials[] = [
  {
    name: '1.x user and password',
    flavour: 'influx1',
    profile: (url) => ({ kind: 'influx1', name: 'echo', url, database: 'plant', username: 'reader', password: PASSWORD, timeoutMs: 5_000 }),
    secrets: [PASSWORD, `reader:${PASSWORD}`],
  },
  {
    name: '1.x credentials in the URL',
    flavour: 'influx1',
    profile: (url) => ({ kind: 'influx1', name: 'echo', url: url.replace('http://', `http://reader:${URL_PASSWORD}@`), database: 'plant', timeoutMs: 5_000 }),
    secrets: [URL_PASSWORD, `reader:${URL_PASSWORD}`],
  },
  {
    name: '1.8 token',
    flavour: 'influx1',
    profile: (url) => ({ kind: 'influx1', name: 'echo', url, database: 'plant', token: TOKEN_1, timeoutMs: 5_000 }),
    secrets: [TOKEN_1],
  },
  {
    name: '2.x token',
    flavour: 'influx2',
    profile: (url) => ({ kind: 'influx2', name: 'echo', url, org: 'acme', bucket: 'plant', token: TOKEN_2, timeoutMs: 5_000 }),
    secrets: [TOKEN_2],
  },
];

/** Fillers that move the echoed secrets across the cuts messages make (80, 120, 300 characters). */
const PADDINGS = [0, 60, 100, 113, 250, 290];

const servers: EchoServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function server(kind: FailureKind, flavour: 'influx1' | 'influx2', padding: number): Promise<EchoServer> {
  const s = await startEchoServer(kind, flavour, padding);
  servers.push(s);
  return s;
}

/** What a call left behind that a user or a log could see: the error as it crosses the API, or the warnings of a success. */
async function outcome(call: () => Promise<unknown>): Promise<{ text: string; kind: string }> {
  try {
    const value = await call();
    return { text: JSON.stringify(value), kind: 'ok' };
  } catch (e) {
    const data = toErrorData(e);
    return { text: `${JSON.stringify(data)}\n${e instanceof Error ? (e.stack ?? '') : ''}`, kind: data.kind };
  }
}

describe.each(CREDENTIALS)('$name', (creds) => {
  const probes = leakProbes(creds.secrets);

  it.each(FAILURE_KINDS)('connecting to a server failing with %s leaks no secret', async (kind) => {
    for (const padding of PADDINGS) {
      const s = await server(kind, creds.flavour, padding);
      const r = await outcome(async () => {
        const { source, version, warnings } = await sourceFactories.connect(creds.profile(s.url));
        await source.close();
        return { version, warnings };
      });
      expect(leaksIn(r.text, probes), `${kind}, padding ${padding}: ${r.text}`).toEqual([]);
      expect(r.kind, r.text).not.toBe('internal');
    }
  });

  it.each(FAILURE_KINDS.filter((k) => k.startsWith('query')))('every source call against a server failing with %s leaks no secret', async (kind) => {
    for (const padding of [0, 113, 290]) {
      const s = await server(kind, creds.flavour, padding);
      const profile = creds.profile(s.url);
      const source: TimeSeriesSource = profile.kind === 'influx1' ? new Influx1Source(profile) : new Influx2Source(profile);
      const layout = { from: 0, to: 3_600_000, width: 360_000, n: 10 };
      const calls: [string, () => Promise<unknown>][] = [
        ['catalog', () => source.catalog()],
        ['windows', () => source.windows(['chiller,unit=CH1#kw'], layout)],
        ['valueAt', () => source.valueAt(['chiller,unit=CH1#kw'], 1_000)],
        ['raw', () => source.raw('chiller,unit=CH1#kw', { from: 0, to: 1_000 }, 10)],
        ['write', () => source.write([{ key: 'chiller,unit=CH1#kw', t: 1_000, value: 1 }])],
      ];
      for (const [name, call] of calls) {
        const r = await outcome(call);
        expect(leaksIn(r.text, probes), `${kind} ${name}, padding ${padding}: ${r.text}`).toEqual([]);
      }
      await source.close();
    }
  });
});
