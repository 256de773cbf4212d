import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_KINDS, leakProbes, leaksIn, startEchoServer, type EchoServer } from '../sources/testing/echo-server';
import { installCli, type InstalledCli } from './testing/installed-cli';
import { startWebChild, type WebChild } from './testing/web-child';

/**
 * Issue 7, finding 2, as users meet it: servers echoing the credentials in every failure kind leave no
 * secret in the web host's API replies or its log, nor in what `twin catalog` prints. Both run as child
 * processes through bin/twin.cjs.
 */

const PASSWORD = 'PW-sentinel-hosts-4e1d77';
const TOKEN = 'TOKEN-sentinel-hosts-b2c9a0f3';
const probes = leakProbes([PASSWORD, `reader:${PASSWORD}`, TOKEN]);

let cli: InstalledCli;
let web: WebChild;
let tmp: string;
const servers: EchoServer[] = [];

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-echo-hosts-'));
  web = await startWebChild(cli, path.join(tmp, 'data'));
}, 120_000);

afterAll(async () => {
  await web?.stop();
  await Promise.all(servers.map((s) => s.close()));
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function echoServer(kind: (typeof FAILURE_KINDS)[number], flavour: 'influx1' | 'influx2', padding: number): Promise<EchoServer> {
  const s = await startEchoServer(kind, flavour, padding);
  servers.push(s);
  return s;
}

const influx1 = (url: string) => ({ kind: 'influx1', name: 'echo', url, database: 'plant', username: 'reader', password: PASSWORD, timeoutMs: 5_000 });
const influx2 = (url: string) => ({ kind: 'influx2', name: 'echo', url, org: 'acme', bucket: 'plant', token: TOKEN, timeoutMs: 5_000 });

describe('the web host API', () => {
  it.each(FAILURE_KINDS)('connectSource to a server failing with %s answers a typed error without secrets', async (kind) => {
    for (const [flavour, profile] of [
      ['influx1', influx1],
      ['influx2', influx2],
    ] as const) {
      for (const padding of [0, 113, 290]) {
        const s = await echoServer(kind, flavour, padding);
        const r = await web.call('connectSource', { profile: profile(s.url) });
        expect(r.status).toBe(200);
        expect(leaksIn(r.body, probes), r.body).toEqual([]);
        const envelope = JSON.parse(r.body) as { ok: boolean; error?: { kind: string } };
        if (!envelope.ok) expect(envelope.error?.kind).not.toBe('internal');
      }
    }
  });

  it.each(FAILURE_KINDS.filter((k) => k.startsWith('query')))('calls on a connected source that then fails with %s answer without secrets', async (kind) => {
    for (const [flavour, profile] of [
      ['influx1', influx1],
      ['influx2', influx2],
    ] as const) {
      const s = await echoServer(kind, flavour, 113);
      s.healthy = true;
      const connected = await web.call('connectSource', { profile: profile(s.url) });
      const info = JSON.parse(connected.body) as { ok: boolean; value: { id: string } };
      expect(info.ok, connected.body).toBe(true);
      s.healthy = false;
      const source = info.value.id;
      const key = 'chiller,unit=CH1#kw';
      const replies = [
        await web.call('catalog', { source }),
        await web.call('queryWindows', { source, keys: [key], from: 0, to: 3_600_000, n: 10 }),
        await web.call('valueAt', { source, keys: [key], at: 1_000 }),
        await web.call('raw', { source, key, from: 0, to: 1_000, limit: 10 }),
        await web.call('writePoints', { source, points: [{ key, t: 1_000, value: 1 }] }),
      ];
      for (const r of replies) expect(leaksIn(r.body, probes), r.body).toEqual([]);
      // Reads fail (a write may pass: a /write answering 200 stored the points, whatever its body says).
      for (const r of replies.slice(0, 4)) expect((JSON.parse(r.body) as { ok: boolean }).ok, r.body).toBe(false);
      await web.call('disconnectSource', { source });
    }
  });

  it('printed no secret in its log', () => {
    expect(web.output()).toContain('Twin Studio: http://127.0.0.1:');
    expect(leaksIn(web.output(), probes)).toEqual([]);
  });
});

describe('twin catalog', () => {
  it.each(FAILURE_KINDS)('against a server failing with %s prints no secret and exits 1', async (kind) => {
    const one = await echoServer(kind, 'influx1', 113);
    const two = await echoServer(kind, 'influx2', 113);
    const runs = await Promise.all([
      cli.runAsync(['catalog', '--influx', one.url, '--db', 'plant', '--user', 'reader', '--password', PASSWORD]),
      cli.runAsync(['catalog', '--influx', one.url, '--db', 'plant', '--user', 'reader'], { env: { ...process.env, INFLUX_PASSWORD: PASSWORD } }),
      cli.runAsync(['catalog', '--influx', two.url, '--org', 'acme', '--bucket', 'plant', '--token', TOKEN]),
    ]);
    for (const r of runs) {
      const printed = `${r.stdout}\n${r.stderr}`;
      expect(leaksIn(printed, probes), printed).toEqual([]);
      expect(r.code, printed).toBe(1);
      expect(r.stderr).toMatch(/^twin catalog: /);
    }
  });
});
