import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateBuckets } from '../../../shared/series/rollup-math';
import { mergeRanges } from '../../../shared/series/range-set';
import { LocalStore } from '../../sources/local/local-store';

/**
 * `twin cache` as users run it: the CLI bundled and started as a child process. A fill killed mid-way
 * (SIGKILL, no chance to clean up) and started again ends with every bucket exactly once.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1);
const TO = FROM + 180 * DAY;
const KEYS = ['plant,unit=CH1#kw', 'B7_CH2_KW#value'];
let dir: string;
let script: string;
const data = new Map<string, { t: number[]; v: number[] }>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-cache-cli-'));
  script = path.join(dir, 'twin-cli.cjs');
  await build({
    entryPoints: [path.join(__dirname, '..', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: script,
    logLevel: 'error',
    external: ['@duckdb/node-api', '@duckdb/node-bindings', '@influxdata/influxdb-client'],
    nodePaths: [path.join(__dirname, '..', '..', '..', 'node_modules')],
  });
  const store = await LocalStore.open(path.join(dir, 'data', 'local'));
  for (const [i, key] of KEYS.entries()) {
    const t: number[] = [];
    const v: number[] = [];
    for (let x = FROM + i * 1_000; x < TO; x += MIN) {
      if (Math.floor(x / DAY) % 11 === 5) continue;
      t.push(x);
      v.push(Math.round((Math.sin(x / 3_600_000) * 40 + i * 100 + (x % 7)) * 100) / 100);
    }
    data.set(key, { t, v });
    await store.appendColumns([{ key, t, v }]);
  }
  await store.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, 'cache', ...args], { encoding: 'utf8', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
const dataDir = () => path.join(dir, 'data');
const fillArgs = () => ['fill', '--data-dir', dataDir(), '--series', ...KEYS, '--from', String(FROM), '--to', String(TO), '--level', '1min'];

describe('twin cache', () => {
  it('fills with progress, is killed mid-fill, and resumes without a bucket missing or twice', async () => {
    const child = spawn(process.execPath, [script, 'cache', ...fillArgs()], { env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
    let err = '';
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        const done = [...err.matchAll(/Caching history: (\d+) of (\d+) slices/g)].map((m) => Number(m[1]));
        if (done.length && Math.max(...done) >= 8) {
          child.kill('SIGKILL');
          resolve(Math.max(...done));
        }
      });
      child.on('exit', (code) => reject(new Error(`the fill ended (${code}) before it could be killed:\n${err}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(err).toMatch(/2 series at 1 min: 182 slices to fetch/);
    expect(killedAt).toBeLessThan(182);

    // The kill left some slices filled, and the fill's job behind.
    const resumed = run(...fillArgs());
    expect(resumed.status, resumed.stderr).toBe(0);
    const left = Number(/(\d+) slices? to fetch/.exec(resumed.stderr)?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(182 - killedAt);
    expect(resumed.stderr).toContain('History cache up to date.');

    const store = await LocalStore.open(path.join(dataDir(), 'local'));
    try {
      for (const key of KEYS) {
        const sid = store.rollups.sidOf({ tenant: 'offline', source: 'local' }, key)!;
        const covered = store.rollups.covered(sid, MIN);
        expect(mergeRanges(covered)).toEqual([{ from: FROM, to: TO }]);
        // No two filled ranges overlap: each bucket belongs to exactly one.
        const sorted = [...covered].sort((a, b) => a.from - b.from);
        sorted.slice(1).forEach((c, i) => expect(c.from).toBe(sorted[i]!.to));
        const stored = await store.rollups.storedBuckets(sid, MIN);
        const want = aggregateBuckets(key, data.get(key)!.t, data.get(key)!.v, MIN, { from: FROM, to: TO });
        expect(stored.t.length).toBe(want.t.length);
        expect(stored.t).toEqual(want.t);
        expect(stored.count).toEqual(want.count);
      }
      expect(await store.rollups.jobs(store.rollups.sidsOf('offline'))).toEqual([]);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('prints stats, refreshes a range, and clears', () => {
    const stats = run('stats', '--data-dir', dataDir(), '--json');
    expect(stats.status, stats.stderr).toBe(0);
    const parsed = JSON.parse(stats.stdout) as { tenant: string; sources: { source: string; series: number; buckets: number }[] };
    expect(parsed.tenant).toBe('offline');
    expect(parsed.sources).toMatchObject([{ source: 'local', series: 2 }]);
    const buckets = parsed.sources[0]!.buckets;
    expect(run('stats', '--data-dir', dataDir()).stdout).toMatch(/local: 2 series, [\d,]+ buckets/);
    const other = JSON.parse(run('stats', '--data-dir', dataDir(), '--tenant', 'acme', '--json').stdout) as { sources: unknown[] };
    expect(other.sources).toEqual([]);

    const refreshed = run('refresh', '--data-dir', dataDir(), '--series', KEYS[0]!, '--from', String(FROM + 10 * DAY), '--to', String(FROM + 12 * DAY));
    expect(refreshed.status, refreshed.stderr).toBe(0);
    expect(refreshed.stderr).toContain('Refreshing 1 cached series of local.');
    expect(JSON.parse(run('stats', '--data-dir', dataDir(), '--json').stdout).sources[0].buckets).toBe(buckets);

    const cleared = run('clear', '--data-dir', dataDir());
    expect(cleared.stdout).toBe(`Dropped ${buckets.toLocaleString('en')} buckets.\n`);
    expect(JSON.parse(run('stats', '--data-dir', dataDir(), '--json').stdout).sources).toEqual([]);
  }, 120_000);

  it('says what is wrong with its arguments', () => {
    const bad = run('fill', '--data-dir', dataDir(), '--series', KEYS[0]!, '--from', String(FROM), '--to', String(TO), '--level', '2h');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--level must be one of 1min, 5min, 15min, 1h, 6h, 1d, got "2h".');
    expect(run('defrag').stderr).toContain('Unknown cache command "defrag"');
    expect(run('fill', '--data-dir', dataDir(), '--from', String(FROM), '--to', String(TO)).stderr).toContain('Name the series to fill');
  });
});
