// npm run bench:chart — issue "Charts that never lose a spike", in headless Chromium:
// (1) the chart's drawing code (its uPlot options, path builders and M4 lines) taking 20 series × 1,000
//     windows and drawing them, from the windows to pixels on the canvas (goal ≤ 10 ms);
// (2) through the web host on the local store holding the demo plant's year of minute data: the time from
//     releasing a drag-zoom on the chart of CH-1 and CH-2 (20 sensors) to the new windows drawn (goal ≤ 200 ms).
// Prints median and p95; writes bench-results/chart.json. BENCH_CHART_DAYS=N seeds fewer days (default 365),
// BENCH_CHART_DIR reuses a data folder between runs.
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchServices, benchWebHost } from './bench-host';
import { fmt, summarize } from './stats';
import type { DrawTimes } from './chart-draw-page';

const ROOT = path.resolve(__dirname, '..');
const DRAW_RUNS = Number(process.env.BENCH_DRAW_RUNS ?? 60);
const ZOOM_RUNS = Number(process.env.BENCH_ZOOM_RUNS ?? 20);
const DAYS = Number(process.env.BENCH_CHART_DAYS ?? 365);

function log(line: string): void {
  console.log(line);
}

async function drawBench(page: Page): Promise<DrawTimes> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="root"></div></body></html>');
  await page.addStyleTag({ path: path.join(ROOT, 'node_modules', 'uplot', 'dist', 'uPlot.min.css') });
  await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'dist-electron', 'bench-chart-page.js'), 'utf8') });
  return page.evaluate(
    ([runs]) => (window as unknown as { benchChartDraw(s: number, w: number, r: number): Promise<DrawTimes> }).benchChartDraw(20, 1000, runs as number),
    [DRAW_RUNS],
  );
}

interface Drawn {
  from: number;
  windowMs: number;
  state: string;
}

async function figureState(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const f = document.querySelector<HTMLElement>('section[aria-label="Charts"] figure');
    return { from: Number(f?.dataset.from), windowMs: Number(f?.dataset.windowMs), state: f?.dataset.state ?? '' };
  });
}

/** Wait until the figure has drawn a load other than `previous`. */
async function nextDrawn(page: Page, previous: Drawn | null): Promise<Drawn> {
  await page.waitForFunction(
    (prev) => {
      const f = document.querySelector<HTMLElement>('section[aria-label="Charts"] figure');
      if (!f || f.dataset.state !== 'ready') return false;
      return !prev || Number(f.dataset.from) !== prev.from || Number(f.dataset.windowMs) !== prev.windowMs;
    },
    previous,
    { timeout: 60_000, polling: 'raf' },
  );
  return figureState(page);
}

async function zoomBench(page: Page, url: string): Promise<{ zoomMs: number[]; requestMs: number[]; series: number; windows: number }> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 60_000 });
  const node = (tag: string) => page.locator(`.react-flow__node:has([data-asset-tag="${tag}"])`);
  await node('CH-1').click();
  await node('CH-2').click({ modifiers: ['Control'] });
  let drawn = await nextDrawn(page, null);
  const series = await page.locator('section[aria-label="Charts"] tbody tr').count();
  const over = page.locator('section[aria-label="Charts"] figure .u-over');
  const box = await over.boundingBox();
  if (!box) throw new Error('The chart has no plot area');
  const windows = Math.round(box.width);
  await page.evaluate(() => {
    const w = window as unknown as { __up: number };
    window.addEventListener('mouseup', (e) => (w.__up = e.timeStamp), true);
  });
  const zoomMs: number[] = [];
  // The part of each zoom spent waiting for the chart's windows (on the wire and in the main process): its own
  // request, told by its channel from the schematic's, which asks for the new range's windows too.
  const requestMs: number[] = [];
  for (let run = 0; run < ZOOM_RUNS + 1; run++) {
    // A different stretch each run, so the main process's window cache never answers.
    const x0 = Math.round(box.width * (0.25 + 0.04 * (run % 12)));
    const x1 = x0 + Math.round(box.width * 0.2);
    const y = box.y + box.height / 2;
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/queryWindows') && String((r.request().postDataJSON() as { channel?: string }).channel).startsWith('chart:'),
    );
    await page.mouse.move(box.x + x0, y);
    await page.mouse.down();
    await page.mouse.move(box.x + (x0 + x1) / 2, y, { steps: 3 });
    await page.mouse.move(box.x + x1, y, { steps: 3 });
    await page.mouse.up();
    const zoomed = await nextDrawn(page, drawn);
    const ms = await page.evaluate(() => {
      const up = (window as unknown as { __up: number }).__up;
      const marks = performance.getEntriesByName('twin:chart-drawn').filter((m) => m.startTime > up);
      return marks.length ? (marks[0] as PerformanceEntry).startTime - up : NaN;
    });
    const response = await answer;
    await response.finished();
    const request = response.request().timing().responseEnd;
    if (run > 0) {
      zoomMs.push(ms); // the first run warms the page and the store
      requestMs.push(request);
    }
    // Back to the month (cached, not timed).
    await page.mouse.dblclick(box.x + 10, box.y + 10);
    drawn = await nextDrawn(page, zoomed);
  }
  return { zoomMs, requestMs, series, windows };
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_CHART_DIR;
  const dataDir = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'twin-bench-chart-'));
  const seedStart = performance.now();
  const services = await benchServices(dataDir, { startupProject: null, demoData: DAYS >= 365 ? { kind: 'year' } : { kind: 'days', days: DAYS } });
  log(`Chart benchmark: writing ${DAYS} days of the demo plant into the local store (once per data folder)…`);
  await services.demoDataDone;
  log(`  ready in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  const { host, browser } = await benchWebHost(services);
  try {
    const drawPage = await browser.newPage({ viewport: { width: 1400, height: 600 } });
    const draw = await drawBench(drawPage);
    if (draw.plotWidthPx !== 1000) throw new Error(`The draw bench's plot is ${draw.plotWidthPx} px wide, not 1,000`);
    const drawStats = summarize(draw.totalMs.slice(5));
    const parts = { lines: summarize(draw.linesMs.slice(5)), uplot: summarize(draw.drawMs.slice(5)), canvas: summarize(draw.flushMs.slice(5)) };
    await drawPage.close();

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const zoom = await zoomBench(page, host.openUrl);
    const zoomStats = summarize(zoom.zoomMs);
    const requestStats = summarize(zoom.requestMs.filter(Number.isFinite));

    const result = {
      benchmark: 'chart',
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      draw: { series: 20, windowsPerSeries: 1000, plotWidthPx: draw.plotWidthPx, runs: drawStats.n, ms: drawStats, partsMs: parts },
      dragZoom: {
        store: 'local',
        days: DAYS,
        series: zoom.series,
        plotWidthPx: zoom.windows,
        runs: zoomStats.n,
        ms: zoomStats,
        windowsRequestMs: requestStats,
      },
      goals: { drawMedianMs: 10, dragZoomMs: 200 },
    };
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'chart.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(
      `  draw 20 series × 1,000 windows (M4, ${draw.plotWidthPx} px)   median ${fmt(drawStats.median)} ms   p95 ${fmt(drawStats.p95)} ms   (n=${drawStats.n}, goal ≤ 10 ms)`,
    );
    log(
      `    of which: M4 lines ${fmt(parts.lines.median)} ms, uPlot and path builders ${fmt(parts.uplot.median)} ms, canvas finishing the strokes ${fmt(parts.canvas.median)} ms (medians)`,
    );
    log(
      `  drag-zoom to new data drawn (${zoom.series} series, ${zoom.windows} px, ${DAYS} days, local store)   median ${fmt(zoomStats.median)} ms   p95 ${fmt(zoomStats.p95)} ms   (n=${zoomStats.n}, goal ≤ 200 ms)`,
    );
    log(`    of which the chart's windows request   median ${fmt(requestStats.median)} ms   p95 ${fmt(requestStats.p95)} ms   (n=${requestStats.n})`);
    log('  written to bench-results/chart.json');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
