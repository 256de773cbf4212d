import { demoFaultPlan, type FaultPlan } from './fault-plan';
import { PlantPhysics } from './plant-physics';
import { SensorLayer } from './sensor-layer';
import { DAY_MINUTES, MINUTE_MS, SIM_DAYS, SIM_START_MS, SimClock } from './sim-clock';
import { SIM_SERIES } from './sim-series';

/** The seed the shipped demo data is made with. */
export const DEMO_SEED = 7;

export interface SimOptions {
  seed?: number;
  /** First local day of 2025 to emit (0 = Jan 1); earlier days are simulated but not emitted. */
  fromDay?: number;
  /** Day after the last one to emit (365 = the whole year). */
  toDay?: number;
  /** Days per chunk (default 7). */
  chunkDays?: number;
  /** The faults the year carries (default: the demo year's). */
  plan?: FaultPlan;
  /** Told the minute of the year the plan's fouling started, once it has. */
  onFoulingStart?: (minute: number) => void;
}

/** A block of consecutive minutes: one time column shared by all points, one value column per point (NaN = missing). */
export interface SimChunk {
  /** Epoch ms of each row. */
  t: Float64Array;
  /** `columns[i]` belongs to `SIM_SERIES[i]`. */
  columns: Float64Array[];
  /** Minute of the year of the first row. */
  fromMinute: number;
}

/** Check and fill in simulation options; throws RangeError for days outside the year. */
export function resolveSimOptions(o: SimOptions = {}): Required<Omit<SimOptions, 'onFoulingStart'>> {
  const r = { seed: o.seed ?? DEMO_SEED, fromDay: o.fromDay ?? 0, toDay: o.toDay ?? SIM_DAYS, chunkDays: o.chunkDays ?? 7, plan: o.plan ?? demoFaultPlan() };
  if (!Number.isInteger(r.seed)) throw new RangeError(`The seed must be an integer, got ${r.seed}`);
  if (!Number.isInteger(r.fromDay) || !Number.isInteger(r.toDay) || r.fromDay < 0 || r.toDay > SIM_DAYS || r.fromDay >= r.toDay) {
    throw new RangeError(`Days must satisfy 0 ≤ fromDay < toDay ≤ ${SIM_DAYS}, got ${r.fromDay}…${r.toDay}`);
  }
  if (!Number.isInteger(r.chunkDays) || r.chunkDays < 1) throw new RangeError(`chunkDays must be a positive integer, got ${r.chunkDays}`);
  return r;
}

/**
 * Simulate the demo plant minute by minute and yield columnar chunks. Physics always starts on January 1st,
 * so a chunk is bit-identical whatever range or chunk size asked for it; only the emitted days allocate.
 */
export function* simulatePlant(options: SimOptions = {}): Generator<SimChunk> {
  const o = resolveSimOptions(options);
  const clock = new SimClock();
  const physics = new PlantPhysics(o.seed, clock, o.plan);
  const sensors = new SensorLayer(o.seed, o.plan);
  let told = false;
  const tell = (): void => {
    if (told || physics.fouling.start === null) return;
    told = true;
    options.onFoulingStart?.(physics.fouling.start);
  };
  for (let m = 0; m < o.fromDay * DAY_MINUTES; m++) sensors.observe(m, physics.step());
  tell();
  for (let day = o.fromDay; day < o.toDay; day += o.chunkDays) {
    const days = Math.min(o.chunkDays, o.toDay - day);
    const rows = days * DAY_MINUTES;
    const fromMinute = day * DAY_MINUTES;
    const t = new Float64Array(rows);
    const columns = SIM_SERIES.map(() => new Float64Array(rows));
    for (let k = 0; k < rows; k++) {
      const m = fromMinute + k;
      const p = physics.step();
      sensors.observe(m, p);
      sensors.sample(m, p, columns, k);
      t[k] = SIM_START_MS + m * MINUTE_MS;
    }
    for (let d = 0; d < days; d++) sensors.report(columns, d * DAY_MINUTES, DAY_MINUTES, fromMinute + d * DAY_MINUTES, day + d);
    tell();
    yield { t, columns, fromMinute };
  }
}
