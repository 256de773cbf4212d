import type { FaultPlan } from '../../sim/fault-plan';
import { SIM_SERIES } from '../../sim/sim-series';
import { DAY_MINUTES, MINUTE_MS, SIM_DAYS, SIM_START_MS } from '../../sim/sim-clock';
import { simulatePlant } from '../../sim/simulator';
import type { AlignedData } from '../run/run-types';

/**
 * A simulated year as a run sees it from a source: window means of the named series (series keys) on a
 * grid of `resolutionMs` from the start of the year, NaN for windows with no point. The same numbers the
 * local store answers after `twin seed`, without writing 28 M points first; also gives when the fouling
 * started.
 */
export function simulatedWindows(options: { seed: number; plan: FaultPlan; resolutionMs: number; keys: readonly string[] }): {
  data: AlignedData;
  foulingStart: number | null;
} {
  const index = options.keys.map((key) => {
    const i = SIM_SERIES.findIndex((s) => s.key === key);
    if (i < 0) throw new Error(`The simulator has no series ${key}`);
    return i;
  });
  const windows = Math.ceil((SIM_DAYS * DAY_MINUTES * MINUTE_MS) / options.resolutionMs);
  const sums = options.keys.map(() => new Float64Array(windows));
  const counts = options.keys.map(() => new Float64Array(windows));
  let foulingStart: number | null = null;
  for (const chunk of simulatePlant({ seed: options.seed, plan: options.plan, onFoulingStart: (m) => (foulingStart = m) })) {
    index.forEach((i, c) => {
      const col = chunk.columns[i] as Float64Array;
      const s = sums[c] as Float64Array;
      const n = counts[c] as Float64Array;
      for (let k = 0; k < col.length; k++) {
        const v = col[k] as number;
        if (v !== v) continue;
        const w = Math.floor(((chunk.t[k] as number) - SIM_START_MS) / options.resolutionMs);
        s[w] = (s[w] as number) + v;
        n[w] = (n[w] as number) + 1;
      }
    });
  }
  const t = Float64Array.from({ length: windows }, (_, w) => SIM_START_MS + w * options.resolutionMs);
  const columns: Record<string, Float64Array> = {};
  options.keys.forEach((key, c) => {
    const s = sums[c] as Float64Array;
    const n = counts[c] as Float64Array;
    columns[key] = Float64Array.from({ length: windows }, (_, w) => ((n[w] as number) > 0 ? (s[w] as number) / (n[w] as number) : NaN));
  });
  return { data: { t, columns }, foulingStart };
}
