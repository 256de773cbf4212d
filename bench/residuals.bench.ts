// Residual analysis benchmark (`npm run bench:residuals`):
// 1. Accuracy: the demo year and drawn scenarios (BENCH_SCENARIOS, default 1-12; e.g. 13-40 for scenarios the
//    tests never saw), every chiller model of the demo project at its default settings, scored against the
//    ground truth: hours from the fouling's start to each detector's alarm, false episodes per 30 days.
// 2. Speed: fit and residuals of one year at one minute (525,600 rows, 5 features) on the worker thread,
//    median and p95 of 10 runs, and how long the main process's event loop was held meanwhile.
// BENCH_ONLY=accuracy|speed runs one of the two. Writes bench-results/residuals.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { accuracyOf, GOALS, projectModels, type ModelAccuracy } from '../shared/analysis/accuracy/accuracy-run';
import { newModel } from '../shared/analysis/model/chiller-template';
import { resolveModel } from '../shared/analysis/model/resolve-model';
import type { AlignedData } from '../shared/analysis/run/run-types';
import { Prng } from '../shared/sim/prng';
import { emptyDocument } from '../shared/twin/empty-document';
import type { TwinDocument } from '../shared/twin/schema';
import { stateFromDocument } from '../shared/twin/state';
import { runInWorker } from '../electron/analysis/run-in-worker';
import { fmt, summarize } from './stats';

const ROOT = path.resolve(__dirname, '..');

function scenarioList(text: string): ('demo' | number)[] {
  const out: ('demo' | number)[] = ['demo'];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`BENCH_SCENARIOS: "${part}" is not N or N-M`);
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) out.push(n);
  }
  return out;
}

function accuracy(): { rows: ModelAccuracy[]; summary: Record<string, unknown> } {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'assets/demo/b7-chilled-water.twin.json'), 'utf8')) as TwinDocument;
  const models = projectModels(doc);
  const rows: ModelAccuracy[] = [];
  console.log("Accuracy: every chiller model at the demo project's default settings, over the whole year.");
  console.log("Delay = hours from the fouling's start to the alarm; false = episodes per 30 days outside the faults of the model's chiller and sensors.\n");
  console.log(
    '| year | fouled | severity | fault start (UTC) | drift delay h | threshold delay h | CH-1 false/30 d (drift, threshold) | CH-2 false/30 d (drift, threshold) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const scenario of scenarioList(process.env.BENCH_SCENARIOS ?? '1-12')) {
    const { truth, results } = accuracyOf(models, scenario);
    rows.push(...results);
    const fouled = results.find((r) => r.fouling);
    const fault = truth.faults.find((f) => f.kind === 'condenser-fouling');
    const delay = (d: 'drift' | 'threshold') => {
      const h = fouled?.scores.find((s) => s.detector === d)?.delayHours;
      return h === null ? 'missed' : h === undefined ? '—' : fmt(h);
    };
    const falses = (asset: string) => {
      const r = results.find((x) => x.asset === asset);
      return r ? ['drift', 'threshold'].map((d) => fmt(r.scores.find((s) => s.detector === d)?.falsePer30Days ?? NaN, 2)).join(', ') : '—';
    };
    console.log(
      `| ${scenario} | ${fault?.assetTags[0] ?? '—'} | ${fault ? `${Math.round(Number(fault.expected.kwIncreaseAtFull) * 100)} %` : '—'} | ${fault?.start.iso.slice(0, 16) ?? '—'} | ${delay('drift')} | ${delay('threshold')} | ${falses('CH-1')} | ${falses('CH-2')} |`,
    );
  }
  const scores = (d: 'drift' | 'threshold') => rows.flatMap((r) => r.scores.filter((s) => s.detector === d));
  const summary: Record<string, unknown> = {};
  for (const d of ['drift', 'threshold'] as const) {
    const delays = scores(d).flatMap((s) => (typeof s.delayHours === 'number' ? [s.delayHours] : []));
    const missed = scores(d).filter((s) => s.delayHours === null).length;
    const falseEpisodes = scores(d).reduce((n, s) => n + s.falseEpisodes, 0);
    const quietDays = scores(d).reduce((n, s) => n + s.quietDays, 0);
    const goal = d === 'drift' ? GOALS.driftHours : GOALS.thresholdHours;
    const worstRate = Math.max(...scores(d).map((s) => s.falsePer30Days));
    summary[d] = {
      delayHours: summarize(delays),
      withinGoal: delays.filter((h) => h <= goal).length,
      found: delays.length,
      missed,
      falseEpisodes,
      falsePer30Days: (falseEpisodes * 30) / quietDays,
      worstFalsePer30Days: worstRate,
    };
    const s = summarize(delays);
    console.log(
      `\n${d}: alarm ${fmt(s.median)} h after the start (median), worst ${fmt(s.max)} h; ${delays.filter((h) => h <= goal).length} of ${delays.length + missed} within the goal of ${goal} h; ` +
        `${falseEpisodes} false episodes in ${fmt(quietDays, 0)} model-days = ${fmt((falseEpisodes * 30) / quietDays, 3)} per 30 days (worst model-year ${fmt(worstRate, 2)}; goal ≤ ${GOALS.falsePer30Days}).`,
    );
  }
  return { rows, summary };
}

/** One year at one minute, five features: power from flow, speed, speed², two temperatures. */
function speedCase(): { request: Parameters<typeof runInWorker>[0] } {
  const rows = 525_600;
  const doc = emptyDocument('bench');
  doc.assets.push({ id: 'p', kind: 'centrifugal-pump', tag: 'P-1', name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false });
  const roles = ['power', 'flow', 'speed', 'chws-temperature', 'chwr-temperature'];
  for (const role of roles) doc.sensors.push({ id: role, series: `${role}#value`, unit: null, role, trusted: true, assetId: 'p' });
  const model = {
    ...newModel('m', 'p', 'bench'),
    resolutionMs: 60_000,
    target: { role: 'power' },
    inputs: [
      { name: 'flow', role: 'flow' },
      { name: 'speed', role: 'speed' },
      { name: 'chws', role: 'chws-temperature' },
      { name: 'chwr', role: 'chwr-temperature' },
    ],
    features: ['flow', 'speed', 'chws', 'chwr'],
    squares: ['speed'],
  };
  const { resolved } = resolveModel(stateFromDocument(doc), model);
  if (!resolved) throw new Error('bench model does not resolve');
  const rng = new Prng(1);
  const t0 = Date.UTC(2025, 0, 1);
  const col = (f: (i: number) => number) => Float64Array.from({ length: rows }, (_, i) => f(i));
  const flow = col((i) => 50 + 20 * Math.sin(i / 700) + rng.normal());
  const speed = col((i) => 70 + 20 * Math.cos(i / 1300) + rng.normal());
  const chws = col((i) => 6.7 + 0.5 * Math.sin(i / 9000) + 0.05 * rng.normal());
  const chwr = col((i) => 12 + Math.sin(i / 4000) + 0.05 * rng.normal());
  const power = col(
    (i) =>
      5 +
      0.4 * (flow[i] as number) +
      0.003 * (speed[i] as number) ** 2 +
      2 * (chwr[i] as number) -
      (chws[i] as number) +
      rng.normal() +
      (i > 300_000 && i < 320_000 ? 4 : 0),
  );
  const data: AlignedData = {
    t: col((i) => t0 + i * 60_000),
    columns: { 'power#value': power, 'flow#value': flow, 'speed#value': speed, 'chws-temperature#value': chws, 'chwr-temperature#value': chwr },
  };
  return { request: { resolved, data, analysis: { from: t0, to: t0 + rows * 60_000 } } };
}

function cloneRequest(r: Parameters<typeof runInWorker>[0]): Parameters<typeof runInWorker>[0] {
  // Columns are transferred to the worker (and gone from here): each run gets fresh copies.
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(r.data.columns)) columns[k] = v.slice();
  return { ...r, data: { t: r.data.t.slice(), columns } };
}

async function speed(): Promise<Record<string, unknown>> {
  const { request } = speedCase();
  const workerFile = path.join(__dirname, 'residuals-worker.cjs');
  const roundTrip: number[] = [];
  const onWorker: number[] = [];
  let maxLag = 0;
  await runInWorker(cloneRequest(request), { workerFile }); // warm-up: loads and compiles the worker
  for (let i = 0; i < 10; i++) {
    const copy = cloneRequest(request);
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 5);
      last = now;
    }, 5);
    const started = performance.now();
    const { result, elapsedMs } = await runInWorker(copy, { workerFile });
    roundTrip.push(performance.now() - started);
    clearInterval(timer);
    onWorker.push(elapsedMs);
    if (result.fit.rows !== 525_600) throw new Error(`expected 525,600 rows, got ${result.fit.rows}`);
  }
  const rt = summarize(roundTrip);
  const w = summarize(onWorker);
  console.log('\nSpeed: fit and residuals of 525,600 rows × 5 features on the worker thread, 10 runs after a warm-up.');
  console.log('| figure | median | p95 | goal |');
  console.log('|---|---|---|---|');
  console.log(`| round trip (post the columns, fit, predict, detect, answer) | ${fmt(rt.median, 0)} ms | ${fmt(rt.p95, 0)} ms | ≤ 1,000 ms |`);
  console.log(`| on the worker alone | ${fmt(w.median, 0)} ms | ${fmt(w.p95, 0)} ms | |`);
  console.log(`| longest the main event loop was held meanwhile | ${fmt(maxLag, 1)} ms | | ≤ 50 ms |`);
  return { roundTripMs: rt, workerMs: w, mainEventLoopMaxLagMs: maxLag };
}

async function main(): Promise<void> {
  // BENCH_ONLY=accuracy or BENCH_ONLY=speed runs one half.
  const only = process.env.BENCH_ONLY;
  const acc = only === 'speed' ? { rows: [], summary: {} } : accuracy();
  const spd = only === 'accuracy' ? {} : await speed();
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const out = { when: new Date().toISOString(), accuracy: acc.summary, perModel: acc.rows, speed: spd };
  writeFileSync(path.join(ROOT, 'bench-results', 'residuals.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nWritten to bench-results/residuals.json');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
