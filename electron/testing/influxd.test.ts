import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInfluxd } from './influxd';

async function pingStatus(url: string): Promise<number | string> {
  try {
    return (await fetch(`${url}/ping`, { signal: AbortSignal.timeout(2_000) })).status;
  } catch (e) {
    return ((e as Error).cause as { code?: string } | undefined)?.code ?? 'failed';
  }
}

describe('startInfluxd', () => {
  it('starts a private influxd on loopback with its own folders, and stop() removes all of it', async () => {
    const influxd = await startInfluxd({ databases: ['a', 'b'], cacheSnapshotWriteColdDuration: '2s', compactFullWriteColdDuration: '3s' });
    expect(influxd.url).toBe(`http://127.0.0.1:${influxd.port}`);
    expect(await pingStatus(influxd.url)).toBe(204);
    const config = readFileSync(join(influxd.dataDir, 'influxdb.conf'), 'utf8');
    expect(config).toContain(`bind-address = "127.0.0.1:${influxd.port}"`);
    expect(config).toMatch(/^bind-address = "127\.0\.0\.1:\d+"$/m);
    expect(config).toContain('reporting-enabled = false');
    expect(config).toContain('cache-snapshot-write-cold-duration = "2s"');
    expect(config).toContain('compact-full-write-cold-duration = "3s"');
    for (const listener of ['udp', 'graphite', 'collectd', 'opentsdb']) expect(config).toContain(`[[${listener}]]\n  enabled = false`);
    const [dbs] = (await influxd.query('SHOW DATABASES')) as { series: { values: string[][] }[] }[];
    expect(dbs?.series[0]?.values.flat()).toEqual(expect.arrayContaining(['a', 'b']));
    expect(existsSync(join(influxd.dataDir, 'meta'))).toBe(true);

    await influxd.stop();
    expect(await pingStatus(influxd.url)).toBe('ECONNREFUSED');
    expect(existsSync(influxd.dataDir)).toBe(false);
    await influxd.stop(); // twice is harmless
  });

  it('with auth: the admin is created, anonymous requests are refused', async () => {
    const influxd = await startInfluxd({ auth: { username: 'root', password: 'r00t-pa55' }, databases: ['plant'] });
    try {
      const anonymous = await fetch(`${influxd.url}/query`, { method: 'POST', body: new URLSearchParams({ q: 'SHOW DATABASES' }) });
      expect(anonymous.status).toBe(401);
      const [users] = (await influxd.query('SHOW USERS')) as { series: { values: unknown[][] }[] }[];
      expect(users?.series[0]?.values).toEqual([['root', true]]);
      expect((await influxd.writeRaw('plant', 'm f=1 1')).status).toBe(204);
    } finally {
      await influxd.stop();
    }
  });

  it('kills an influxd that ignores SIGTERM once the timeout passes', async () => {
    const influxd = await startInfluxd();
    // A stopped process cannot act on SIGTERM; only SIGKILL ends it.
    process.kill(influxd.pid, 'SIGSTOP');
    const started = Date.now();
    await influxd.stop(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(() => process.kill(influxd.pid, 0)).toThrow();
    expect(existsSync(influxd.dataDir)).toBe(false);
  });

  it('runs two at once without clashing', async () => {
    const [a, b] = await Promise.all([startInfluxd(), startInfluxd()]);
    expect(a.port).not.toBe(b.port);
    expect(a.dataDir).not.toBe(b.dataDir);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('says how to install influxd when it is missing', async () => {
    await expect(startInfluxd({ binary: '/nonexistent/influxd' })).rejects.toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('apt-get install -y influxdb'),
    });
  });
});
