/**
 * Fidelity of the chart's line: a year of minute data with single-minute spikes and dips, drawn the way the
 * chart draws it (one window per pixel column, M4 vertices, gaps broken by the stale rule), rasterised with
 * this test's own Bresenham, against the raster of the line through every raw point. Zero differing pixels.
 * The same comparison for 1,000 plain means is printed for the README.
 */
import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { m4Line, m4Times, rawLine, type LineValue } from './m4';
import { LineRaster } from './line-raster';
import { pixelColumn, pixelRow, traceLine, type ColumnScale, type ValueScale } from './plot-pixels';
import { Raster } from './reference-raster';
import { staleLimit } from './sample-interval';
import { learnProfile } from './series-profile';
import type { TimeRange } from './types';
import { aggregateWindows, windowLayout } from './window-math';

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR_FROM = Date.UTC(2025, 0, 1, 6);
const YEAR_TO = YEAR_FROM + 365 * DAY;

interface Dataset {
  t: Float64Array;
  v: Float64Array;
  spikes: number[];
}

/** Minute data over the year: daily and weekly cycles, noise, single-minute spikes and dips, a few multi-day outages. */
function yearOfMinutes(seed: number): Dataset {
  const rng = new Prng(seed);
  const outages: TimeRange[] = [
    { from: YEAR_FROM + 40 * DAY + 3 * 3_600_000, to: YEAR_FROM + 43 * DAY },
    { from: YEAR_FROM + 200 * DAY, to: YEAR_FROM + 205 * DAY + 7 * 3_600_000 },
    { from: YEAR_FROM + 300 * DAY + 17 * MINUTE, to: YEAR_FROM + 302 * DAY },
  ];
  const t: number[] = [];
  const v: number[] = [];
  const spikes: number[] = [];
  let drift = 0;
  for (let m = 0; m < 365 * 1440; m++) {
    const tm = YEAR_FROM + m * MINUTE;
    if (outages.some((o) => tm >= o.from && tm < o.to)) continue;
    drift += rng.normal() * 0.05;
    drift *= 0.999;
    const day = Math.sin((2 * Math.PI * (m % 1440)) / 1440);
    const week = Math.cos((2 * Math.PI * (m % 10_080)) / 10_080);
    let value = 400 + 150 * day + 40 * week + 30 * Math.sin((2 * Math.PI * m) / 525_600) + drift + rng.normal() * 4;
    // About one spike or dip every two days, one minute each.
    if (rng.next() < 1 / 2_880) {
      value += (rng.next() < 0.5 ? -1 : 1) * (120 + rng.next() * 250);
      spikes.push(t.length);
    }
    t.push(tm);
    v.push(value);
  }
  return { t: Float64Array.from(t), v: Float64Array.from(v), spikes };
}

/** The raw points of a dataset inside a range. */
function slice(d: Dataset, r: TimeRange): { t: Float64Array; v: Float64Array } {
  let a = 0;
  while (a < d.t.length && (d.t[a] as number) < r.from) a++;
  let b = a;
  while (b < d.t.length && (d.t[b] as number) < r.to) b++;
  return { t: d.t.subarray(a, b), v: d.v.subarray(a, b) };
}

function yScaleOf(v: ArrayLike<number>): ValueScale {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    min = Math.min(min, v[i] as number);
    max = Math.max(max, v[i] as number);
  }
  return { min, max };
}

/** The chart's line: traced the way the chart's path builder traces it. */
function rasterise(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: ColumnScale, y: ValueScale, width: number, height: number): Raster {
  const r = new Raster(width, height);
  traceLine(
    ts,
    vs,
    (t) => pixelColumn(t, x),
    (v) => pixelRow(v, y, height),
    r,
  );
  return r;
}

/** The chart's line as the chart puts it on the canvas: lit by its LineRaster from the same vertices, 1 px wide. */
function rasteriseDrawn(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: ColumnScale, y: ValueScale, width: number, height: number): Raster {
  const lr = new LineRaster(width, height, 1);
  lr.begin(0xff0000ff);
  lr.trace(
    ts,
    vs,
    (t) => pixelColumn(t, x),
    (v) => pixelRow(v, y, height),
  );
  const r = new Raster(width, height);
  for (let i = 0; i < r.bits.length; i++) r.bits[i] = lr.pixels[i] ? 1 : 0;
  return r;
}

/** The reference: a segment from every vertex to the next, the pen lifted at gaps; nothing of the chart's tracing. */
function rasteriseNaive(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: ColumnScale, y: ValueScale, width: number, height: number): Raster {
  const r = new Raster(width, height);
  let down = false;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v === null) down = false;
    if (v === null || v === undefined) continue;
    const px = pixelColumn(ts[i] as number, x);
    const py = pixelRow(v, y, height);
    if (!down) r.moveTo(px, py);
    r.lineTo(px, py);
    down = true;
  }
  return r;
}

function differing(a: Raster, b: Raster): number {
  let n = 0;
  for (let i = 0; i < a.bits.length; i++) if (a.bits[i] !== b.bits[i]) n++;
  return n;
}

/** Pixels of `truth` that `drawn` leaves dark: what a chart hides. */
function hidden(truth: Raster, drawn: Raster): number {
  let n = 0;
  for (let i = 0; i < truth.bits.length; i++) if (truth.bits[i] && !drawn.bits[i]) n++;
  return n;
}

/** Draw a range at a plot size the way the chart does, and the raw line the same way. */
function compare(d: Dataset, range: TimeRange, width: number, height: number) {
  const layout = windowLayout(range, width);
  const raw = slice(d, range);
  const windows = aggregateWindows('test#v', raw.t, raw.v, layout);
  const stale = staleLimit(learnProfile(windows, layout).intervalMs);
  const x: ColumnScale = { from: layout.from, msPerPx: layout.width };
  const y = yScaleOf(raw.v);
  const m4 = m4Line(windows, layout, stale);
  const chart = rasterise(m4Times(layout), m4, x, y, width, height);
  const drawn = rasteriseDrawn(m4Times(layout), m4, x, y, width, height);
  const line = rawLine(raw.t, raw.v, stale);
  const truth = rasteriseNaive(line.t, line.v, x, y, width, height);
  return { layout, windows, raw, stale, x, y, chart, drawn, truth };
}

describe('the chart line is pixel-exact (M4 on windows aligned to pixel columns)', () => {
  const data = yearOfMinutes(20250101);
  const year: TimeRange = { from: YEAR_FROM, to: YEAR_TO };

  it('a year of minute data at 1,000 × 300 px: zero differing pixels, every spike and dip drawn', () => {
    const { chart, drawn, truth, stale, x, y, raw } = compare(data, year, 1000, 300);
    expect(raw.t.length).toBeGreaterThan(500_000);
    // Learned from the windows (a window of 8 h 45.6 min holds 525 or 526 minutes): five minutes.
    expect(Math.abs(stale - 5 * MINUTE)).toBeLessThan(0.01 * 5 * MINUTE);
    expect(truth.lit()).toBeGreaterThan(10_000);
    expect(differing(chart, truth)).toBe(0);
    // And the pixels the chart's own rasteriser lights on the canvas.
    expect(differing(drawn, truth)).toBe(0);
    // Each injected spike's own pixel is lit.
    expect(data.spikes.length).toBeGreaterThan(100);
    for (const i of data.spikes) {
      const px = pixelColumn(data.t[i] as number, x);
      const py = pixelRow(data.v[i] as number, y, 300);
      expect(chart.bits[py * 1000 + px], `spike at ${new Date(data.t[i] as number).toISOString()}`).toBe(1);
    }
    // The outages are gaps: no pixel lit in a column wholly inside one.
    const inside = pixelColumn(YEAR_FROM + 201 * DAY, x);
    for (let row = 0; row < 300; row++) expect(chart.bits[row * 1000 + inside]).toBe(0);
  });

  it('at widths that do not divide the range, zoomed in, and with windows narrower than the sampling interval', () => {
    const cases: [TimeRange, number, number][] = [
      [year, 1237, 411],
      [year, 3841, 160],
      // A week around an outage edge, starting off the minute.
      [{ from: YEAR_FROM + 38 * DAY + 12_345, to: YEAR_FROM + 45 * DAY + 999 }, 911, 250],
      // Six hours on 1,000 px: windows of 21.6 s, most of them empty, yet no gap (minute data, 5-minute stale limit).
      [{ from: YEAR_FROM + 100 * DAY, to: YEAR_FROM + 100 * DAY + 6 * 3_600_000 }, 1000, 300],
    ];
    for (const [range, w, h] of cases) {
      const { chart, drawn, truth } = compare(data, range, w, h);
      expect(truth.lit(), `${w}×${h}`).toBeGreaterThan(w);
      expect(differing(chart, truth), `${w}×${h} over ${range.to - range.from} ms`).toBe(0);
      expect(differing(drawn, truth), `drawn ${w}×${h} over ${range.to - range.from} ms`).toBe(0);
    }
  });

  it('1,000 plain means hide much of the same line (printed for the README)', () => {
    const width = 1000;
    const height = 300;
    const { truth, x, y, raw } = compare(data, year, width, height);
    const layout = windowLayout(year, 1000);
    const w = aggregateWindows('test#v', raw.t, raw.v, layout);
    // Means, each at its window's column, broken by the same rule.
    const ts: number[] = [];
    const vs: LineValue[] = [];
    for (let k = 0; k < w.t.length; k++) {
      if (k > 0 && (w.t[k] as number) - (w.t[k - 1] as number) > layout.width) {
        ts.push(w.t[k] as number);
        vs.push(null);
      }
      ts.push(w.t[k] as number);
      vs.push(w.mean[k] as number);
    }
    const means = rasteriseNaive(ts, vs, x, y, width, height);
    const lost = hidden(truth, means);
    const share = lost / truth.lit();
    const m4Diff = differing(compare(data, year, width, height).chart, truth);
    console.log(
      `Fidelity, a year of minute data (${raw.t.length.toLocaleString('en')} points, ${data.spikes.length} one-minute spikes and dips) at ${width} × ${height} px:\n` +
        `  chart (M4, one window per pixel column): ${m4Diff} of ${truth.lit().toLocaleString('en')} line pixels differ\n` +
        `  1,000 plain means: ${lost.toLocaleString('en')} of the line's ${truth.lit().toLocaleString('en')} pixels hidden (${(share * 100).toFixed(1)} %)`,
    );
    expect(share).toBeGreaterThan(0.3);
  });
});

describe('M4 line shape', () => {
  it('puts first, min, max and last of a window on its column and breaks only at gaps over the stale limit', () => {
    const layout = windowLayout({ from: 0, to: 100 }, 10);
    const t = [0, 3, 5, 12, 35, 41, 44, 72];
    const v = [5, 1, 9, 4, 7, 2, 8, 3];
    const w = aggregateWindows('k#v', t, v, layout);
    expect(m4Times(layout).slice(0, 8)).toEqual([0, 0, 0, 0, 10, 10, 10, 10]);
    // Stale limit 15 ms: 12 → 35 (windows 1 and 3, at least 11 ms apart) is not a gap; 44 → 72 (windows 4 and 7, at least 21 ms) is.
    const line = m4Line(w, layout, 15);
    expect(line.slice(0, 4)).toEqual([5, 1, 9, 9]);
    expect(line.slice(4, 8)).toEqual([4, 4, 4, 4]);
    expect(line.slice(8, 12)).toEqual([undefined, undefined, undefined, undefined]);
    expect(line.slice(12, 16)).toEqual([7, 7, 7, 7]);
    expect(line.slice(16, 20)).toEqual([2, 2, 8, 8]);
    expect(line[20]).toBeNull();
    expect(line.slice(28, 32)).toEqual([3, 3, 3, 3]);
    // A tighter stale limit breaks before window 3 as well.
    expect(m4Line(w, layout, 10)[8]).toBeNull();
  });

  it('breaks the raw line where neighbours are further apart than the stale limit', () => {
    expect(rawLine([0, 10, 20, 50, 60], [1, 2, 3, 4, 5], 15)).toEqual({ t: [0, 10, 20, 50, 50, 60], v: [1, 2, 3, null, 4, 5] });
  });

  it('traces the vertices of one pixel column as its vertical run, entered at the first and left at the last', () => {
    const calls: string[] = [];
    traceLine(
      [0, 0, 0, 0, 1, 1, 2],
      [5, 1, 9, 7, 3, 3, 4],
      (t) => t,
      (v) => v,
      { moveTo: (x, y) => calls.push(`M${x},${y}`), lineTo: (x, y) => calls.push(`L${x},${y}`) },
    );
    expect(calls).toEqual(['M0,5', 'L0,5', 'M0,1', 'L0,9', 'M0,7', 'L1,3', 'L2,4']);
  });

  it('traces a lone vertex as a zero-length stroke so it stays visible', () => {
    const calls: string[] = [];
    traceLine(
      [0, 1, 2, 3],
      [1, null, 2, undefined],
      (t) => t,
      (v) => v,
      { moveTo: (x, y) => calls.push(`M${x},${y}`), lineTo: (x, y) => calls.push(`L${x},${y}`) },
    );
    expect(calls).toEqual(['M0,1', 'L0,1', 'M2,2', 'L2,2']);
  });
});
