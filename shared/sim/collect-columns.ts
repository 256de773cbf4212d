import { DAY_MINUTES } from './sim-clock';
import { SIM_SERIES } from './sim-series';
import type { SimOptions } from './simulator';
import { resolveSimOptions, simulatePlant } from './simulator';

/** A simulated range held whole: one time column and one value column per historian name (NaN = missing). */
export interface CollectedColumns {
  t: Float64Array;
  /** Minute of the year of row 0. */
  fromMinute: number;
  get(name: string): Float64Array;
}

/** Run the simulator over a range and keep the named points (all by default) in whole-range columns, for analysis and tests. */
export function collectColumns(options: SimOptions = {}, names?: readonly string[]): CollectedColumns {
  const o = resolveSimOptions(options);
  const rows = (o.toDay - o.fromDay) * DAY_MINUTES;
  const fromMinute = o.fromDay * DAY_MINUTES;
  const wanted = SIM_SERIES.map((s, i) => ({ name: s.name, i })).filter((s) => !names || names.includes(s.name));
  const t = new Float64Array(rows);
  const cols = new Map(wanted.map((s) => [s.name, new Float64Array(rows)]));
  for (const chunk of simulatePlant({ ...o, ...(options.onFoulingStart ? { onFoulingStart: options.onFoulingStart } : {}) })) {
    const at = chunk.fromMinute - fromMinute;
    t.set(chunk.t, at);
    for (const s of wanted) cols.get(s.name)?.set(chunk.columns[s.i] as Float64Array, at);
  }
  return {
    t,
    fromMinute,
    get(name: string): Float64Array {
      const c = cols.get(name);
      if (!c) throw new RangeError(`No column ${JSON.stringify(name)} was collected`);
      return c;
    },
  };
}
