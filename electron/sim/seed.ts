import { toErrorData, twinError } from '../../shared/api/errors';
import type { SeriesColumns } from '../../shared/sim/chunk-batches';
import { chunkToBatches } from '../../shared/sim/chunk-batches';
import { DAY_MINUTES, SIM_DAYS, SIM_START_MS, formatLocalIso, MINUTE_MS } from '../../shared/sim/sim-clock';
import type { FaultPlan } from '../../shared/sim/fault-plan';
import { resolveSimOptions, simulatePlant } from '../../shared/sim/simulator';

/** Where seeded data goes: the local store implements exactly this; InfluxDB through `Influx1SeedTarget`. */
export interface SeedTarget {
  /** Append one block of points per series (time-ordered, no gaps inside a column, newer than anything appended before). */
  appendColumns(batch: { key: string; t: Float64Array; v: Float64Array; unit?: string; description?: string }[]): Promise<unknown>;
  /** Targets that buffer (parallel HTTP writes) resolve this once everything appended has landed. */
  flush?(): Promise<void>;
}

export interface SeedProgress {
  /** Days written so far and in all. */
  daysDone: number;
  daysTotal: number;
  /** Points appended so far. */
  points: number;
  /** Local date of the last day written (`2025-03-04`). */
  through: string;
  elapsedMs: number;
}

export interface SeedOptions {
  seed?: number;
  /** The faults of the year (default: the demo year's). */
  plan?: FaultPlan;
  /** Seed only the last N days of the demo year (a fast option for tests and quick starts). */
  days?: number;
  /** Or an explicit range of days of the year: [fromDay, toDay). */
  fromDay?: number;
  toDay?: number;
  /** Days simulated per append (default 7). */
  chunkDays?: number;
  onProgress?: (p: SeedProgress) => void;
  signal?: AbortSignal;
}

export interface SeedSummary {
  series: number;
  points: number;
  /** First and last timestamps written, epoch ms. */
  from: number;
  to: number;
  elapsedMs: number;
  /** Minute of the year the plan's fouling started (null when it had not by the end of the seeded range). */
  foulingStart: number | null;
}

/** Resolve `days` / `fromDay` / `toDay` into a range of days of the year; throws invalid-input for nonsense. */
export function seedDays(o: SeedOptions): { fromDay: number; toDay: number } {
  if (o.days !== undefined) {
    if (!Number.isInteger(o.days) || o.days < 1 || o.days > SIM_DAYS) {
      throw twinError('invalid-input', `--days must be a whole number from 1 to ${SIM_DAYS}, got ${o.days}.`);
    }
    if (o.fromDay !== undefined || o.toDay !== undefined) throw twinError('invalid-input', 'Give either the number of days or a day range, not both.');
    return { fromDay: SIM_DAYS - o.days, toDay: SIM_DAYS };
  }
  try {
    const r = resolveSimOptions({ fromDay: o.fromDay ?? 0, toDay: o.toDay ?? SIM_DAYS });
    return { fromDay: r.fromDay, toDay: r.toDay };
  } catch (e) {
    throw twinError('invalid-input', (e as Error).message);
  }
}

/**
 * Simulate the demo plant and append it to a target chunk by chunk, reporting progress after each. Memory
 * stays at one chunk (plus what the target buffers). A failure says how far the seeding got.
 */
export async function seedDemoData(target: SeedTarget, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { fromDay, toDay } = seedDays(options);
  const chunkDays = options.chunkDays ?? 7;
  let points = 0;
  let daysDone = 0;
  let through = '';
  let last = -Infinity;
  let series = 0;
  let foulingStart: number | null = null;
  try {
    const sim = {
      seed: options.seed,
      fromDay,
      toDay,
      chunkDays,
      ...(options.plan ? { plan: options.plan } : {}),
      onFoulingStart: (m: number) => (foulingStart = m),
    };
    for (const chunk of simulatePlant(sim)) {
      if (options.signal?.aborted) throw twinError('cancelled', 'Seeding was cancelled.');
      const batch: SeriesColumns[] = chunkToBatches(chunk);
      series = batch.length;
      await target.appendColumns(batch);
      for (const b of batch) points += b.t.length;
      last = Math.max(last, chunk.t[chunk.t.length - 1] ?? last);
      daysDone += chunk.t.length / DAY_MINUTES;
      through = formatLocalIso(last).slice(0, 10);
      options.onProgress?.({ daysDone, daysTotal: toDay - fromDay, points, through, elapsedMs: performance.now() - started });
    }
    await target.flush?.();
  } catch (e) {
    if (daysDone === 0) throw e;
    const cause = toErrorData(e);
    throw twinError(
      cause.kind,
      `Seeding the demo data stopped after ${daysDone} of ${toDay - fromDay} days (through ${through}, ${points} points appended): ${cause.message}`,
      {
        ...(cause.where !== undefined ? { where: cause.where } : {}),
        details: { ...cause.details, daysDone, points, through },
      },
    );
  }
  return { series, points, from: SIM_START_MS + fromDay * DAY_MINUTES * MINUTE_MS, to: last, elapsedMs: performance.now() - started, foulingStart };
}
