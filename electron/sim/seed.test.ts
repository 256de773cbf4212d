import { describe, expect, it } from 'vitest';
import type { TwinError } from '../../shared/api/errors';
import { collectColumns } from '../../shared/sim/collect-columns';
import { DAY_MINUTES, MINUTE_MS, SIM_DAYS, SIM_MINUTES, SIM_START_MS } from '../../shared/sim/sim-clock';
import { SIM_SERIES } from '../../shared/sim/sim-series';
import { MemorySeedTarget } from './memory-seed-target';
import type { SeedProgress, SeedTarget } from './seed';
import { seedDemoData } from './seed';

async function failure(p: Promise<unknown>): Promise<TwinError> {
  try {
    await p;
  } catch (e) {
    return e as TwinError;
  }
  throw new Error('expected seeding to fail');
}

describe('seedDemoData', () => {
  it('appends the last N days chunk by chunk, with progress after each, exactly what the simulator makes', async () => {
    const target = new MemorySeedTarget();
    const progress: SeedProgress[] = [];
    const summary = await seedDemoData(target, { days: 3, chunkDays: 1, onProgress: (p) => progress.push(p) });
    expect(target.appends).toBe(3);
    expect(progress.map((p) => p.daysDone)).toEqual([1, 2, 3]);
    expect(progress.map((p) => p.through)).toEqual(['2025-12-29', '2025-12-30', '2025-12-31']);
    expect(progress.every((p, i) => i === 0 || p.points > (progress[i - 1] as SeedProgress).points)).toBe(true);
    expect(summary.series).toBe(SIM_SERIES.length);
    expect(summary.from).toBe(SIM_START_MS + (SIM_DAYS - 3) * DAY_MINUTES * MINUTE_MS);
    expect(summary.to).toBe(SIM_START_MS + (SIM_MINUTES - 1) * MINUTE_MS);

    const reference = collectColumns({ fromDay: SIM_DAYS - 3, toDay: SIM_DAYS });
    let total = 0;
    for (const s of SIM_SERIES) {
      const { t, v } = target.series(s.key);
      const col = reference.get(s.name);
      const present = Array.from(col).filter((x) => x === x);
      expect(Array.from(v), s.name).toEqual(present);
      for (let i = 1; i < t.length; i++) expect(t[i], s.name).toBeGreaterThan(t[i - 1] as number);
      total += t.length;
    }
    expect(summary.points).toBe(total);
    expect(progress.at(-1)?.points).toBe(total);
  });

  it('refuses day counts outside the year', async () => {
    const target = new MemorySeedTarget();
    expect((await failure(seedDemoData(target, { days: 0 }))).kind).toBe('invalid-input');
    expect((await failure(seedDemoData(target, { days: 366 }))).kind).toBe('invalid-input');
    expect((await failure(seedDemoData(target, { days: 3, fromDay: 1 }))).kind).toBe('invalid-input');
    expect((await failure(seedDemoData(target, { fromDay: 10, toDay: 5 }))).message).toMatch(/fromDay/);
    expect(target.appends).toBe(0);
  });

  it('stops when cancelled and says how far it got', async () => {
    const controller = new AbortController();
    const target = new MemorySeedTarget();
    const err = await failure(
      seedDemoData(target, { days: 5, chunkDays: 1, signal: controller.signal, onProgress: (p) => p.daysDone === 2 && controller.abort() }),
    );
    expect(err.kind).toBe('cancelled');
    expect(err.message).toMatch(/after 2 of 5 days \(through 2025-12-28/);
    expect(target.appends).toBe(2);
  });

  it('passes a target failure on with its kind and where, plus the progress made', async () => {
    let calls = 0;
    const target: SeedTarget = {
      appendColumns: async () => {
        if (++calls === 2) {
          const { twinError } = await import('../../shared/api/errors');
          throw twinError('unreachable', 'Nothing accepts connections at 127.0.0.1:9 (connection refused).', { where: '127.0.0.1:9' });
        }
      },
    };
    const err = await failure(seedDemoData(target, { days: 2, chunkDays: 1 }));
    expect(err.kind).toBe('unreachable');
    expect(err.where).toBe('127.0.0.1:9');
    expect(err.message).toMatch(/stopped after 1 of 2 days .*connection refused/);
  });

  it('seeds the whole year into memory in seconds (timed, printed)', async () => {
    const target = new MemorySeedTarget();
    const summary = await seedDemoData(target);
    console.log(`full year into memory: ${summary.series} series, ${summary.points} points in ${Math.round(summary.elapsedMs)} ms`);
    // Every point of every minute, less the documented gaps and dropouts (well under 1 %).
    expect(summary.points).toBeLessThan(SIM_SERIES.length * SIM_MINUTES);
    expect(summary.points).toBeGreaterThan(0.99 * SIM_SERIES.length * SIM_MINUTES);
    expect(target.count('B7_CH1_KW#value')).toBe(SIM_MINUTES - 275);
  }, 180_000);
});
