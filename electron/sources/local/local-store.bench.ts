/**
 * Benchmark of the local store on the workload: sensors × 1 year of minute data,
 * 1,000 windows (mean alone and the full envelope) for 1 and all sensors, and valueAt for many
 * series. Prints median and p95 per case; `runLocalStoreBench` is for `npm run bench:query`.
 *
 * Run alone:
 *   npx esbuild electron/sources/local/local-store.bench.ts --bundle --platform=node --format=cjs \
 *     --external:@duckdb/node-api --external:@duckdb/node-bindings --outfile=/tmp/local-store-bench.cjs && node /tmp/local-store-bench.cjs [--json out.json]
 * Sizes: BENCH_SENSORS (20), BENCH_VALUE_AT_SERIES (200), BENCH_RUNS (25).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { windowLayout } from '../../../shared/series/window-math';
import { LocalStore, type ColumnBatch } from './local-store';
import { syntheticSeries } from './synthetic-series';

const MIN = 60_000;
const YEAR_MINUTES = 525_600;
const FROM = Date.UTC(2024, 0, 1);
const TO = FROM + YEAR_MINUTES * MIN;

export interface BenchRow {
  case: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

async function measure(name: string, runs: number, task: (i: number) => Promise<unknown>): Promise<BenchRow> {
  await task(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task(i);
    times.push(performance.now() - start);
  }
  return summarize(name, times);
}

function summarize(name: string, times: number[]): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { case: name, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: sorted.length };
}

const round = (x: number) => Math.round(x * 10) / 10;
const keyOf = (i: number) => `bench,sensor=S${String(i).padStart(3, '0')}#value`;

/** Seed `count` sensor-years: per series (10 per call), or week by week with every series in each call (as the demo seeder does). Returns ms spent appending. */
async function seed(store: LocalStore, count: number, weekly: boolean): Promise<number> {
  const make = (i: number) => ({ key: keyOf(i), ...syntheticSeries({ seed: i + 1, from: FROM, step: MIN, count: YEAR_MINUTES }) });
  let spent = 0;
  const timed = async (batch: ColumnBatch[]) => {
    const start = performance.now();
    await store.appendColumns(batch);
    spent += performance.now() - start;
  };
  if (!weekly) {
    // Generated ten at a time: 200 sensor-years at once would need 1.7 GB of arrays.
    for (let i = 0; i < count; i += 10) await timed(Array.from({ length: Math.min(10, count - i) }, (_, k) => make(i + k)));
    return spent;
  }
  const series = Array.from({ length: count }, (_, i) => make(i));
  const weekPoints = 10_080;
  for (let off = 0; off < YEAR_MINUTES; off += weekPoints) {
    await timed(series.map((s) => ({ key: s.key, t: s.t.subarray(off, off + weekPoints), v: s.v.subarray(off, off + weekPoints) })));
  }
  return spent;
}

async function windowCases(store: LocalStore, sensors: number, runs: number, label: string): Promise<BenchRow[]> {
  const layout = windowLayout({ from: FROM, to: TO }, 1000);
  const all = Array.from({ length: sensors }, (_, i) => keyOf(i));
  const rows: BenchRow[] = [];
  rows.push(
    await measure(`${label}1 sensor-year → 1,000 windows, mean`, runs, (i) => store.windows([keyOf(Math.abs(i) % sensors)], layout, { stats: ['mean'] })),
  );
  rows.push(await measure(`${label}1 sensor-year → 1,000 windows, full envelope`, runs, (i) => store.windows([keyOf(Math.abs(i) % sensors)], layout)));
  rows.push(await measure(`${label}${sensors} sensor-years → 1,000 windows, mean`, runs, () => store.windows(all, layout, { stats: ['mean'] })));
  rows.push(await measure(`${label}${sensors} sensor-years → 1,000 windows, full envelope`, runs, () => store.windows(all, layout)));
  return rows;
}

async function valueAtCase(store: LocalStore, count: number, runs: number): Promise<BenchRow> {
  const keys = Array.from({ length: count }, (_, i) => keyOf(i));
  // A different instant each run, anywhere in the year, not on a minute boundary.
  return measure(`valueAt, ${count} series`, runs, (i) => store.valueAt(keys, FROM + Math.floor((((i + 2) * 0.6180339887) % 1) * (TO - FROM)) + 17_123));
}

export async function runLocalStoreBench(
  o: { sensors?: number; valueAtSeries?: number; runs?: number; log?: (s: string) => void } = {},
): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const sensors = o.sensors ?? 20;
  const many = Math.max(o.valueAtSeries ?? 200, sensors);
  const runs = o.runs ?? 25;
  const log = o.log ?? (() => undefined);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twin-local-bench-'));
  try {
    // (1) Seeded one sensor at a time: each series contiguous.
    let store = await LocalStore.open(path.join(dir, 'a'));
    const seedMs = await seed(store, sensors, false);
    notes.push(
      `appendColumns: ${sensors} sensor-years (${((sensors * YEAR_MINUTES) / 1e6).toFixed(1)} M points), 10 series per call, in ${(seedMs / 1000).toFixed(1)} s (${Math.round((sensors * YEAR_MINUTES) / (seedMs / 1000) / 1e5) / 10} M points/s)`,
    );
    log(notes[notes.length - 1] as string);
    rows.push(...(await windowCases(store, sensors, runs, '')));
    rows.push(await valueAtCase(store, sensors, runs));
    // One grouped query against parallel per-series queries, alternating run by run so load on the machine hits both alike.
    const layout = windowLayout({ from: FROM, to: TO }, 1000);
    const all = Array.from({ length: sensors }, (_, i) => keyOf(i));
    for (const stats of [['mean'], undefined] as const) {
      const times = { 'one-query': [] as number[], parallel: [] as number[] };
      for (let i = -1; i < runs; i++) {
        for (const mode of ['one-query', 'parallel'] as const) {
          store.windowsMode = mode;
          const start = performance.now();
          await store.windows(all, layout, stats ? { stats } : {});
          if (i >= 0) times[mode].push(performance.now() - start);
        }
      }
      for (const mode of ['one-query', 'parallel'] as const) {
        rows.push(summarize(`${mode}, alternating: ${sensors} sensor-years → 1,000 windows, ${stats ? 'mean' : 'full envelope'}`, times[mode]));
      }
    }
    store.windowsMode = 'one-query';
    await store.close();
    log('windows done');

    // (2) Seeded week by week across all sensors, as the demo seeder does; then flush() compacts.
    store = await LocalStore.open(path.join(dir, 'b'));
    const weeklyMs = await seed(store, sensors, true);
    notes.push(`appendColumns: the same week by week (53 calls of all sensors) in ${(weeklyMs / 1000).toFixed(1)} s`);
    rows.push(...(await windowCases(store, sensors, Math.min(runs, 10), 'week-by-week seed: ')));
    const flushStart = performance.now();
    await store.flush();
    notes.push(`flush() compacting ${((sensors * YEAR_MINUTES) / 1e6).toFixed(1)} M points: ${((performance.now() - flushStart) / 1000).toFixed(1)} s`);
    rows.push(...(await windowCases(store, sensors, Math.min(runs, 10), 'after flush(): ')));
    await store.close();
    await rm(path.join(dir, 'b'), { recursive: true, force: true });
    log('weekly done');

    // (3) valueAt over many series, each a year of minute data.
    store = await LocalStore.open(path.join(dir, 'c'));
    const manyMs = await seed(store, many, false);
    notes.push(`appendColumns: ${many} sensor-years (${((many * YEAR_MINUTES) / 1e6).toFixed(1)} M points) in ${(manyMs / 1000).toFixed(1)} s`);
    rows.push(await valueAtCase(store, many, runs));
    rows.push(
      await measure(`${many} sensor-years → 1,000 windows, full envelope`, Math.min(runs, 5), () =>
        store.windows(
          Array.from({ length: many }, (_, i) => keyOf(i)),
          layout,
        ),
      ),
    );
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}

function printTable(rows: readonly BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.case.length));
  console.log(`${'case'.padEnd(w)}  median ms   p95 ms  runs`);
  for (const r of rows) console.log(`${r.case.padEnd(w)}  ${String(r.medianMs).padStart(9)}  ${String(r.p95Ms).padStart(7)}  ${String(r.runs).padStart(4)}`);
}

async function main(): Promise<void> {
  const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  const result = await runLocalStoreBench({
    sensors: env('BENCH_SENSORS', 20),
    valueAtSeries: env('BENCH_VALUE_AT_SERIES', 200),
    runs: env('BENCH_RUNS', 25),
    log: (s) => console.error(s),
  });
  for (const n of result.notes) console.log(n);
  printTable(result.rows);
  const jsonAt = process.argv.indexOf('--json');
  const out = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
}

if (/local-store[.-]bench\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
