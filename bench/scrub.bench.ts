// npm run bench:scrub — headless Chromium through the web host on the 500-asset bench plant with 200 bound
// sensors and 30 days of minute data in the local store (8.6 M points): frame times while the time cursor is
// dragged across the whole range and while playing at 86,400×, and the time from the cursor coming to rest
// to exact values drawn. Prints median and p95, writes bench-results/scrub.json.
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appPaths } from '../electron/services/app-paths';
import { LocalStore } from '../electron/sources/local/local-store';
import { benchColumn, scrubProject } from './scrub-project';
import { benchServices, benchWebHost } from './bench-host';
import { fmt, summarize } from './stats';

const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 3);
const DRAG_STEPS = 240;
const PLAY_MS = Number(process.env.BENCH_PLAY_MS ?? 6_000);
const REST_RUNS = Number(process.env.BENCH_REST_RUNS ?? 20);
const ROOT = path.resolve(__dirname, '..');
const DAY = 86_400_000;
/** The data ends in the past, as a historian export does: presets anchor to it. */
const DATA_END = Date.UTC(2025, 5, 1);
const DATA_FROM = DATA_END - 30 * DAY;

async function writeData(dir: string, series: ReturnType<typeof scrubProject>['series']): Promise<number> {
  const store = await LocalStore.open(dir);
  let points = 0;
  try {
    // One day of every series per transaction, oldest first (appends must be newer than what is there).
    for (let day = DATA_FROM; day < DATA_END; day += DAY) {
      const batch = series.map((s, i) => ({ key: s.key, ...benchColumn(s, i, day, day + DAY) }));
      for (const b of batch) points += b.t.length;
      await store.appendColumns(batch);
    }
    await store.compact();
  } finally {
    await store.close();
  }
  return points;
}

/** Start recording the interval between animation frames in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

async function sliderBox(page: Page) {
  const box = await page.getByRole('slider', { name: 'Time cursor' }).boundingBox();
  if (!box) throw new Error('The time cursor is not on screen');
  return box;
}

/** Every drawn value exact (or stale/missing), none approximate: the app has fetched and drawn the exact values. */
async function waitExact(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.value-layer')?.getAttribute('data-values') === 'exact', undefined, {
    polling: 'raf',
    timeout: 30_000,
  });
}

async function dragAcross(page: Page, run: number): Promise<{ frames: number[]; positions: number }> {
  const box = await sliderBox(page);
  const y = box.y + box.height / 2;
  const [a, b] = run % 2 === 0 ? [box.x + 1, box.x + box.width - 1] : [box.x + box.width - 1, box.x + 1];
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Set<string>; __observer: MutationObserver };
    w.__seen = new Set();
    const slider = document.querySelector('[role=slider]');
    w.__observer = new MutationObserver(() => w.__seen.add(slider?.getAttribute('aria-valuenow') ?? ''));
    if (slider) w.__observer.observe(slider, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.mouse.move(a, y);
  await startFrames(page);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(a + ((b - a) * i) / DRAG_STEPS, y);
    await page.waitForTimeout(16);
  }
  const frames = await stopFrames(page);
  await page.mouse.up();
  const positions = await page.evaluate(() => {
    const w = window as unknown as { __seen: Set<string>; __observer: MutationObserver };
    w.__observer.disconnect();
    return w.__seen.size;
  });
  await waitExact(page);
  return { frames, positions };
}

async function play(page: Page): Promise<{ frames: number[]; simulatedDays: number }> {
  await page.getByRole('combobox', { name: 'Play speed' }).selectOption('86400');
  await page.getByRole('slider', { name: 'Time cursor' }).focus();
  await page.keyboard.press('Home');
  await waitExact(page);
  const start = Number(await page.getByRole('slider', { name: 'Time cursor' }).getAttribute('aria-valuenow'));
  await startFrames(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(PLAY_MS);
  const frames = await stopFrames(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const end = Number(await page.getByRole('slider', { name: 'Time cursor' }).getAttribute('aria-valuenow'));
  await waitExact(page);
  return { frames, simulatedDays: (end - start) / DAY };
}

/** Drag a short way and let go; time from the last cursor move to the frame that shows exact values. */
async function restToExact(page: Page, run: number): Promise<number> {
  const box = await sliderBox(page);
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width * (0.1 + ((run * 0.37) % 0.8));
  await page.evaluate(() => {
    const w = window as unknown as { __lastMove: number };
    w.__lastMove = 0;
    window.addEventListener('pointermove', () => (w.__lastMove = performance.now()), { capture: true });
  });
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(x0 + i * 3, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __lastMove: number };
        const started = performance.now();
        const check = () => {
          const marks = performance.getEntriesByName('twin:values-exact').filter((m) => m.startTime > w.__lastMove);
          if (marks.length > 0) resolve((marks[0] as PerformanceEntry).startTime - w.__lastMove);
          else if (performance.now() - started > 10_000) reject(new Error('No exact values 10 s after the cursor came to rest'));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-bench-scrub-'));
  const paths = appPaths(dataDir);
  mkdirSync(paths.projects, { recursive: true });
  const projectPath = path.join(paths.projects, 'bench-scrub.twin.json');
  const { doc, series } = scrubProject(50);
  writeFileSync(projectPath, JSON.stringify(doc));
  const t0 = performance.now();
  const points = await writeData(paths.local, series);
  console.log(
    `Wrote ${points.toLocaleString('en')} points (${series.length} series × 30 days of minutes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const services = await benchServices(dataDir, { startupProject: projectPath, demoData: { kind: 'off' } });
  const { host, browser } = await benchWebHost(services);
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(host.openUrl);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: 'Last 30 days' }).click();
    await waitExact(page);
    const drawn = await page.locator('.value-layer [data-sensor]').count();
    const equipment = await page.locator('.react-flow__node [data-running], .react-flow__node [data-position]').count();
    if (drawn < series.length) throw new Error(`Only ${drawn} of ${series.length} values are drawn`);

    const dragFrames: number[] = [];
    const seen: number[] = [];
    for (let r = 0; r < DRAG_RUNS; r++) {
      const d = await dragAcross(page, r);
      dragFrames.push(...d.frames);
      seen.push(d.positions);
    }
    const played = await play(page);
    const rests: number[] = [];
    for (let r = 0; r < REST_RUNS; r++) rests.push(await restToExact(page, r));

    const drag = summarize(dragFrames);
    const playing = summarize(played.frames);
    const rest = summarize(rests);
    const result = {
      benchmark: 'scrub',
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      project: { assets: doc.assets.length, sensors: series.length, points, drawnValues: drawn, drawnEquipment: equipment },
      drag: { runs: DRAG_RUNS, steps: DRAG_STEPS, cursorPositionsPerRun: seen, frameMs: drag },
      play: { speed: 86_400, ms: PLAY_MS, simulatedDays: played.simulatedDays, frameMs: playing },
      restToExactMs: rest,
      goals: { medianFrameMs: 16.7, p95FrameMs: 33, restToExactMs: 150 },
    };
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'scrub.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Scrub benchmark: ${doc.assets.length} assets, ${series.length} bound sensors, 30 days of minute data (headless Chromium)`);
    console.log(`  drawn: ${drawn} values, ${equipment} equipment states`);
    console.log(
      `  drag across the range   frame median ${fmt(drag.median)} ms   p95 ${fmt(drag.p95)} ms   (n=${drag.n}, ${seen.join('/')} cursor positions, goal ≤ 16.7 / 33 ms)`,
    );
    console.log(
      `  play at 86,400×         frame median ${fmt(playing.median)} ms   p95 ${fmt(playing.p95)} ms   (n=${playing.n}, ${played.simulatedDays.toFixed(1)} days in ${PLAY_MS / 1000} s)`,
    );
    console.log(`  rest to exact values    median ${fmt(rest.median, 0)} ms   p95 ${fmt(rest.p95, 0)} ms   (n=${rest.n}, goal ≤ 150 ms)`);
    console.log('  written to bench-results/scrub.json');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
