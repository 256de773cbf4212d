// npm run bench:query — issue "Time-series sources": 20 sensors × 1 year at 1 minute in a real influxd
// (compacted) and in the local store; 1,000 windows (mean alone and the full envelope) for 1 and 20
// sensors through (a) direct InfluxQL over HTTP, (b) the app's service layer, (c) the web host's HTTP API,
// (d) the local store through the same service layer; and valueAt for 20 and 200 series. Median and p95
// over at least 20 runs each; writes bench-results/query.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startInfluxd, type Influxd } from '../electron/testing/influxd';
import { Influx1SeedTarget } from '../electron/sim/influx1-seed-target';
import { LocalStore } from '../electron/sources/local/local-store';
import { syntheticSeries } from '../electron/sources/local/synthetic-series';
import { createAppServices, type AppServices } from '../electron/services/app-services';
import { startWebHost, type WebHost } from '../electron/hosts/web-host';
import { resourcesDir } from '../electron/services/app-paths';
import { windowLayout } from '../shared/series/window-math';
import type { WindowLayout } from '../shared/series/types';
import { fmt } from './stats';
import { measureInterleaved } from './measure';
import { waitForCompaction } from './influxd-compaction';

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
const SENSORS = 20;
const EXTRA_VALUE_AT = 180;
const MIN = 60_000;
const YEAR_MINUTES = 525_600;
const FROM = Date.UTC(2025, 0, 1);
const TO = FROM + YEAR_MINUTES * MIN;
const WEEK = 7 * 24 * 60;
const ROOT = path.resolve(__dirname, '..');
const DB = 'bench';

const key = (i: number) => `plant,sensor=S${String(i).padStart(3, '0')}#value`;
const ALL = ['min', 'max', 'mean', 'first', 'last', 'count'] as const;
type Stats = readonly (typeof ALL)[number][];

interface Row {
  case: string;
  path: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

/**
 * A year range nudged by a few ms per run and per path, so no cache (ours, shared by the service layer and
 * the web host, or the server's) answers a repeat; the work stays the same.
 */
function layoutFor(run: number, path = 0): WindowLayout {
  return windowLayout({ from: FROM, to: TO + path * 1_000 + run + 1 }, 1000);
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function influxqlStatement(sensor: number, layout: WindowLayout, stats: Stats): string {
  const offset = ((layout.from % layout.width) + layout.width) % layout.width;
  const cols = stats.map((s) => `${s}("value") AS "${s}"`).join(', ');
  return `SELECT ${cols} FROM "plant" WHERE "sensor" = 'S${String(sensor).padStart(3, '0')}' AND time >= ${layout.from}ms AND time < ${layout.to}ms GROUP BY time(${layout.width}ms, ${offset}ms) fill(none)`;
}

async function directQuery(url: string, statements: string[]): Promise<void> {
  // What an engineer would do by hand: one query per sensor, all in flight at once (faster than one combined query on 1.6).
  await Promise.all(
    statements.map(async (q) => {
      const res = await fetch(`${url}/query?db=${DB}&epoch=ms`, { method: 'POST', body: new URLSearchParams({ q }) });
      const body = (await res.json()) as { results?: { series?: unknown[]; error?: string }[] };
      if (!res.ok || body.results?.[0]?.error) throw new Error(`InfluxQL failed: ${JSON.stringify(body).slice(0, 200)}`);
    }),
  );
}

async function api(host: WebHost, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
  return env.value;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'twin-bench-query-'));
  let influxd: Influxd | undefined;
  let services: AppServices | undefined;
  let host: WebHost | undefined;
  try {
    log(`Starting influxd and writing ${SENSORS} sensors × 1 year at 1 minute (${(SENSORS * YEAR_MINUTES).toLocaleString('en')} points)…`);
    influxd = await startInfluxd({
      databases: [DB],
      cacheSnapshotWriteColdDuration: '5s',
      compactFullWriteColdDuration: '10s',
      cacheMaxMemorySize: 2 * 1024 ** 3,
      maxBodySize: 100 * 1024 ** 2,
    });
    const seedStart = performance.now();
    const target = new Influx1SeedTarget({ url: influxd.url, database: DB }, { batchPoints: 50_000, concurrency: 3 });
    const localDir = path.join(work, 'data', 'local');
    const local = await LocalStore.open(localDir);
    for (let i = 0; i < SENSORS; i++) {
      const s = syntheticSeries({ seed: i + 1, from: FROM, step: MIN, count: YEAR_MINUTES });
      await target.appendColumns([{ key: key(i), t: s.t, v: s.v }]);
      await local.appendColumns([{ key: key(i), t: s.t, v: s.v }]);
    }
    // 180 more series with the last week only, for valueAt over 200 series.
    for (let i = SENSORS; i < SENSORS + EXTRA_VALUE_AT; i++) {
      const s = syntheticSeries({ seed: i + 1, from: TO - WEEK * MIN, step: MIN, count: WEEK });
      await target.appendColumns([{ key: key(i), t: s.t, v: s.v }]);
      await local.appendColumns([{ key: key(i), t: s.t, v: s.v }]);
    }
    await target.flush();
    await local.flush();
    await local.close();
    log(`  written in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; waiting for influxd to compact…`);
    await waitForCompaction(influxd, DB);
    log('  compacted.');

    services = await createAppServices({
      dataDir: path.join(work, 'data'),
      host: 'web',
      version: 'bench',
      resourcesDir: resourcesDir(path.join(ROOT, 'dist-electron')),
      startupProject: null,
      dialogs: null,
      openExternal: null,
      demoData: { kind: 'off' },
    });
    host = await startWebHost({ handlers: services.handlers, events: services.events, rendererDir: path.join(ROOT, 'dist') });
    const profile = { kind: 'influx1', name: 'bench', url: influxd.url, database: DB, timeoutMs: 120_000 } as const;
    const info = (await services.handlers.connectSource({ profile })) as { id: string };
    await api(host, 'connectSource', { profile });
    const h = services.handlers;

    const rows: Row[] = [];
    const add = (c: string, p: string, r: { median: number; p95: number; n: number }) => {
      rows.push({ case: c, path: p, medianMs: Math.round(r.median * 10) / 10, p95Ms: Math.round(r.p95 * 10) / 10, runs: r.n });
      log(`  ${c.padEnd(40)} ${p.padEnd(26)} median ${fmt(r.median).padStart(8)} ms   p95 ${fmt(r.p95).padStart(8)} ms`);
    };

    // BENCH_ONLY=20 runs the 20-sensor cases alone (for investigating one row).
    const only = process.env.BENCH_ONLY ? Number(process.env.BENCH_ONLY) : null;
    for (const sensors of [1, SENSORS].filter((n) => only === null || n === only)) {
      const keys = Array.from({ length: sensors }, (_, i) => key(i));
      for (const [label, stats] of [
        ['mean', ['mean']],
        ['full envelope', ALL],
      ] as const) {
        const c = `${sensors} × 1 y → 1,000 windows, ${label}`;
        const input = (run: number, pathIndex: number) => {
          const l = layoutFor(run, pathIndex);
          return { keys, from: l.from, to: l.to, n: 1000, stats: [...stats] };
        };
        const [a, b, cc, d, cached] = await measureInterleaved(RUNS, [
          (run) =>
            directQuery(
              influxd!.url,
              keys.map((_, i) => influxqlStatement(i, layoutFor(run, 0), stats)),
            ),
          (run) => h.queryWindows({ source: info.id, ...input(run, 1) }),
          (run) => api(host!, 'queryWindows', { source: info.id, ...input(run, 2) }),
          (run) => h.queryWindows({ source: 'local', ...input(run, 3) }),
          () => h.queryWindows({ source: info.id, ...input(0, 1) }),
        ]);
        add(c, '(a) direct InfluxQL', a!);
        add(c, '(b) service layer', b!);
        add(c, '(c) web host HTTP API', cc!);
        add(c, '(d) local store', d!);
        add(c, '(b) service layer, cached', cached!);
      }
    }

    for (const count of [SENSORS, SENSORS + EXTRA_VALUE_AT]) {
      const keys = Array.from({ length: count }, (_, i) => key(i));
      // Instants in the last week (where all 200 series have data), different every run.
      const at = (run: number, pathIndex: number) => TO - WEEK * MIN + Math.floor((((run + 1) * 7919 + pathIndex * 613) % WEEK) * MIN + 17_000);
      const c = `valueAt, ${count} series`;
      const [b, cc, d] = await measureInterleaved(RUNS, [
        (run) => h.valueAt({ source: info.id, keys, at: at(run, 1) }),
        (run) => api(host!, 'valueAt', { source: info.id, keys, at: at(run, 2) }),
        (run) => h.valueAt({ source: 'local', keys, at: at(run, 3) }),
      ]);
      add(c, '(b) service layer', b!);
      add(c, '(c) web host HTTP API', cc!);
      add(c, '(d) local store', d!);
    }

    const ratio = (c: string, p: string) => {
      const a = rows.find((r) => r.case === c && r.path === '(a) direct InfluxQL');
      const x = rows.find((r) => r.case === c && r.path === p);
      return a && x ? Math.round((x.medianMs / a.medianMs) * 100) / 100 : null;
    };
    const cases = [...new Set(rows.filter((r) => r.path.startsWith('(a)')).map((r) => r.case))];
    const ratios = cases.map((c) => ({
      case: c,
      'b/a': ratio(c, '(b) service layer'),
      'c/a': ratio(c, '(c) web host HTTP API'),
      'd/a': ratio(c, '(d) local store'),
    }));
    const result = {
      benchmark: 'query',
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      influxdb: (await (await fetch(`${influxd.url}/ping`)).headers.get('x-influxdb-version')) ?? 'unknown',
      data: { sensors: SENSORS, pointsPerSensor: YEAR_MINUTES, extraValueAtSeries: EXTRA_VALUE_AT },
      runs: RUNS,
      rows,
      ratios,
      goals: { 'b/a': 1.2, 'c/a': 1.3, valueAt200MedianMs: 50, local: 'at least as fast as InfluxDB' },
    };
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'query.json'), `${JSON.stringify(result, null, 2)}\n`);

    console.log(`\nQuery benchmark (InfluxDB ${result.influxdb}, ${RUNS} runs per case, ms)\n`);
    console.log(`${'case'.padEnd(42)}${'path'.padEnd(28)}${'median'.padStart(10)}${'p95'.padStart(10)}`);
    for (const r of rows) console.log(`${r.case.padEnd(42)}${r.path.padEnd(28)}${fmt(r.medianMs).padStart(10)}${fmt(r.p95Ms).padStart(10)}`);
    console.log('\nMedian ratios to the direct InfluxQL query (goals: b/a ≤ 1.2, c/a ≤ 1.3, d/a ≤ 1):');
    for (const r of ratios) console.log(`  ${r.case.padEnd(42)} b/a ${r['b/a']}   c/a ${r['c/a']}   d/a ${r['d/a']}`);
    console.log('\nWritten to bench-results/query.json');
  } finally {
    await host?.close();
    await services?.close();
    await influxd?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
