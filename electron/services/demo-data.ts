import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MethodOutput } from '../../shared/api/contract';
import { isTwinError } from '../../shared/api/errors';
import { SIM_DAYS } from '../../shared/sim/sim-clock';
import { DEMO_SEED } from '../../shared/sim/simulator';
import { seedDemoData, seedDays } from '../sim/seed';
import type { LocalStore } from '../sources/local/local-store';
import { writeFileAtomic } from './project-files/atomic-write';
import type { EventHub } from './event-hub';

/** Whether the demo plant's data is written on first start, and how much of the year. */
export type DemoDataMode = { kind: 'off' } | { kind: 'year' } | { kind: 'days'; days: number };

/** `auto` (the whole year), `off`, or `days:N` (the last N days of the demo year). */
export function parseDemoDataMode(text: string): DemoDataMode {
  if (text === 'auto' || text === 'year') return { kind: 'year' };
  if (text === 'off') return { kind: 'off' };
  const m = /^days:(\d+)$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= SIM_DAYS) return { kind: 'days', days: Number(m[1]) };
  throw new Error(`--demo-data must be auto, off or days:N (N from 1 to ${SIM_DAYS}), got "${text}".`);
}

type Status = MethodOutput<'demoDataStatus'>;

/** The marker written once the demo data is complete; versioned so a changed simulator reseeds. */
interface DemoMarker {
  demoDataVersion: 1;
  seed: number;
  fromDay: number;
  toDay: number;
  completedAt: string;
}
const MARKER_FILE = 'demo-data.json';

/**
 * Puts the demo plant's data into the local store on first start, in the background, with progress
 * events; the app is usable meanwhile. Interrupted seeding starts again next time (writes replace points
 * with the same series and time, so a second pass is harmless).
 */
export class DemoData {
  private current: Status = { state: 'missing', fraction: 0, message: 'Demo data not written yet.' };
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventHub,
    private readonly mode: DemoDataMode,
  ) {}

  status(): Status {
    return this.current;
  }

  private set(next: Status): void {
    this.current = next;
    this.events.emit('demoDataProgress', next);
  }

  private async marker(): Promise<DemoMarker | null> {
    try {
      const m = JSON.parse(await readFile(path.join(this.store.dir, MARKER_FILE), 'utf8')) as DemoMarker;
      return m.demoDataVersion === 1 ? m : null;
    } catch {
      return null;
    }
  }

  /** Check and, if needed, write the demo data; resolves when done (the app does not wait for it). */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    if (this.mode.kind === 'off') {
      this.current = { state: 'missing', fraction: 0, message: 'Demo data is turned off for this session (--demo-data off).' };
      return;
    }
    const range = seedDays(this.mode.kind === 'days' ? { days: this.mode.days } : {});
    const have = await this.marker();
    if (have && have.seed === DEMO_SEED && have.fromDay <= range.fromDay && have.toDay >= range.toDay) {
      this.current = { state: 'ready', fraction: 1, message: `Demo data ready (${have.toDay - have.fromDay} days).` };
      return;
    }
    const total = range.toDay - range.fromDay;
    this.set({ state: 'seeding', fraction: 0, message: `Writing ${total} days of demo plant data…` });
    let lastSent = 0;
    try {
      const summary = await seedDemoData(this.store, {
        ...range,
        chunkDays: 2,
        signal: this.abort.signal,
        onProgress: (p) => {
          const fraction = p.daysDone / p.daysTotal;
          if (fraction - lastSent < 0.01 && fraction < 1) return;
          lastSent = fraction;
          this.set({ state: 'seeding', fraction, message: `Writing demo plant data: through ${p.through} (${Math.round(fraction * 100)}%).` });
        },
      });
      const marker: DemoMarker = { demoDataVersion: 1, seed: DEMO_SEED, ...range, completedAt: new Date().toISOString() };
      await writeFileAtomic(path.join(this.store.dir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
      this.set({ state: 'ready', fraction: 1, message: `Demo data ready: ${summary.series} series, ${summary.points.toLocaleString('en')} points.` });
    } catch (e) {
      if (this.abort.signal.aborted) return;
      const message = isTwinError(e) ? e.message : e instanceof Error ? e.message : String(e);
      this.set({ state: 'failed', fraction: this.current.fraction, message: `Demo data could not be written: ${message}` });
    }
  }

  /** Stop seeding (app quitting); what was written stays and the next start completes it. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
