import { demoFaultPlan, type FaultPlan } from './fault-plan';
import type { MinuteWindow } from './fault-schedule';
import type { PlantTruth } from './plant-truth';
import { Prng, hashSeed } from './prng';
import { SIM_SERIES, seriesIndex } from './sim-series';
import type { SimSeries } from './sim-series';

const NON_NEGATIVE = new Set(['kW', 'A', '%', 'L/s']);

/** Round to the historian's resolution without leaving binary fractions such as 7.130000000000001. */
export function quantize(x: number, quantum: number): number {
  if (quantum >= 1) return Math.round(x / quantum) * quantum;
  const inv = Math.round(1 / quantum);
  return Math.round(x * inv) / inv;
}

/**
 * What the sensors report: truth plus calibration bias, noise and rounding, and the sensor faults
 * (flatline, clock offset, swapped wiring, gaps). Noise comes from one stream per point and day, so a
 * day reads the same whether or not the days before it were written.
 */
export class SensorLayer {
  private readonly gaps: MinuteWindow[][] = SIM_SERIES.map(() => []);
  private readonly dropout: boolean[];
  private readonly nonNegative: boolean[];
  private readonly truths: ((p: PlantTruth) => number)[];
  private readonly flat: { index: number; window: MinuteWindow; value: number };
  private readonly offset: { index: number; window: MinuteWindow; ring: Float64Array; pending: number };
  private readonly swap: { a: number; b: number; window: MinuteWindow };
  private readonly dropoutRate: number;

  constructor(
    private readonly seed: number,
    plan: FaultPlan = demoFaultPlan(),
  ) {
    for (const g of plan.gaps) {
      const w = g.window;
      if (g.names === 'all') for (const list of this.gaps) list.push(w);
      else for (const name of g.names) this.gaps[seriesIndex(name)]?.push(w);
    }
    this.dropoutRate = plan.dropouts.rate;
    const dropNames = new Set<string>(plan.dropouts.names);
    this.dropout = SIM_SERIES.map((s) => dropNames.has(s.name));
    this.nonNegative = SIM_SERIES.map((s) => NON_NEGATIVE.has(s.unit ?? ''));
    this.truths = SIM_SERIES.map((s) => s.truth);
    this.flat = { index: seriesIndex(plan.flatline.name), window: plan.flatline.window, value: NaN };
    this.offset = {
      index: seriesIndex(plan.clockOffset.name),
      window: plan.clockOffset.window,
      ring: new Float64Array(plan.clockOffset.lagMinutes),
      pending: NaN,
    };
    this.swap = { a: seriesIndex(plan.swap.names[0]), b: seriesIndex(plan.swap.names[1]), window: plan.swap.window };
  }

  /**
   * Remember what faults need from the past (the delayed values, the value a sensor froze at). Call it for
   * every minute, also those not written, before `sample`.
   */
  observe(minute: number, p: PlantTruth): void {
    const o = this.offset;
    const slot = minute % o.ring.length;
    o.pending = o.ring[slot] ?? NaN;
    o.ring[slot] = (this.truths[o.index] as (p: PlantTruth) => number)(p);
    if (minute === this.flat.window.from) {
      const def = SIM_SERIES[this.flat.index] as SimSeries;
      this.flat.value = quantize(def.truth(p) + (def.bias ?? 0), def.quantum);
    }
  }

  /** Write what each sensor is exposed to at a minute (truth, or another's truth when miswired or late) into row k. */
  sample(minute: number, p: PlantTruth, columns: Float64Array[], k: number): void {
    const truths = this.truths;
    for (let i = 0; i < truths.length; i++) (columns[i] as Float64Array)[k] = (truths[i] as (p: PlantTruth) => number)(p);
    const s = this.swap;
    if (minute >= s.window.from && minute < s.window.to) {
      const a = columns[s.a] as Float64Array;
      const b = columns[s.b] as Float64Array;
      const t = a[k] as number;
      a[k] = b[k] as number;
      b[k] = t;
    }
    const o = this.offset;
    if (minute >= o.window.from && minute < o.window.to) (columns[o.index] as Float64Array)[k] = o.pending;
  }

  /**
   * Turn one day of sampled truth (rows k0 … k0+count−1, starting at minute `fromMinute`) into reported values:
   * bias, noise, rounding, the flatline, dropped polls and gaps (NaN).
   */
  report(columns: Float64Array[], k0: number, count: number, fromMinute: number, day: number): void {
    for (let i = 0; i < columns.length; i++) {
      const def = SIM_SERIES[i] as SimSeries;
      const col = columns[i] as Float64Array;
      const rng = new Prng(hashSeed(this.seed, 500, i, day));
      const bias = def.bias ?? 0;
      const q = def.quantum;
      const nonNegative = this.nonNegative[i] === true;
      const end = k0 + count;
      if (def.noise === 0) {
        for (let k = k0; k < end; k++) col[k] = quantize(col[k] as number, q);
      } else {
        for (let k = k0; k < end; k++) {
          const raw = col[k] as number;
          if (nonNegative && raw <= 0) {
            col[k] = 0;
            continue;
          }
          const v = quantize(raw + bias + def.noise * rng.tableNormal(), q);
          col[k] = nonNegative && v < 0 ? 0 : v;
        }
      }
      if (i === this.flat.index) fill(col, k0, fromMinute, count, this.flat.window, this.flat.value);
      if (this.dropout[i]) for (let k = k0; k < end; k++) if (rng.next() < this.dropoutRate) col[k] = NaN;
      for (const w of this.gaps[i] as MinuteWindow[]) fill(col, k0, fromMinute, count, w, NaN);
    }
  }
}

/** Set the rows of a column that fall in a window of minutes. */
function fill(col: Float64Array, k0: number, fromMinute: number, count: number, w: MinuteWindow, value: number): void {
  const a = Math.max(w.from, fromMinute);
  const b = Math.min(w.to, fromMinute + count);
  for (let m = a; m < b; m++) col[k0 + m - fromMinute] = value;
}
