// npm run bench:rollup — issue "Long ranges at constant cost: a rollup cache in the main process". The same
// 20 sensors × 1 year at 1 minute as bench:query, and 5 sensors × 5 years, in a real influxd 1.6 (compacted)
// and in the local store. Measured: the cold fill per series and level; the first (cold) answer; warm median
// and p95 of the full envelope in 1,000 windows over 1 year and 5 years through the app's layered sources,
// against the raw path (the same layers without the rollup cache) in the same run; and a 1-day range, which
// falls through to the source. Writes bench-results/rollup.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startInfluxd, type Influxd } from '../electron/testing/influxd';
import { Influx1SeedTarget } from '../electron/sim/influx1-seed-target';
import { Influx1Source } from '../electron/sources/influx1/influx1-source';
import { syntheticSeries } from '../electron/sources/local/synthetic-series';
import { openLocalSource } from '../electron/sources/local-source';
import { SourceChanges } from '../electron/sources/layers/source-changes';
import { RollupCache } from '../electron/sources/rollup/rollup-cache';
import { levelName } from '../electron/sources/rollup/rollup-filler';
import { sessionSources } from '../electron/sources/session-sources';
import { sourceFactories } from '../electron/sources/factories';
import { SourceRegistry, sourceIdOf } from '../electron/sources/source-registry';
import { windowsResponse, type WindowsRequest } from '../electron/sources/windows-response';
import { ROLLUP_LEVELS_MS } from '../shared/series/rollup-math';
import { fmt } from './stats';
import { measureInterleaved, type Timing } from './measure';
import { waitForCompaction } from './influxd-compaction';

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
/** Raw InfluxDB reads every point of every sensor per run (seconds each): fewer runs. */
const RAW_INFLUX_RUNS = Math.max(5, Number(process.env.BENCH_RAW_RUNS ?? 5));
const MIN = 60_000;
const DAY = 86_400_000;
const DB = 'bench';
const ROOT = path.resolve(__dirname, '..');

/** BENCH_QUICK=1: a few sensors only, to try the benchmark out (figures not comparable). */
const QUICK = process.env.BENCH_QUICK === '1';
const YEAR = { sensors: QUICK ? 2 : 20, from: Date.UTC(2025, 0, 1), minutes: 525_600, measurement: 'plant' };
const FIVE = { sensors: QUICK ? 1 : 5, from: Date.UTC(2021, 0, 1), minutes: (Date.UTC(2026, 0, 1) - Date.UTC(2021, 0, 1)) / MIN, measurement: 'plant5y' };
type DataSet = typeof YEAR;
const keyOf = (d: DataSet, i: number) => `${d.measurement},sensor=S${String(i).padStart(3, '0')}#value`;
const sensors = (n: number) => `${n} sensor${n === 1 ? '' : 's'}`;
const keysOf = (d: DataSet, n = d.sensors) => Array.from({ length: n }, (_, i) => keyOf(d, i));
const endOf = (d: DataSet) => d.from + d.minutes * MIN;

interface Row {
  case: string;
  path: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

/** A range nudged by a few ms per run and path, so the window cache never answers a repeat; the work stays the same. */
function request(keys: string[], from: number, to: number, run: number, pathIndex: number): WindowsRequest {
  return { keys, from: from + pathIndex * 7 + (run + 1), to, n: 1000 };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'twin-bench-rollup-'));
  let influxd: Influxd | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    log(`Starting influxd and writing ${YEAR.sensors} sensors × 1 year and ${FIVE.sensors} sensors × 5 years at 1 minute…`);
    influxd = await startInfluxd({
      databases: [DB],
      cacheSnapshotWriteColdDuration: '5s',
      compactFullWriteColdDuration: '10s',
      cacheMaxMemorySize: 2 * 1024 ** 3,
      maxBodySize: 100 * 1024 ** 2,
    });
    const seedStart = performance.now();
    const target = new Influx1SeedTarget({ url: influxd.url, database: DB }, { batchPoints: 50_000, concurrency: 3 });
    const local = await openLocalSource(path.join(work, 'data', 'local'));
    for (const d of [YEAR, FIVE]) {
      for (let i = 0; i < d.sensors; i++) {
        const s = syntheticSeries({ seed: i + 1 + (d === FIVE ? 100 : 0), from: d.from, step: MIN, count: d.minutes });
        await target.appendColumns([{ key: keyOf(d, i), t: s.t, v: s.v }]);
        await local.store.appendColumns([{ key: keyOf(d, i), t: s.t, v: s.v }]);
      }
    }
    await target.flush();
    await local.store.flush();
    log(`  written in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; waiting for influxd to compact…`);
    await waitForCompaction(influxd, DB);
    log('  compacted.');

    const profile = { kind: 'influx1', name: 'bench', url: influxd.url, database: DB, timeoutMs: 300_000 } as const;
    const influxId = sourceIdOf(profile);
    // The app's stack (with the rollup cache), and the same stack without it: the raw path.
    const cached = sessionSources({ factories: sourceFactories, local, rollups: { recheckEveryMs: 0 } });
    await cached.connect(profile);
    const raw = new SourceRegistry(sourceFactories, 'offline');
    raw.add(local.info, local.store);
    await raw.connect(profile);
    closers.push(
      () => raw.closeAll(),
      () => cached.closeAll(),
    );
    const rollups = cached.rollups as RollupCache;
    const sources = [
      { name: 'InfluxDB 1.6', id: influxId },
      { name: 'local store', id: 'local' },
    ];

    // Cold fill per series and level: one series, each level over its whole range, in a tenant of its own.
    const fills: { source: string; data: string; level: string; perSeriesMs: number; slices: number }[] = [];
    const levels = new RollupCache(local.store.rollups, new SourceChanges(), { tenant: 'bench-levels', recheckEveryMs: 0 });
    const influxRaw = new Influx1Source(profile);
    closers.push(() => influxRaw.close());
    levels.wrap(influxId, influxRaw);
    levels.wrap('local', local.store);
    for (const s of sources) {
      for (const level of ROLLUP_LEVELS_MS) {
        const range = { from: YEAR.from, to: endOf(YEAR) };
        const t0 = performance.now();
        const slices = await levels.fill(s.id, [keyOf(YEAR, 0)], level, range);
        await levels.idle();
        const ms = performance.now() - t0;
        fills.push({ source: s.name, data: '1 sensor × 1 year', level: levelName(level), perSeriesMs: Math.round(ms), slices });
        log(`  cold fill, ${s.name.padEnd(13)} 1 series × 1 year at ${levelName(level).padEnd(6)} ${fmt(ms, 0).padStart(7)} ms (${slices} queries)`);
      }
    }
    await levels.clear();
    await levels.close();

    const rows: Row[] = [];
    const add = (c: string, p: string, r: Timing) => {
      rows.push({ case: c, path: p, medianMs: Math.round(r.median * 10) / 10, p95Ms: Math.round(r.p95 * 10) / 10, runs: r.n });
      log(`  ${c.padEnd(46)} ${p.padEnd(30)} median ${fmt(r.median).padStart(9)} ms   p95 ${fmt(r.p95).padStart(9)} ms`);
    };
    const ask = (reg: SourceRegistry, id: string, r: WindowsRequest) => windowsResponse(reg.get(id), r);

    const cases = [
      { name: `${sensors(YEAR.sensors)} × 1 y → 1,000 windows, full envelope`, keys: keysOf(YEAR), from: YEAR.from, to: endOf(YEAR) },
      { name: `${sensors(FIVE.sensors)} × 5 y → 1,000 windows, full envelope`, keys: keysOf(FIVE), from: FIVE.from, to: endOf(FIVE) },
      { name: `${sensors(FIVE.sensors)} × 1 y → 1,000 windows, full envelope`, keys: keysOf(FIVE), from: endOf(FIVE) - 365 * DAY, to: endOf(FIVE) },
    ];
    for (const c of cases) {
      // The first look: answered by the source while the view's level fills behind it.
      for (const s of sources) {
        const t0 = performance.now();
        const first = await ask(cached, s.id, request(c.keys, c.from, c.to, -2, 0));
        const coldMs = performance.now() - t0;
        await rollups.idle();
        const fillMs = performance.now() - t0;
        add(c.name, `${s.name}: first answer (cold)`, { median: coldMs, p95: coldMs, n: 1 });
        fills.push({
          source: s.name,
          data: c.name.replace(/ → .*/, ''),
          level: first.snapped ? levelName(first.snapped.bucket) : '—',
          perSeriesMs: Math.round(fillMs / c.keys.length),
          slices: rollups.filler.progress().total,
        });
        log(`  fill of the view, ${s.name}: ${fmt(fillMs, 0)} ms for ${c.keys.length} series (${fmt(fillMs / c.keys.length, 0)} ms per series)`);
      }
      const [ri, rl, wl] = await measureInterleaved(RUNS, [
        (run) => ask(cached, influxId, request(c.keys, c.from, c.to, run, 1)),
        (run) => ask(cached, 'local', request(c.keys, c.from, c.to, run, 2)),
        (run) => ask(raw, 'local', request(c.keys, c.from, c.to, run, 3)),
      ]);
      add(c.name, 'InfluxDB 1.6: rollup (warm)', ri as Timing);
      add(c.name, 'local store: rollup (warm)', rl as Timing);
      add(c.name, 'local store: raw', wl as Timing);
      const [wi] = await measureInterleaved(RAW_INFLUX_RUNS, [(run) => ask(raw, influxId, request(c.keys, c.from, c.to, run, 4))]);
      add(c.name, 'InfluxDB 1.6: raw', wi as Timing);
    }

    // A day falls through to the source: the layers must cost nothing there.
    const dayFrom = YEAR.from + 200 * DAY;
    const day = { name: `${sensors(YEAR.sensors)} × 1 day → 1,000 windows, full envelope`, keys: keysOf(YEAR), from: dayFrom, to: dayFrom + DAY };
    const [di, dl, ri, rl] = await measureInterleaved(RUNS, [
      (run) => ask(cached, influxId, request(day.keys, day.from, day.to, run, 1)),
      (run) => ask(cached, 'local', request(day.keys, day.from, day.to, run, 2)),
      (run) => ask(raw, influxId, request(day.keys, day.from, day.to, run, 3)),
      (run) => ask(raw, 'local', request(day.keys, day.from, day.to, run, 4)),
    ]);
    add(day.name, 'InfluxDB 1.6: with the rollup layer', di as Timing);
    add(day.name, 'local store: with the rollup layer', dl as Timing);
    add(day.name, 'InfluxDB 1.6: raw', ri as Timing);
    add(day.name, 'local store: raw', rl as Timing);

    const median = (c: string, p: string) => rows.find((r) => r.case === c && r.path === p)?.medianMs ?? NaN;
    const year = cases[0]!.name;
    const five = cases[1]!.name;
    const fiveLastYear = cases[2]!.name;
    const ratios = {
      'year, InfluxDB raw / rollup': Math.round((median(year, 'InfluxDB 1.6: raw') / median(year, 'InfluxDB 1.6: rollup (warm)')) * 10) / 10,
      'year, local raw / rollup': Math.round((median(year, 'local store: raw') / median(year, 'local store: rollup (warm)')) * 10) / 10,
      [`5 y / 1 y, ${FIVE.sensors} sensors, InfluxDB rollup`]:
        Math.round((median(five, 'InfluxDB 1.6: rollup (warm)') / median(fiveLastYear, 'InfluxDB 1.6: rollup (warm)')) * 100) / 100,
      [`5 y / 1 y, ${FIVE.sensors} sensors, local rollup`]:
        Math.round((median(five, 'local store: rollup (warm)') / median(fiveLastYear, 'local store: rollup (warm)')) * 100) / 100,
      [`${FIVE.sensors} sensors × 5 y / ${YEAR.sensors} sensors × 1 y, InfluxDB rollup`]:
        Math.round((median(five, 'InfluxDB 1.6: rollup (warm)') / median(year, 'InfluxDB 1.6: rollup (warm)')) * 100) / 100,
      'day, InfluxDB with layer / raw':
        Math.round((median(day.name, 'InfluxDB 1.6: with the rollup layer') / median(day.name, 'InfluxDB 1.6: raw')) * 100) / 100,
      'day, local with layer / raw': Math.round((median(day.name, 'local store: with the rollup layer') / median(day.name, 'local store: raw')) * 100) / 100,
    };
    const result = {
      benchmark: 'rollup',
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0]?.toFixed(1)}`,
      influxdb: (await (await fetch(`${influxd.url}/ping`)).headers.get('x-influxdb-version')) ?? 'unknown',
      data: { year: { sensors: YEAR.sensors, pointsPerSensor: YEAR.minutes }, fiveYears: { sensors: FIVE.sensors, pointsPerSensor: FIVE.minutes } },
      runs: RUNS,
      rawInfluxRuns: RAW_INFLUX_RUNS,
      cacheStats: rollups.stats(),
      fills,
      rows,
      ratios,
      goals: {
        'warm 20-sensor year median ms': 100,
        'year, InfluxDB raw / rollup': '≥ 10',
        '5 y / 1 y': '≤ 1.5',
        'day with layer / raw': '≤ 1 (not slower)',
      },
    };
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'rollup.json'), `${JSON.stringify(result, null, 2)}\n`);

    console.log(`\nRollup benchmark (InfluxDB ${result.influxdb}, ${RUNS} runs per case, ${RAW_INFLUX_RUNS} for raw InfluxDB over long ranges; ms)\n`);
    console.log(`${'case'.padEnd(50)}${'path'.padEnd(38)}${'median'.padStart(10)}${'p95'.padStart(10)}`);
    for (const r of rows) console.log(`${r.case.padEnd(50)}${r.path.padEnd(38)}${fmt(r.medianMs).padStart(10)}${fmt(r.p95Ms).padStart(10)}`);
    console.log('\nCold fill (ms per series):');
    for (const f of fills)
      console.log(`  ${f.source.padEnd(14)} ${f.data.padEnd(26)} ${f.level.padEnd(7)} ${String(f.perSeriesMs).padStart(8)}  (${f.slices} queries)`);
    console.log('\nRatios (goals: year raw/rollup ≥ 10 for InfluxDB, 5 y/1 y ≤ 1.5, day with layer/raw ≤ 1):');
    for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(52)} ${v}`);
    console.log('\nWritten to bench-results/rollup.json');
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await influxd?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
