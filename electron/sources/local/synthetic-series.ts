/**
 * Deterministic sensor-like series for the store's tests and benchmark: a daily cycle plus noise
 * at a fixed step, with optional gaps (runs of missing points) and repeated timestamps.
 */
import { Prng } from '../../../shared/sim/prng';

export interface SyntheticOptions {
  seed: number;
  from: number;
  step: number;
  count: number;
  /** Chance per point of starting a gap of 10–500 missing steps. */
  gapChance?: number;
  /** Chance per point that the next point repeats its timestamp with a new value. */
  duplicateChance?: number;
}

/** Points in append order: times ascend, except that a duplicate repeats the time before it. */
export function syntheticSeries(o: SyntheticOptions): { t: Float64Array; v: Float64Array } {
  const rng = new Prng(o.seed);
  const t: number[] = [];
  const v: number[] = [];
  let time = o.from;
  for (let i = 0; i < o.count; i++) {
    if (o.gapChance && rng.next() < o.gapChance) time += Math.floor(10 + rng.next() * 490) * o.step;
    const day = (time % 86_400_000) / 86_400_000;
    t.push(time);
    v.push(20 + 5 * Math.sin(2 * Math.PI * day) + rng.normal());
    if (o.duplicateChance && rng.next() < o.duplicateChance) {
      t.push(time);
      v.push(100 + rng.normal());
    }
    time += o.step;
  }
  return { t: Float64Array.from(t), v: Float64Array.from(v) };
}

/** Keep the last value per timestamp, as the store does; input times must be non-decreasing. */
export function lastValuePerTime(t: ArrayLike<number>, v: ArrayLike<number>): { t: number[]; v: number[] } {
  const ot: number[] = [];
  const ov: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ot.length > 0 && ot[ot.length - 1] === ti) ov[ov.length - 1] = v[i] as number;
    else {
      ot.push(ti);
      ov.push(v[i] as number);
    }
  }
  return { t: ot, v: ov };
}
