import { summarize } from './stats';

export type Timing = { median: number; p95: number; n: number };

/**
 * Time several paths to the same answer round-robin: run i takes path (i + k) mod n k-th, so slow drift on the
 * machine (influxd's background work, GC, a neighbour's load) falls on every path alike instead of on whichever
 * ran last. Each path runs once unmeasured first.
 */
export async function measureInterleaved(runs: number, tasks: readonly ((i: number) => Promise<unknown>)[]): Promise<Timing[]> {
  for (const task of tasks) await task(-1);
  const times = tasks.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < tasks.length; k++) {
      const p = (i + k) % tasks.length;
      const t0 = performance.now();
      await (tasks[p] as (i: number) => Promise<unknown>)(i);
      (times[p] as number[]).push(performance.now() - t0);
    }
  }
  return times.map((t) => summarize(t));
}
