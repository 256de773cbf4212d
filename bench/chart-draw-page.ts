// Runs in Chromium (bundled by scripts/build-main.mjs as dist-electron/bench-chart-page.js): the chart's own
// uPlot options, path builders and line building, fed 20 series × 1,000 windows, timed from the windows to
// the pixels on the canvas.
import uPlot from 'uplot';
import type { ChartSeries } from '../renderer/features/charts/charted-series';
import type { PlotData, SeriesData } from '../renderer/features/charts/plot-data';
import { plotLines } from '../renderer/features/charts/plot-lines';
import { plotOptions, Y_AXIS_PX } from '../renderer/features/charts/plot-options';
import type { DrawState } from '../renderer/features/charts/plot-paths';
import { planAxes } from '../renderer/features/charts/unit-axes';
import { Prng } from '../shared/sim/prng';
import { seriesColour } from '../shared/series/series-style';
import type { SeriesWindows } from '../shared/series/types';
import { windowLayout } from '../shared/series/window-math';

const MINUTE = 60_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = FROM + 365 * 1_440 * MINUTE;

/** Windows of a minute series over the year, as a source would send them: a daily cycle, noise, spikes. */
function windowsOf(key: string, seed: number, width: number): SeriesWindows {
  const rng = new Prng(seed);
  const layout = windowLayout({ from: FROM, to: TO }, width);
  const w: SeriesWindows = { key, t: [], min: [], max: [], mean: [], first: [], last: [], count: [] };
  let level = 300 + rng.next() * 200;
  for (let i = 0; i < layout.n; i++) {
    level += rng.normal() * 5;
    const spread = 40 + rng.next() * 60 + (rng.next() < 0.02 ? 300 : 0);
    const min = level - spread * rng.next();
    const max = level + spread * rng.next();
    w.t.push(layout.from + i * layout.width);
    w.min.push(min);
    w.max.push(max);
    w.mean.push((min + max) / 2);
    w.first.push(min + (max - min) * rng.next());
    w.last.push(min + (max - min) * rng.next());
    w.count.push(526);
  }
  return w;
}

function plotData(seriesCount: number, width: number, seed: number): PlotData {
  const layout = windowLayout({ from: FROM, to: TO }, width);
  const series: SeriesData[] = Array.from({ length: seriesCount }, (_, i) => ({
    id: `local|S${i}#value`,
    kind: 'windows',
    windows: windowsOf(`S${i}#value`, seed * 1_000 + i, width),
    raw: null,
    staleLimitMs: 5 * MINUTE,
    perColumn: { median: 526, max: 526 },
    error: null,
  }));
  return {
    request: {
      range: { from: FROM, to: TO },
      widthPx: width,
      series: series.map((s) => ({ id: s.id, source: 'local', key: s.id.slice(6) })),
      band: false,
      staleAfter: 5,
    },
    layout,
    snappedTo: null,
    series,
  };
}

/** Time `runs` loads of fresh data into one plot: lines built, handed to uPlot, drawn, and the canvas flushed. */
export interface DrawTimes {
  /** Windows to pixels on the canvas: the figure the goal is about. */
  totalMs: number[];
  /** Its parts: the M4 lines built, uPlot's commit with the path builders, the canvas finishing the strokes. */
  linesMs: number[];
  drawMs: number[];
  flushMs: number[];
  plotWidthPx: number;
}

async function benchChartDraw(seriesCount: number, width: number, runs: number): Promise<DrawTimes> {
  const root = document.getElementById('root') as HTMLElement;
  const series: ChartSeries[] = Array.from({ length: seriesCount }, (_, i) => ({
    id: `local|S${i}#value`,
    source: 'local',
    key: `S${i}#value`,
    name: `S${i}`,
    unit: i % 2 ? 'kW' : '°C',
    sensorId: null,
    pinned: false,
    colour: seriesColour(i),
  }));
  const state: DrawState = { data: null, band: false };
  let onDrawn: (() => void) | null = null;
  const opts = plotOptions(
    series,
    new Set(),
    planAxes(series.map((s) => s.unit)),
    'America/Chicago',
    { width: width / window.devicePixelRatio + 2 * Y_AXIS_PX, height: 300 },
    state,
    {
      xRange: () => (state.data ? [state.data.layout.from, state.data.layout.from + width * state.data.layout.width] : [FROM, TO]),
      onSelect: () => undefined,
      onHover: () => undefined,
      onDoubleClick: () => undefined,
      onSize: () => undefined,
      onDraw: () => onDrawn?.(),
      onReady: () => undefined,
    },
  );
  const u = new uPlot(opts, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, root);
  const ctx = u.ctx;
  // Data made before timing: the bench times the chart, not the generator.
  const datasets = Array.from({ length: runs }, (_, r) => plotData(seriesCount, width, r + 1));
  const times: DrawTimes = { totalMs: [], linesMs: [], drawMs: [], flushMs: [], plotWidthPx: 0 };
  for (const data of datasets) {
    let drawnAt = 0;
    const drawn = new Promise<void>((resolve) => (onDrawn = () => ((drawnAt = performance.now()), resolve())));
    const t0 = performance.now();
    state.data = data;
    const lines = plotLines(data);
    const t1 = performance.now();
    u.setData([lines.t, ...lines.v] as unknown as uPlot.AlignedData);
    await drawn;
    // Reading a pixel back waits for the canvas to have really drawn, not only recorded the commands.
    ctx.getImageData(u.bbox.left + 10, u.bbox.top + 10, 1, 1);
    const t2 = performance.now();
    times.totalMs.push(t2 - t0);
    times.linesMs.push(t1 - t0);
    times.drawMs.push(drawnAt - t1);
    times.flushMs.push(t2 - drawnAt);
    await new Promise((r) => requestAnimationFrame(r));
  }
  times.plotWidthPx = u.bbox.width;
  u.destroy();
  return times;
}

(window as unknown as { benchChartDraw: typeof benchChartDraw }).benchChartDraw = benchChartDraw;
